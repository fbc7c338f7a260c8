package io.coupon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The few calls of the public contract the scenarios make; claims are sent without blocking. */
final class CouponHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    CouponHttp(String base, Duration timeout) {
        // HTTP/1.1 on purpose: no h2c upgrade attempt, one connection per request in flight, like most clients.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.timeout = timeout;
    }

    /** Creates a template with the server choosing its id, and returns that id. */
    long createTemplate(String name, long totalCount, int perUserLimit, Instant start, Instant end)
            throws IOException, InterruptedException {
        return createTemplate(name, totalCount, perUserLimit, start, end, null);
    }

    /** The same, with an audience rule (JSON as the contract spells it), or none when null. */
    long createTemplate(String name, long totalCount, int perUserLimit, Instant start, Instant end, String audience)
            throws IOException, InterruptedException {
        String body = String.format("{\"name\": \"%s\", \"type\": \"THRESHOLD\", \"discount\": 20.00,"
                + " \"threshold\": 200.00, \"totalCount\": %d, \"perUserLimit\": %d,"
                + " \"startTime\": \"%s\", \"endTime\": \"%s\", \"validDays\": 7%s}",
                name, totalCount, perUserLimit, start, end, audience == null ? "" : ", \"audience\": " + audience);
        HttpResponse<String> created;
        try {
            created = client.send(post("/v1/templates", body), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // e.g. a server that says it is serving but cannot define a template yet: say which call it was
            throw new IOException("template not created within " + timeout.toSeconds() + " s", e);
        }
        if (created.statusCode() != 201) {
            throw new IOException("template not created: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asLong();
    }

    JsonNode template(long id) throws IOException, InterruptedException {
        return read("/v1/templates/" + id, "template " + id);
    }

    /** How many coupons the user's wallet holds. */
    int walletSize(long userId) throws IOException, InterruptedException {
        return read("/v1/users/" + userId + "/coupons", "wallet of " + userId).get("coupons").size();
    }

    /** Sends a claim and completes with its outcome name, e.g. {@code "201 GRANTED"} or {@code "429"}. */
    CompletableFuture<String> claim(long templateId, long userId) {
        return claimAnswer(templateId, userId).thenApply(r -> outcome(r.statusCode(), r.body()));
    }

    /** Sends a claim and completes with the whole answer, for a caller that wants the coupon id of a 201. */
    CompletableFuture<HttpResponse<String>> claimAnswer(long templateId, long userId) {
        return client.sendAsync(post("/v1/templates/" + templateId + "/claims", "{\"userId\": " + userId + "}"),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a claim and waits for its HTTP status. The idempotency key lets a caller send it again after an answer
     * that decides nothing (202, 503, no answer) without claiming twice.
     */
    int claim(long templateId, long userId, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = postBuilder("/v1/templates/" + templateId + "/claims", "{\"userId\": " + userId + "}")
                .header("Idempotency-Key", idempotencyKey).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Replaces the user's profile; completes with the HTTP status (200 stored, 202 durable but not yet stored). */
    CompletableFuture<Integer> putProfile(long userId, String json) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/v1/users/" + userId + "/profile"))
                        .timeout(timeout).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    /** Starts a targeted issuance of the template to the users {@code audience} matches; it must answer 202. */
    void startIssuance(long templateId, String issuanceId, String audience) throws IOException, InterruptedException {
        String body = "{\"issuanceId\": \"" + issuanceId + "\", \"audience\": " + audience + "}";
        HttpResponse<String> started = client.send(post("/v1/templates/" + templateId + "/issuances", body),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IOException("issuance not started: " + started.statusCode() + " " + started.body());
        }
    }

    /** The issuance's progress as the server shows it: {@code {status, matched, granted, rejected}}. */
    JsonNode issuance(long templateId, String issuanceId) throws IOException, InterruptedException {
        return read("/v1/templates/" + templateId + "/issuances/" + issuanceId, "issuance " + issuanceId);
    }

    /** Reads the user's wallet; completes with its status code, e.g. {@code "200"} (the body is not parsed). */
    CompletableFuture<String> wallet(long userId) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/v1/users/" + userId + "/coupons"))
                        .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(r -> String.valueOf(r.statusCode()));
    }

    /** Try then, if it locked, Confirm: completes with both outcomes, e.g. {@code "201 LOCKED, 200 USED"}. */
    CompletableFuture<String> redeem(String orderId, long userId, String couponId, String orderAmount) {
        String body = String.format("{\"orderId\": \"%s\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": %s}",
                orderId, userId, couponId, orderAmount);
        return client.sendAsync(post("/v1/redemptions", body), HttpResponse.BodyHandlers.ofString())
                .thenCompose(tried -> {
                    String first = outcome(tried.statusCode(), tried.body());
                    if (tried.statusCode() != 201) {
                        return CompletableFuture.completedFuture(first);
                    }
                    return client.sendAsync(post("/v1/redemptions/" + orderId + "/confirm", "{\"userId\": " + userId + "}"),
                            HttpResponse.BodyHandlers.ofString())
                            .thenApply(confirmed -> first + ", " + outcome(confirmed.statusCode(), confirmed.body()));
                });
    }

    /** The coupon id of a 201 claim answer, or null. */
    static String couponId(HttpResponse<String> answer) {
        if (answer.statusCode() != 201) {
            return null;
        }
        try {
            JsonNode id = JSON.readTree(answer.body()).get("couponId");
            return id == null ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    /** The HTTP status, followed by the body's {@code status} field when it has one. */
    static String outcome(int status, String body) {
        if (body != null && body.contains("\"status\"")) {
            try {
                JsonNode node = JSON.readTree(body).get("status");
                if (node != null && node.isTextual()) {
                    return status + " " + node.asText();
                }
            } catch (IOException e) {
                return String.valueOf(status);
            }
        }
        return String.valueOf(status);
    }

    private HttpRequest post(String path, String json) {
        return postBuilder(path, json).build();
    }

    private HttpRequest.Builder postBuilder(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    /** GETs a resource that must answer 200 and parses it; {@code what} names it in the error. */
    private JsonNode read(String path, String what) throws IOException, InterruptedException {
        HttpResponse<String> got = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (got.statusCode() != 200) {
            throw new IOException(what + " not read: " + got.statusCode() + " " + got.body());
        }
        return JSON.readTree(got.body());
    }
}
