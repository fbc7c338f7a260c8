package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to the precision-marketing endpoints: each is answered 4xx with an error body, never 5xx, and changes
 * nothing (a refused profile leaves the user without one; a refused template id can be created afterwards).
 */
class MarketingBadInputIT {

    private static Api api;
    private static long template;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
        template = api.createTemplate(100, 1);
    }

    private static Map<String, Object> leaf(Object value) {
        return Map.of("attr", "level", "op", "gte", "value", value);
    }

    private static Object nested(int levels) {
        Object rule = leaf(3);
        for (int i = 1; i < levels; i++) {
            rule = Map.of("not", rule);
        }
        return rule;
    }

    static Stream<Arguments> badProfiles() {
        Map<String, Object> many = new HashMap<>();
        for (int i = 0; i < 65; i++) {
            many.put("a" + i, i);
        }
        return Stream.of(
                Arguments.of("no attributes", "{}"),
                Arguments.of("attributes as an array", "{\"attributes\": [1]}"),
                Arguments.of("an object value", "{\"attributes\": {\"address\": {\"city\": \"Hangzhou\"}}}"),
                Arguments.of("a null value", "{\"attributes\": {\"level\": null}}"),
                Arguments.of("an array of numbers", "{\"attributes\": {\"tags\": [1, 2]}}"),
                Arguments.of("65 attributes", Api.json(Map.of("attributes", many))),
                Arguments.of("over 8 KiB", "{\"attributes\": {\"bio\": \"" + "x".repeat(8 * 1024) + "\"}}"),
                Arguments.of("a stats name", "{\"attributes\": {\"stats.used30d\": 3}}"),
                Arguments.of("malformed JSON", "{\"attributes\": {"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfiles")
    void refusesABadProfileAndStoresNothing(String name, String body) {
        long user = Api.freshId();

        Api.Response answer = api.put("/v1/users/" + user + "/profile", body);

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
        assertEquals(404, api.get("/v1/users/" + user + "/profile").status());
    }

    static Stream<Arguments> badTemplates() {
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            leaves.add(leaf(i));
        }
        return Stream.of(
                Arguments.of("nine levels", Map.of("audience", nested(9))),
                Arguments.of("65 leaves", Map.of("audience", Map.of("all", leaves))),
                Arguments.of("an unknown operator", Map.of("audience", Map.of("attr", "level", "op", "between",
                        "value", 3))),
                Arguments.of("in without an array", Map.of("audience", Map.of("attr", "level", "op", "in",
                        "value", 3))),
                Arguments.of("an empty any", Map.of("audience", Map.of("any", List.of()))),
                Arguments.of("an audience that is a string", Map.of("audience", "level >= 3")),
                Arguments.of("one variant", Map.of("variants", List.of(Map.of("name", "A", "weight", 1)))),
                Arguments.of("nine variants", Map.of("variants", Stream.iterate(0, i -> i + 1).limit(9)
                        .map(i -> Map.of("name", "v" + i, "weight", 1)).toList())),
                Arguments.of("two variants with one name", Map.of("variants", List.of(Map.of("name", "A", "weight", 1),
                        Map.of("name", "A", "weight", 1)))),
                Arguments.of("a weight of 0", Map.of("variants", List.of(Map.of("name", "A", "weight", 0),
                        Map.of("name", "B", "weight", 1)))),
                Arguments.of("a weight as a string", Map.of("variants", List.of(Map.of("name", "A", "weight", "1"),
                        Map.of("name", "B", "weight", 1)))),
                Arguments.of("a negative discount override", Map.of("variants", List.of(
                        Map.of("name", "A", "weight", 1), Map.of("name", "B", "weight", 1, "discount", -5)))),
                Arguments.of("variants as an object", Map.of("variants", Map.of("name", "A"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTemplates")
    void refusesABadAudienceOrExperimentAndCreatesNothing(String name, Map<String, Object> extra) {
        long id = Api.freshId();
        Map<String, Object> fields = Api.templateFields(id, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)));
        fields.putAll(extra);

        Api.Response answer = api.post("/v1/templates", Api.json(fields));

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
        assertEquals(404, api.get("/v1/templates/" + id).status());
    }

    static Stream<Arguments> badIssuances() {
        List<Long> tooMany = Stream.iterate(1L, i -> i + 1).limit(2_001).toList();
        return Stream.of(
                Arguments.of("no issuanceId", "{\"userIds\": [1]}"),
                Arguments.of("an issuanceId with a space", "{\"issuanceId\": \"a b\", \"userIds\": [1]}"),
                Arguments.of("both an audience and userIds", "{\"issuanceId\": \"x\", \"userIds\": [1], "
                        + "\"audience\": {\"attr\": \"level\", \"op\": \"eq\", \"value\": 1}}"),
                Arguments.of("2,001 userIds", Api.json(Map.of("issuanceId", "x", "userIds", tooMany))),
                Arguments.of("an empty userIds", "{\"issuanceId\": \"x\", \"userIds\": []}"),
                Arguments.of("a userId as a string", "{\"issuanceId\": \"x\", \"userIds\": [\"1\"]}"),
                Arguments.of("a userId of 0", "{\"issuanceId\": \"x\", \"userIds\": [0]}"),
                Arguments.of("a bad audience", "{\"issuanceId\": \"x\", \"audience\": {\"attr\": \"level\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIssuances")
    void refusesABadIssuanceAndStartsNothing(String name, String body) {
        Api.Response answer = api.post("/v1/templates/" + template + "/issuances", body);

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
        assertEquals(404, api.get("/v1/templates/" + template + "/issuances/x").status());
    }

    @Test
    void answersUnknownThingsWith404() {
        long unknown = Api.freshId();
        assertEquals(404, api.post("/v1/templates/" + unknown + "/issuances", "{\"issuanceId\": \"x\"}").status());
        assertEquals(404, api.get("/v1/templates/" + unknown + "/eligibility/1").status());
        assertEquals(404, api.get("/v1/templates/" + unknown + "/report").status());
        assertEquals(404, api.get("/v1/templates/" + template + "/report").status(), "no variants, no report");
        assertEquals(404, api.get("/v1/templates/" + template + "/issuances/never").status());
    }

    @Test
    void refusesBadIdsInPaths() {
        assertEquals(400, api.put("/v1/users/abc/profile", "{\"attributes\": {}}").status());
        assertEquals(400, api.get("/v1/users/0/profile").status());
        assertEquals(400, api.get("/v1/templates/" + template + "/eligibility/abc").status());
        assertEquals(400, api.get("/v1/templates/abc/report").status());
    }
}
