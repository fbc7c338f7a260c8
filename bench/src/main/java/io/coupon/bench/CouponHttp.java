package io.coupon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        String body = String.format("{\"name\": \"%s\", \"type\": \"THRESHOLD\", \"discount\": 20.00,"
                + " \"threshold\": 200.00, \"totalCount\": %d, \"perUserLimit\": %d,"
                + " \"startTime\": \"%s\", \"endTime\": \"%s\", \"validDays\": 7}",
                name, totalCount, perUserLimit, start, end);
        HttpResponse<String> created = client.send(post("/v1/templates", body), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("template not created: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("id").asLong();
    }

    JsonNode template(long id) throws IOException, InterruptedException {
        HttpResponse<String> got = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/templates/" + id))
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (got.statusCode() != 200) {
            throw new IOException("template " + id + " not read: " + got.statusCode() + " " + got.body());
        }
        return JSON.readTree(got.body());
    }

    /** Sends a claim and completes with its outcome name, e.g. {@code "201 GRANTED"} or {@code "429"}. */
    CompletableFuture<String> claim(long templateId, long userId) {
        return client.sendAsync(post("/v1/templates/" + templateId + "/claims", "{\"userId\": " + userId + "}"),
                HttpResponse.BodyHandlers.ofString()).thenApply(r -> outcome(r.statusCode(), r.body()));
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
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
