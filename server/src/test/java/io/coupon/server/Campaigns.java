package io.coupon.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The campaign-operations calls the ITs make: PATCH (which {@link Api} does not speak), templates, carts. */
final class Campaigns {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Campaigns() {
    }

    static Api.Response patch(Api api, long templateId, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + "/v1/templates/" + templateId))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            ContractCheck.verify(response, json);
            return new Api.Response(response.statusCode(),
                    response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A whole-order CASH template open now. */
    static Map<String, Object> cash(long id, String amount, long totalCount) {
        Map<String, Object> t = Api.templateFields(id, totalCount, 1, Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(30)));
        t.put("type", "CASH");
        t.put("discount", new BigDecimal(amount));
        t.remove("threshold");
        return t;
    }

    static Map<String, Object> stackable(Map<String, Object> template, String group) {
        template.put("stacking", "STACKABLE");
        template.put("stackGroup", group);
        return template;
    }

    static Map<String, Object> scoped(Map<String, Object> template, List<String> skus, List<String> categories) {
        template.put("scope", Map.of("skus", skus, "categories", categories));
        return template;
    }

    static Map<String, Object> item(String sku, String category, String unitPrice, int quantity) {
        return Map.of("sku", sku, "category", category, "unitPrice", new BigDecimal(unitPrice), "quantity", quantity);
    }

    /** Grants the user one coupon of the template and returns its id. */
    static String grant(Api api, long templateId, long userId) {
        Api.Response granted = api.claimAnswered(templateId, userId, "grant-" + templateId + "-" + userId);
        if (!"GRANTED".equals(granted.body().path("status").asText())) {
            throw new AssertionError("not granted: " + granted.body());
        }
        return granted.body().get("couponId").asText();
    }
}
