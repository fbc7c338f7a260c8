package io.coupon.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** A real HTTP client for the contract, with the few calls tests make over and over. */
final class Api {

    // Money is read exactly as sent: 20.00 stays 20.00, not the double 20.0.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final AtomicLong IDS = new AtomicLong(
            ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L) * 1000);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** Whether what this client sends is held to docs/openapi.yaml too, not only what it gets back. */
    private final boolean requestsChecked;

    Api(String base) {
        this(base, true);
    }

    private Api(String base, boolean requestsChecked) {
        this.base = base;
        this.requestsChecked = requestsChecked;
    }

    /** A client of the test server started with {@code env} (its {@code COUPON_HTTP_PORT} on loopback). */
    static Api at(Map<String, String> env) {
        return new Api("http://127.0.0.1:" + env.get("COUPON_HTTP_PORT"));
    }

    /** Where this client sends its requests, e.g. {@code http://127.0.0.1:7070}: for a browser to load. */
    String baseUrl() {
        return base;
    }

    /** Ids no other test uses, so tests sharing one server never see each other's state. */
    static long freshId() {
        return IDS.incrementAndGet();
    }

    record Response(int status, JsonNode body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Response post(String path, String json, String... headers) {
        return send(withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers), json);
    }

    Response put(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.noBody()), null);
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    CompletableFuture<Response> putAsync(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> toResponse(checked(answer, json)));
    }

    /**
     * Sends {@code requests} at most {@code parallel} at a time and returns the answers in order: enough load to
     * be quick, without queueing thousands of requests on one connection pool.
     */
    static List<Response> inBatches(int parallel, List<java.util.function.Supplier<CompletableFuture<Response>>> requests) {
        List<Response> answers = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += parallel) {
            List<CompletableFuture<Response>> batch = requests.subList(from, Math.min(requests.size(), from + parallel))
                    .stream().map(java.util.function.Supplier::get).toList();
            batch.forEach(f -> answers.add(f.join()));
        }
        return answers;
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), null);
    }

    CompletableFuture<Response> postAsync(String path, String json, String... headers) {
        HttpRequest request = withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> toResponse(checked(answer, json)));
    }

    /** Creates an active template of {@code totalCount} units, one per user, with a fresh id. */
    long createTemplate(long totalCount, int perUserLimit) {
        long id = freshId();
        Response created = post("/v1/templates", templateJson(id, totalCount, perUserLimit,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(30))));
        if (created.status() != 201) {
            throw new AssertionError("template not created: " + created.status() + " " + created.body());
        }
        return id;
    }

    static String templateJson(long id, long totalCount, int perUserLimit, Instant start, Instant end) {
        return String.format("{\"id\": %d, \"name\": \"it %d\", \"type\": \"THRESHOLD\", \"discount\": 20.00,"
                + " \"threshold\": 200.00, \"totalCount\": %d, \"perUserLimit\": %d,"
                + " \"startTime\": \"%s\", \"endTime\": \"%s\", \"validDays\": 7}",
                id, id, totalCount, perUserLimit, start, end);
    }

    Response claim(long templateId, long userId, String... headers) {
        return post("/v1/templates/" + templateId + "/claims", "{\"userId\": " + userId + "}", headers);
    }

    long remaining(long templateId) {
        return get("/v1/templates/" + templateId).body().get("remaining").asLong();
    }

    JsonNode wallet(long userId) {
        Response r = get("/v1/users/" + userId + "/coupons");
        if (r.status() != 200) {
            throw new AssertionError("wallet read failed: " + r.status() + " " + r.body());
        }
        return r.body().get("coupons");
    }

    void awaitHealthy() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/health").status() == 200);
    }

    static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** Sends the request whose body is {@code body} (null for none), holding the exchange to the document. */
    private Response send(HttpRequest.Builder builder, String body) {
        try {
            return toResponse(checked(client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()), body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer, once {@link ContractCheck} found the exchange allowed by docs/openapi.yaml. */
    private HttpResponse<String> checked(HttpResponse<String> answer, String requestBody) {
        if (requestsChecked) {
            ContractCheck.verify(answer, requestBody);
        } else {
            ContractCheck.verifyAnswer(answer, requestBody);
        }
        return answer;
    }

    private static Response toResponse(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body() == null || response.body().isEmpty() ? MissingNode.getInstance()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            body = MissingNode.getInstance();
        }
        return new Response(response.statusCode(), body, response.headers());
    }

    // ---- Helpers added for the contract ITs (TemplateApiIT, ClaimApiIT, WalletApiIT, BadInputIT, OperationsIT).

    /**
     * The same server through a client of its own. FlashSaleIT leaves ~2,000 keep-alive connections in the shared
     * client's pool; Jetty closes them after 30 s idle, and a POST that picks one just as it closes fails with
     * "HTTP/1.1 header parser received no bytes" (the JDK client does not retry a POST). A class that only ever
     * sends one request at a time keeps one fresh connection.
     */
    Api withOwnConnections() {
        return new Api(base, requestsChecked);
    }

    /**
     * The same server through a client whose requests are not held to docs/openapi.yaml (its answers still are):
     * only for a test that sends fields the document does not name on purpose, to show they are ignored.
     */
    Api sendingUndocumentedFields() {
        return new Api(base, false);
    }

    /** Reads numbers as written: {@code 20.00} stays {@code 20.00}, so tests can check money's two decimals. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /** An answer exactly as sent: for the Prometheus text, and for money whose decimals a double would lose. */
    record Raw(int status, String body, HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body parsed with numbers kept as written ({@code 20.00} has scale 2). */
        JsonNode exact() {
            try {
                return EXACT.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Raw getRaw(String path) {
        return sendRaw(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
    }

    Raw postRaw(String path, String json, String... headers) {
        return sendRaw(withHeaders(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers), json);
    }

    /** A POST without Content-Length (chunked), so only the server's own body limit can stop it. */
    Response postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))), json);
    }

    /** A valid template body (THRESHOLD, 20.00 off 200.00, 7 valid days) that tests change field by field. */
    static Map<String, Object> templateFields(long id, long totalCount, int perUserLimit, Instant start, Instant end) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("name", "it " + id);
        t.put("type", "THRESHOLD");
        t.put("discount", new BigDecimal("20.00"));
        t.put("threshold", new BigDecimal("200.00"));
        t.put("totalCount", totalCount);
        t.put("perUserLimit", perUserLimit);
        t.put("startTime", start.toString());
        t.put("endTime", end.toString());
        t.put("validDays", 7);
        return t;
    }

    /** Creates the template, failing the test unless it was answered 201; returns the 201 body. */
    JsonNode createTemplate(Map<String, Object> fields) {
        Response created = post("/v1/templates", json(fields));
        if (created.status() != 201) {
            throw new AssertionError("template not created: " + created.status() + " " + created.body());
        }
        return created.body();
    }

    /** A claim by {@code userId}, decided: see {@link #decidedClaim(Response)}. */
    Response claimDecided(long templateId, long userId, String... headers) {
        return decidedClaim(claim(templateId, userId, headers));
    }

    /**
     * A claim answer once decided. A 202 is a promise, not an answer: its {@code Location} is followed until
     * the lookup stops answering 202, and the lookup's answer is returned (200 with the decided body). Every
     * other answer is returned as it is. Check the outcome with {@link #assertOutcome}. A lookup's GRANTED does
     * not (yet) promise that the wallet shows the coupon: before reading the wallet, use {@link #claimAnswered}.
     */
    Response decidedClaim(Response answer) {
        if (answer.status() != 202) {
            return answer;
        }
        String location = answer.header("Location");
        if (location == null) {
            throw new AssertionError("202 without Location: " + answer.body());
        }
        Response[] lookup = {get(location)};
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (lookup[0].status() == 202) {
                        lookup[0] = get(location);
                    }
                    return lookup[0].status() != 202;
                });
        return lookup[0];
    }

    /**
     * Sends the same claim (same user, same {@code Idempotency-Key}) again while it is answered 202. A retry
     * gets the first outcome, so the last answer is a claim answer with its own code, and the claim's effects
     * (the wallet) are visible once it has come: for tests of codes a lookup cannot give (404, 422) or of
     * read-your-writes.
     */
    Response claimAnswered(long templateId, long userId, String idempotencyKey) {
        Response[] answer = {claim(templateId, userId, "Idempotency-Key", idempotencyKey)};
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (answer[0].status() == 202) {
                        answer[0] = claim(templateId, userId, "Idempotency-Key", idempotencyKey);
                    }
                    return answer[0].status() != 202;
                });
        return answer[0];
    }

    /**
     * Checks a decided claim: its body {@code status}, and its code, which is {@code code} when the claim call
     * itself decided it, or 200 when the decision came from following a 202's Location.
     */
    static void assertOutcome(int code, String status, Response decided) {
        String actual = decided.body().path("status").asText(null);
        if (!status.equals(actual) || (decided.status() != code && decided.status() != 200)) {
            throw new AssertionError("expected " + code + " " + status + " but was " + decided.status() + " "
                    + decided.body());
        }
    }

    /** An error body as the contract shapes it: {@code {"error": "<CODE>", "message": "<text>", ...}}. */
    static void assertErrorBody(JsonNode body) {
        if (!body.path("error").isTextual() || body.path("error").asText().isEmpty()
                || !body.path("message").isTextual() || body.path("message").asText().isEmpty()) {
            throw new AssertionError("not an error body: " + body);
        }
    }

    /** The coupons of one template in a user's wallet. */
    List<JsonNode> coupons(long userId, long templateId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode coupon : wallet(userId)) {
            if (coupon.path("templateId").asLong() == templateId) {
                found.add(coupon);
            }
        }
        return found;
    }

    private Raw sendRaw(HttpRequest.Builder builder, String body) {
        try {
            HttpResponse<String> response = checked(client.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()), body);
            return new Raw(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
