package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the campaign-operations endpoints and fields, over real HTTP, in the manner of {@link BadInputIT}:
 * each is answered 4xx with an error body, never 5xx, and changes nothing (the template reads the same, no
 * template is created, the coupons stay UNUSED and a valid request afterwards succeeds).
 */
class CampaignBadInputIT {

    private static final String BIG_METADATA = "{\"blob\": \"" + "m".repeat(4 * 1024) + "\"}";

    private static Api api;
    private static long user;
    private static String coupon;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
        user = Api.freshId();
        long cash = Api.freshId();
        api.createTemplate(Campaigns.cash(cash, "5.00", 10));
        coupon = Campaigns.grant(api, cash, user);
    }

    static Stream<Arguments> badPatches() {
        return Stream.of(
                Arguments.of("an empty object", "{}"),
                Arguments.of("only unknown fields", "{\"colour\": \"red\"}"),
                Arguments.of("status SOLD_OUT", "{\"status\": \"SOLD_OUT\"}"),
                Arguments.of("status as a number", "{\"status\": 1}"),
                Arguments.of("totalCount 0", "{\"totalCount\": 0}"),
                Arguments.of("totalCount as a string", "{\"totalCount\": \"5000\"}"),
                Arguments.of("totalCount 1.5", "{\"totalCount\": 1.5}"),
                Arguments.of("endTime in the past", "{\"endTime\": \"" + Instant.now().minusSeconds(60) + "\"}"),
                Arguments.of("endTime not an instant", "{\"endTime\": \"tomorrow\"}"),
                Arguments.of("endTime beyond what MySQL's DATETIME holds", "{\"endTime\": \"+99999-01-01T00:00:00Z\"}"),
                Arguments.of("endTime before startTime", "{\"endTime\": \""
                        + Instant.now().plus(Duration.ofMinutes(5)) + "\", \"totalCount\": 2000}"),
                Arguments.of("name blank", "{\"name\": \"  \"}"),
                Arguments.of("metadata an array", "{\"metadata\": [1, 2]}"),
                Arguments.of("metadata a string", "{\"metadata\": \"x\"}"),
                Arguments.of("metadata over 4 KiB", "{\"metadata\": " + BIG_METADATA + "}"),
                Arguments.of("malformed JSON", "{\"status\": "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatches")
    void refusesABadPatchAndChangesNothing(String name, String body) {
        long id = api.createTemplate(Api.templateFields(Api.freshId(), 50, 1,
                Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(2)))).get("id").asLong();
        JsonNode before = api.get("/v1/templates/" + id).body();

        assertRefused(Campaigns.patch(api, id, body));

        assertEquals(before, api.get("/v1/templates/" + id).body());
        assertEquals(200, Campaigns.patch(api, id, "{\"totalCount\": 60}").status(), "a valid patch still works");
    }

    static Stream<Arguments> badTemplates() {
        return Stream.of(
                template("scope not an object", t -> t.put("scope", List.of("shoes"))),
                template("scope with nothing listed", t -> t.put("scope", Map.of("skus", List.of()))),
                template("scope skus not strings", t -> t.put("scope", Map.of("skus", List.of(1, 2)))),
                template("scope sku empty", t -> t.put("scope", Map.of("skus", List.of("")))),
                template("stacking unknown", t -> t.put("stacking", "SOMETIMES")),
                template("STACKABLE without stackGroup", t -> t.put("stacking", "STACKABLE")),
                template("stackGroup on an exclusive template", t -> t.put("stackGroup", "shop")),
                template("stackGroup as a number", t -> {
                    t.put("stacking", "STACKABLE");
                    t.put("stackGroup", 7);
                }),
                template("metadata an array", t -> t.put("metadata", List.of("a"))),
                template("metadata over 4 KiB", t -> t.put("metadata", Map.of("blob", "m".repeat(4 * 1024)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void refusesABadTemplateAndCreatesNothing(String name, Function<Long, Map<String, Object>> bad) {
        long id = Api.freshId();

        assertRefused(api.post("/v1/templates", Api.json(bad.apply(id))));

        assertEquals(404, api.get("/v1/templates/" + id).status(), "nothing was created");
        assertEquals(201, api.post("/v1/templates", Api.json(valid(id))).status(), "the id is still free");
    }

    static Stream<Arguments> badCarts() {
        Map<String, Object> line = Campaigns.item("SKU-1", "shoes", "10.00", 1);
        return Stream.of(
                cart("neither items nor orderAmount", b -> b.remove("orderAmount")),
                cart("both items and orderAmount", b -> b.put("items", List.of(line))),
                cart("items empty", b -> swap(b, List.of())),
                cart("items not an array", b -> swap(b, line)),
                cart("an item without sku", b -> swap(b, List.of(without(line, "sku")))),
                cart("an item with quantity 0", b -> swap(b, List.of(with(line, "quantity", 0)))),
                cart("an item with quantity 1.5", b -> swap(b, List.of(with(line, "quantity", new BigDecimal("1.5"))))),
                cart("an item with unitPrice 1.001", b -> swap(b, List.of(with(line, "unitPrice",
                        new BigDecimal("1.001"))))),
                cart("an item with a negative unitPrice", b -> swap(b, List.of(with(line, "unitPrice",
                        new BigDecimal("-1.00"))))),
                cart("an item with unitPrice as a string", b -> swap(b, List.of(with(line, "unitPrice", "10.00")))),
                cart("items coming to zero", b -> swap(b, List.of(with(line, "unitPrice", BigDecimal.ZERO)))),
                cart("couponIds empty", b -> b.put("couponIds", List.of())),
                cart("couponIds repeating a coupon", b -> b.put("couponIds", List.of(coupon, coupon))),
                cart("couponIds not strings", b -> b.put("couponIds", List.of(1))),
                cart("userId as a string", b -> b.put("userId", String.valueOf(user))));
    }

    @ParameterizedTest(name = "quote: {0}")
    @MethodSource("badCarts")
    void refusesABadQuote(String name, Consumer<Map<String, Object>> bad) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", user, "orderAmount", new BigDecimal("50.00")));
        bad.accept(body);

        assertRefused(api.post("/v1/orders/quote", Api.json(body)));
    }

    @ParameterizedTest(name = "try: {0}")
    @MethodSource("badCarts")
    void refusesABadTryAndLocksNothing(String name, Consumer<Map<String, Object>> bad) {
        String order = "bad-" + Api.freshId();
        Map<String, Object> body = new HashMap<>(Map.of("userId", user, "orderId", order,
                "couponIds", List.of(coupon), "orderAmount", new BigDecimal("50.00")));
        bad.accept(body);

        assertRefused(api.post("/v1/redemptions", Api.json(body)));

        assertEquals("UNUSED", statusOf(coupon));
        assertEquals(404, api.post("/v1/redemptions/" + order + "/confirm", "{\"userId\": " + user + "}").status(),
                "no order was created");
    }

    @ParameterizedTest(name = "try: {0}")
    @MethodSource("badTryShapes")
    void refusesATryNamingCouponsBothWays(String name, String body) {
        assertRefused(api.post("/v1/redemptions", body));
        assertEquals("UNUSED", statusOf(coupon));
    }

    static Stream<Arguments> badTryShapes() {
        return Stream.of(
                Arguments.of("couponId and couponIds", "{\"userId\": " + user + ", \"orderId\": \"x-1\", \"couponId\": \""
                        + coupon + "\", \"couponIds\": [\"" + coupon + "\"], \"orderAmount\": 50.00}"),
                Arguments.of("neither couponId nor couponIds", "{\"userId\": " + user
                        + ", \"orderId\": \"x-2\", \"orderAmount\": 50.00}"),
                Arguments.of("couponIds a string", "{\"userId\": " + user + ", \"orderId\": \"x-3\", \"couponIds\": \""
                        + coupon + "\", \"orderAmount\": 50.00}"));
    }

    static Stream<Arguments> badRefunds() {
        return Stream.of(
                Arguments.of("userId missing", "/v1/redemptions/O-1/refund", "{}"),
                Arguments.of("userId as a string", "/v1/redemptions/O-1/refund", "{\"userId\": \"7\"}"),
                Arguments.of("userId 0", "/v1/redemptions/O-1/refund", "{\"userId\": 0}"),
                Arguments.of("an order id of 65 characters", "/v1/redemptions/" + "o".repeat(65) + "/refund",
                        "{\"userId\": 7}"),
                Arguments.of("malformed JSON", "/v1/redemptions/O-1/refund", "{\"userId\": "));
    }

    @ParameterizedTest(name = "refund: {0}")
    @MethodSource("badRefunds")
    void refusesABadRefund(String name, String path, String body) {
        assertRefused(api.post(path, body));
    }

    // --- helpers

    private static String statusOf(String couponId) {
        for (JsonNode c : api.wallet(user)) {
            if (c.get("couponId").asText().equals(couponId)) {
                return c.get("status").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> valid(long id) {
        return Api.templateFields(id, 100, 1, Instant.now(), Instant.now().plus(Duration.ofDays(1)));
    }

    private static Arguments template(String name, Consumer<Map<String, Object>> change) {
        Function<Long, Map<String, Object>> body = id -> {
            Map<String, Object> t = valid(id);
            change.accept(t);
            return t;
        };
        return Arguments.of(name, body);
    }

    private static Arguments cart(String name, Consumer<Map<String, Object>> change) {
        return Arguments.of(name, change);
    }

    private static void swap(Map<String, Object> body, Object items) {
        body.remove("orderAmount");
        body.put("items", items);
    }

    private static Map<String, Object> with(Map<String, Object> line, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(line);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> line, String field) {
        Map<String, Object> changed = new HashMap<>(line);
        changed.remove(field);
        return changed;
    }

    private static void assertRefused(Api.Response answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, () -> answer.status() + " " + answer.body());
        Api.assertErrorBody(answer.body());
    }
}
