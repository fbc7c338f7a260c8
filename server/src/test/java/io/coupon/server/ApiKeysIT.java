package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.query.InternalCalls;
import io.coupon.query.RemoteReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server with keys set: every route with no key, a wrong key, the other scope's key and the right one. On a
 * broker of its own: on the shared one it would be a second decider of every other test's claims.
 */
class ApiKeysIT {

    private static final String OPERATOR = "management-key-0123456789";
    private static final String SHOP = "integration-key-0123456789";
    private static final String SHOP_NEXT = "integration-key-rotated-9876543210";
    private static final String INSTANCES = "internal-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static EmbeddedKafkaBroker broker;
    private static CouponServer server;
    private static String base;
    private static long template;

    /** One request of a route, and the scope it needs. */
    private record Call(String method, String path, String body, boolean management) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("coupon-keys-it");
        broker = TestCluster.startBroker(dir.resolve("kafka"));
        Map<String, String> env = TestCluster.serverEnv(dir.resolve("server"), broker);
        env.put("COUPON_API_KEYS", "management:" + OPERATOR + ",integration:" + SHOP + ",integration:" + SHOP_NEXT);
        env.put("COUPON_INTERNAL_SECRET", INSTANCES);
        server = TestCluster.startServer(env);
        base = "http://127.0.0.1:" + env.get("COUPON_HTTP_PORT");
        template = Api.freshId();
        assertEquals(201, send("POST", "/v1/templates", templateJson(template), OPERATOR).statusCode());
    }

    @AfterAll
    static void stop() {
        TestCluster.closeAll(server, broker);
    }

    private static List<Call> everyRoute() {
        long user = Api.freshId();
        String order = "order-" + Api.freshId();
        String claim = "{\"userId\": " + user + "}";
        return List.of(
                new Call("POST", "/v1/templates", templateJson(Api.freshId()), true),
                new Call("PATCH", "/v1/templates/" + template, "{\"totalCount\": 1000}", true),
                new Call("POST", "/v1/templates/" + template + "/issuances",
                        "{\"issuanceId\": \"launch-" + user + "\", \"audience\": {}}", true),
                new Call("GET", "/v1/templates/" + template + "/issuances/launch-x", null, true),
                new Call("GET", "/v1/templates/" + template + "/report", null, true),
                new Call("PUT", "/v1/users/" + user + "/block", null, true),
                new Call("DELETE", "/v1/users/" + user + "/block", null, true),
                new Call("PUT", "/v1/users/" + user + "/profile", "{\"attributes\": {\"city\": \"Hangzhou\"}}", true),
                new Call("GET", "/v1/dashboard", null, true),
                new Call("POST", "/v1/templates/" + template + "/claims", claim, false),
                new Call("GET", "/v1/templates/" + template + "/claims/key-1", null, false),
                new Call("GET", "/v1/templates", null, false),
                new Call("GET", "/v1/templates/" + template, null, false),
                new Call("GET", "/v1/users/" + user + "/coupons", null, false),
                new Call("GET", "/v1/users/" + user + "/coupons/best?orderAmount=100.00", null, false),
                new Call("GET", "/v1/users/" + user + "/profile", null, false),
                new Call("GET", "/v1/templates/" + template + "/eligibility/" + user, null, false),
                new Call("POST", "/v1/orders/quote", "{\"userId\": " + user + ", \"orderAmount\": 100.00}", false),
                new Call("POST", "/v1/redemptions", "{\"orderId\": \"" + order + "\", \"userId\": " + user
                        + ", \"couponId\": \"none\", \"orderAmount\": 100.00}", false),
                new Call("POST", "/v1/redemptions/" + order + "/confirm", claim, false),
                new Call("POST", "/v1/redemptions/" + order + "/cancel", claim, false),
                new Call("POST", "/v1/redemptions/" + order + "/refund", claim, false));
    }

    @Test
    void everyRouteButTheOperationsEndpointsRefusesARequestWithoutAKey() throws Exception {
        for (Call call : everyRoute()) {
            HttpResponse<String> answer = send(call, null);
            assertEquals(401, answer.statusCode(), call.toString());
            assertEquals("Bearer", answer.headers().firstValue("WWW-Authenticate").orElse(null), call.toString());
            assertEquals("UNAUTHENTICATED", JSON.readTree(answer.body()).get("error").asText(), call.toString());
        }
    }

    @Test
    void everyRouteRefusesAnUnknownKey() throws Exception {
        for (Call call : everyRoute()) {
            assertEquals(401, send(call, SHOP + "-wrong").statusCode(), call.toString());
        }
    }

    @Test
    void anOperatorsRouteRefusesTheShopsKey() throws Exception {
        for (Call call : everyRoute()) {
            if (call.management()) {
                HttpResponse<String> answer = send(call, SHOP);
                assertEquals(403, answer.statusCode(), call.toString());
                assertEquals("FORBIDDEN", JSON.readTree(answer.body()).get("error").asText(), call.toString());
            }
        }
    }

    @Test
    void everyRouteAnswersAsUsualWithAKeyOfItsScope() throws Exception {
        for (Call call : everyRoute()) {
            int status = send(call, call.management() ? OPERATOR : SHOP).statusCode();
            assertTrue(status != 401 && status != 403 && status < 500, call + " answered " + status);
        }
    }

    @Test
    void aManagementKeyMayDoTheShopsWorkToo() throws Exception {
        for (Call call : everyRoute()) {
            int status = send(call, OPERATOR).statusCode();
            assertTrue(status != 401 && status != 403 && status < 500, call + " answered " + status);
        }
    }

    @Test
    void bothKeysOfAScopeWorkWhileOneIsRotatedOut() throws Exception {
        assertEquals(200, send("GET", "/v1/templates/" + template, null, SHOP).statusCode());
        assertEquals(200, send("GET", "/v1/templates/" + template, null, SHOP_NEXT).statusCode());
    }

    @Test
    void operationsEndpointsNeedNoKey() throws Exception {
        assertEquals(200, send("GET", "/health", null, null).statusCode());
        assertEquals(200, send("GET", "/metrics", null, null).statusCode());
    }

    @Test
    void aRefusedTemplateIsNeverCreated() throws Exception {
        long refused = Api.freshId();
        assertEquals(403, send("POST", "/v1/templates", templateJson(refused), SHOP).statusCode());
        assertEquals(401, send("POST", "/v1/templates", templateJson(refused), null).statusCode());
        assertEquals(404, send("GET", "/v1/templates/" + refused, null, OPERATOR).statusCode());
    }

    @Test
    void aRefusedBlockLeavesTheUserFreeToClaim() throws Exception {
        long user = Api.freshId();
        assertEquals(403, send("PUT", "/v1/users/" + user + "/block", null, SHOP).statusCode());
        HttpResponse<String> claim = send("POST", "/v1/templates/" + template + "/claims",
                "{\"userId\": " + user + "}", SHOP);
        assertEquals(201, claim.statusCode(), claim.body());
    }

    @Test
    void aRefusedClaimIsNeverDecided() throws Exception {
        long user = Api.freshId();
        String key = "refused-" + user;
        String body = "{\"userId\": " + user + "}";
        HttpRequest.Builder claim = request("POST", "/v1/templates/" + template + "/claims", body, null)
                .header("Idempotency-Key", key);
        assertEquals(401, send(claim, body).statusCode());
        // A later claim of the same user is the sentinel: once it is decided, the refused one would have been too.
        assertEquals(201, send("POST", "/v1/templates/" + template + "/claims", "{\"userId\": " + user + "}", SHOP)
                .statusCode());
        assertEquals(404, send("GET", "/v1/templates/" + template + "/claims/" + key, null, SHOP).statusCode());
    }

    @Test
    void aReadBetweenInstancesFromOutsideIsRefusedEvenWithAKey() throws Exception {
        String internal = "/internal/v1/templates/" + template;
        assertEquals(401, send("GET", internal, null, null).statusCode());
        assertEquals(401, send("GET", internal, null, OPERATOR).statusCode());
        HttpRequest.Builder forged = request("GET", internal, null, OPERATOR)
                .header(InternalCalls.SECRET_HEADER, INSTANCES + "-guess").header(RemoteReader.FORWARDED_HEADER, "1");
        assertEquals(401, HTTP.send(forged.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpRequest.Builder instance = request("GET", internal, null, null).header(InternalCalls.SECRET_HEADER, INSTANCES);
        assertEquals(200, HTTP.send(instance.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aClaimWithAForgedForwardingHeaderIsAnOutsideRequest() throws Exception {
        long user = Api.freshId();
        String body = "{\"userId\": " + user + "}";
        HttpRequest.Builder forged = request("POST", "/v1/templates/" + template + "/claims", body, null)
                .header(RemoteReader.FORWARDED_HEADER, "1");
        assertEquals(401, send(forged, body).statusCode());
        HttpRequest.Builder keyed = request("POST", "/v1/templates/" + template + "/claims", body, SHOP)
                .header(RemoteReader.FORWARDED_HEADER, "1");
        HttpResponse<String> granted = send(keyed, body);
        assertEquals(201, granted.statusCode(), granted.body());
        // The wallet read shows the grant: the header made the claim neither local-only nor anything else.
        JsonNode wallet = JSON.readTree(send("GET", "/v1/users/" + user + "/coupons", null, SHOP).body());
        assertEquals(JSON.readTree(granted.body()).get("couponId"), wallet.get("coupons").get(0).get("couponId"));
    }

    @Test
    void refusalsAreCountedWithoutTheKey() throws Exception {
        send("GET", "/v1/templates/" + template, null, "a-key-nobody-configured-42");
        String metrics = send("GET", "/metrics", null, null).body();
        assertTrue(metrics.contains("coupon_http_refused_total{reason=\"unauthenticated\""), "refusals counted");
        assertTrue(!metrics.contains("a-key-nobody-configured-42"), "the key is nowhere");
    }

    private static String templateJson(long id) {
        return Api.templateJson(id, 1000, 1, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
    }

    private static HttpResponse<String> send(Call call, String key) throws IOException, InterruptedException {
        return send(call.method(), call.path(), call.body(), key);
    }

    private static HttpResponse<String> send(String method, String path, String body, String key)
            throws IOException, InterruptedException {
        return send(request(method, path, body, key), body);
    }

    /** Sends the request whose body is {@code body}, holding the exchange to docs/openapi.yaml. */
    private static HttpResponse<String> send(HttpRequest.Builder request, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        ContractCheck.verify(answer, body);
        return answer;
    }

    private static HttpRequest.Builder request(String method, String path, String body, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }
}
