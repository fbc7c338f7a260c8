package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests over real HTTP: each is answered 4xx with an error body, never 5xx, and changes nothing. That
 * nothing changed is shown with a sentinel on the same key: the same user's valid claim afterwards is the one
 * that takes the unit, and a valid template with the same id afterwards is created.
 */
class BadInputIT {

    /** Any 4xx: the contract asks for "a 4xx" for malformed bodies and names no code. */
    private static final int ANY_4XX = -1;
    private static final String OVER_64_KIB = "x".repeat(70 * 1024);

    private static Api api;
    private static long template;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
        template = api.createTemplate(1_000, 1);
    }

    private record ClaimRequest(String path, String body, List<String> headers) {
    }

    private interface BadClaim {
        ClaimRequest request(long templateId, long userId);
    }

    static Stream<Arguments> badClaims() {
        return Stream.of(
                claim("malformed JSON", ANY_4XX, (t, u) -> body(t, "{\"userId\": " + u)),
                claim("trailing garbage after the object", ANY_4XX, (t, u) -> body(t, "{\"userId\": " + u + "} {}")),
                claim("a JSON array body", ANY_4XX, (t, u) -> body(t, "[{\"userId\": " + u + "}]")),
                claim("a JSON null body", ANY_4XX, (t, u) -> body(t, "null")),
                claim("an empty body", ANY_4XX, (t, u) -> body(t, "")),
                claim("userId as a string", 400, (t, u) -> body(t, "{\"userId\": \"" + u + "\"}")),
                claim("userId with a fraction", 400, (t, u) -> body(t, "{\"userId\": " + u + ".5}")),
                claim("userId as a boolean", 400, (t, u) -> body(t, "{\"userId\": true}")),
                claim("userId 0", 400, (t, u) -> body(t, "{\"userId\": 0}")),
                claim("userId -1", 400, (t, u) -> body(t, "{\"userId\": -1}")),
                claim("userId beyond 2^63", 400, (t, u) -> body(t, "{\"userId\": "
                        + BigInteger.TWO.pow(63).add(BigInteger.valueOf(u)) + "}")),
                claim("userId missing", 400, (t, u) -> body(t, "{\"user\": " + u + "}")),
                claim("templateId path 'abc'", 400, (t, u) -> new ClaimRequest("/v1/templates/abc/claims",
                        "{\"userId\": " + u + "}", List.of())),
                claim("templateId path '0'", 400, (t, u) -> new ClaimRequest("/v1/templates/0/claims",
                        "{\"userId\": " + u + "}", List.of())),
                claim("templateId path beyond 2^63", 400, (t, u) -> new ClaimRequest("/v1/templates/"
                        + BigInteger.TWO.pow(63) + "/claims", "{\"userId\": " + u + "}", List.of())),
                claim("Idempotency-Key empty", 400, (t, u) -> keyed(t, u, "")),
                claim("Idempotency-Key of 65 characters", 400, (t, u) -> keyed(t, u, "k".repeat(65))),
                claim("Idempotency-Key with a space", 400, (t, u) -> keyed(t, u, "order " + u)),
                claim("a body over 64 KiB", 413, (t, u) -> body(t, "{\"userId\": " + u + ", \"pad\": \""
                        + OVER_64_KIB + "\"}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badClaims")
    void refusesABadClaimAndTakesNothing(String name, int expected, BadClaim bad) {
        long user = Api.freshId();
        long before = api.remaining(template);
        ClaimRequest request = bad.request(template, user);

        Api.Response answer = api.post(request.path(), request.body(), request.headers().toArray(String[]::new));

        assertRefused(expected, answer);
        assertOnlyASentinelTakes(user, before);
    }

    @Test
    void refusesAChunkedBodyOver64KiBWith413AndTakesNothing() {
        long user = Api.freshId();
        long before = api.remaining(template);

        Api.Response answer = api.postChunked(claims(template), "{\"userId\": " + user + ", \"pad\": \""
                + OVER_64_KIB + "\"}");

        assertEquals(413, answer.status());
        assertOnlyASentinelTakes(user, before);
    }

    @Test
    void refusesAChunkedBodyOver64KiBWithAnErrorBody() {
        Api.Response answer = api.postChunked(claims(template), "{\"userId\": " + Api.freshId() + ", \"pad\": \""
                + OVER_64_KIB + "\"}");

        assertRefused(413, answer);
    }

    /**
     * The user's valid claim after the bad one is granted, and is the only claim that took anything. Retried on
     * 202 rather than looked up, so that its answer also promises the wallet write.
     */
    private static void assertOnlyASentinelTakes(long user, long remainingBefore) {
        Api.Response sentinel = api.claimAnswered(template, user, "sentinel-" + UUID.randomUUID());
        assertEquals(201, sentinel.status(), sentinel.body()::toString);
        assertEquals(remainingBefore - 1, api.remaining(template), "only the sentinel took a unit");
        List<JsonNode> held = api.coupons(user, template);
        assertEquals(1, held.size(), held::toString);
        assertEquals(sentinel.body().get("couponId"), held.get(0).get("couponId"));
    }

    private interface BadTemplate {
        String body(long id);
    }

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                template("malformed JSON", ANY_4XX, id -> "{\"id\": " + id + ", \"name\": \"broken\", "),
                template("a JSON array body", ANY_4XX, id -> "[" + Api.json(valid(id)) + "]"),
                template("id as a string", 400, changed(t -> t.put("id", String.valueOf(t.get("id"))))),
                template("discount as a string", 400, changed(t -> t.put("discount", "20.00"))),
                template("discount 20.001", 400, changed(t -> t.put("discount", new BigDecimal("20.001")))),
                template("threshold 200.001", 400, changed(t -> t.put("threshold", new BigDecimal("200.001")))),
                template("negative discount", 400, changed(t -> t.put("discount", new BigDecimal("-5.00")))),
                template("negative threshold", 400, changed(t -> t.put("threshold", new BigDecimal("-1")))),
                template("totalCount 0", 400, changed(t -> t.put("totalCount", 0))),
                template("totalCount 1.5", 400, changed(t -> t.put("totalCount", new BigDecimal("1.5")))),
                template("totalCount as a string", 400, changed(t -> t.put("totalCount", "10"))),
                template("perUserLimit 0", 400, changed(t -> t.put("perUserLimit", 0))),
                template("perUserLimit 1.5", 400, changed(t -> t.put("perUserLimit", new BigDecimal("1.5")))),
                template("validDays 0", 400, changed(t -> t.put("validDays", 0))),
                template("CASH with threshold 10", 400, changed(t -> {
                    t.put("type", "CASH");
                    t.put("threshold", 10);
                })),
                template("THRESHOLD without threshold", 400, changed(t -> t.remove("threshold"))),
                template("unknown type", 400, changed(t -> t.put("type", "FREE_LUNCH"))),
                template("DISCOUNT with discount 1.2", 400, changed(t -> {
                    t.put("type", "DISCOUNT");
                    t.remove("threshold");
                    t.put("discount", new BigDecimal("1.2"));
                })),
                template("endTime before startTime", 400, changed(t -> {
                    t.put("startTime", Instant.now().plus(Duration.ofDays(2)).toString());
                    t.put("endTime", Instant.now().plus(Duration.ofDays(1)).toString());
                })),
                template("endTime equal to startTime", 400, changed(t -> {
                    t.put("startTime", Instant.now().plus(Duration.ofDays(1)).toString());
                    t.put("endTime", t.get("startTime"));
                })),
                template("endTime in the past", 400, changed(t -> {
                    t.put("startTime", Instant.now().minus(Duration.ofDays(2)).toString());
                    t.put("endTime", Instant.now().minus(Duration.ofDays(1)).toString());
                })),
                template("endTime beyond what MySQL's DATETIME holds", 400,
                        changed(t -> t.put("endTime", "+99999-01-01T00:00:00Z"))),
                template("endTime just past year 9999", 400,
                        changed(t -> t.put("endTime", "+10000-01-01T00:00:00Z"))),
                template("startTime before the epoch", 400,
                        changed(t -> t.put("startTime", "1969-12-31T23:59:59Z"))),
                template("startTime in a bad format", 400, changed(t -> t.put("startTime", "2026-11-11 00:00:00"))),
                template("endTime missing", 400, changed(t -> t.remove("endTime"))),
                template("name missing", 400, changed(t -> t.remove("name"))),
                template("a body over 64 KiB", 413, changed(t -> t.put("pad", OVER_64_KIB))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void refusesABadTemplateAndCreatesNothing(String name, int expected, BadTemplate bad) {
        long id = Api.freshId();

        Api.Response answer = api.post("/v1/templates", bad.body(id));

        assertRefused(expected, answer);
        assertEquals(404, api.get("/v1/templates/" + id).status(), "nothing was created");
        Api.Response sentinel = api.post("/v1/templates", Api.json(valid(id)));
        assertEquals(201, sentinel.status(), () -> "the id is still free: " + sentinel.body());
    }

    static Stream<Arguments> badReads() {
        return Stream.of(
                Arguments.of("wallet with an unknown status", 400, "/v1/users/" + Api.freshId() + "/coupons?status=bogus"),
                Arguments.of("wallet of userId 'x'", 400, "/v1/users/x/coupons"),
                Arguments.of("wallet of userId 0", 400, "/v1/users/0/coupons"),
                Arguments.of("template 'abc'", 400, "/v1/templates/abc"),
                Arguments.of("template 0", 400, "/v1/templates/0"),
                Arguments.of("claim lookup under template 'abc'", 400, "/v1/templates/abc/claims/some-key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReads")
    void refusesABadRead(String name, int expected, String path) {
        assertRefused(expected, api.get(path));
    }

    @Test
    void refusesToBlockUserIdX() {
        assertRefused(400, api.put("/v1/users/x/block"));
        assertRefused(400, api.delete("/v1/users/x/block"));
    }

    @Test
    void ignoresUnknownFieldsInAClaim() {
        long user = Api.freshId();

        // The fields are unknown on purpose: the document promises they are ignored, and names none of them.
        Api.Response claim = api.decidedClaim(api.sendingUndocumentedFields().post(claims(template),
                "{\"userId\": " + user + ", \"channel\": \"app\", \"extra\": {\"nested\": [1, 2]}}"));

        Api.assertOutcome(201, "GRANTED", claim);
        assertEquals(user, claim.body().path("userId").asLong());
    }

    @Test
    void ignoresUnknownFieldsInATemplate() {
        long id = Api.freshId();
        Map<String, Object> fields = valid(id);
        fields.put("color", "red");

        // The field is unknown on purpose: the document promises it is ignored, and does not name it.
        Api.Response created = api.sendingUndocumentedFields().post("/v1/templates", Api.json(fields));

        assertEquals(201, created.status(), created.body()::toString);
        assertTrue(created.body().path("color").isMissingNode(), created.body()::toString);
    }

    private static void assertRefused(int expected, Api.Response answer) {
        if (expected == ANY_4XX) {
            assertTrue(answer.status() >= 400 && answer.status() < 500, () -> answer.status() + " " + answer.body());
        } else {
            assertEquals(expected, answer.status(), answer.body()::toString);
        }
        Api.assertErrorBody(answer.body());
    }

    private static Arguments claim(String name, int expected, BadClaim bad) {
        return Arguments.of(name, expected, bad);
    }

    private static Arguments template(String name, int expected, BadTemplate bad) {
        return Arguments.of(name, expected, bad);
    }

    private static String claims(long templateId) {
        return "/v1/templates/" + templateId + "/claims";
    }

    private static ClaimRequest body(long templateId, String body) {
        return new ClaimRequest(claims(templateId), body, List.of());
    }

    private static ClaimRequest keyed(long templateId, long userId, String key) {
        return new ClaimRequest(claims(templateId), "{\"userId\": " + userId + "}", List.of("Idempotency-Key", key));
    }

    private static Map<String, Object> valid(long id) {
        return Api.templateFields(id, 10, 1, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
    }

    private static BadTemplate changed(Consumer<Map<String, Object>> change) {
        return id -> {
            Map<String, Object> fields = valid(id);
            change.accept(fields);
            return Api.json(fields);
        };
    }
}
