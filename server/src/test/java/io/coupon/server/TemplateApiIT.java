package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates over real HTTP: what a creation answers, what a read shows, and what a 201 promises to claims. */
class TemplateApiIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void answersCreationWithTheStoredTemplateAndEveryField() {
        long id = Api.freshId();
        Instant start = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant end = start.plus(Duration.ofDays(30));
        Map<String, Object> fields = Api.templateFields(id, 500, 2, start, end);
        fields.put("discount", 20);                          // money given without decimals ...
        fields.put("threshold", new BigDecimal("200.5"));    // ... or with one

        Api.Raw created = api.postRaw("/v1/templates", Api.json(fields));

        assertEquals(201, created.status(), created.body());
        JsonNode t = created.exact();
        assertEquals(id, t.get("id").asLong());
        assertEquals("it " + id, t.get("name").asText());
        assertEquals("THRESHOLD", t.get("type").asText());
        assertMoney("20.00", t.get("discount"));
        assertMoney("200.50", t.get("threshold"));
        assertTrue(t.path("maxDiscount").isNull() || t.path("maxDiscount").isMissingNode(), "maxDiscount: " + t);
        assertEquals(500, t.get("totalCount").asLong());
        assertEquals(2, t.get("perUserLimit").asInt());
        assertEquals(start, Instant.parse(t.get("startTime").asText()));
        assertEquals(end, Instant.parse(t.get("endTime").asText()));
        assertEquals(7, t.get("validDays").asInt());
        assertEquals("ACTIVE", t.get("status").asText());
        assertEquals(500, t.get("remaining").asLong());
    }

    @Test
    void answersADiscountTemplateWithItsFactorAndCapAsTwoDecimalNumbers() {
        long id = Api.freshId();
        Map<String, Object> fields = Api.templateFields(id, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)));
        fields.put("type", "DISCOUNT");
        fields.put("discount", new BigDecimal("0.85"));
        fields.remove("threshold");
        fields.put("maxDiscount", 30);

        Api.Raw created = api.postRaw("/v1/templates", Api.json(fields));

        assertEquals(201, created.status(), created.body());
        JsonNode t = created.exact();
        assertEquals("DISCOUNT", t.get("type").asText());
        assertMoney("0.85", t.get("discount"));
        assertMoney("30.00", t.get("maxDiscount"));
    }

    @Test
    void assignsAnIdWhenNoneIsGiven() {
        Map<String, Object> fields = Api.templateFields(0, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(1)));
        fields.remove("id");

        JsonNode created = api.createTemplate(fields);

        long id = created.get("id").asLong();
        assertTrue(id > 0, "server-assigned id: " + created);
        Api.Response read = api.get("/v1/templates/" + id);
        assertEquals(200, read.status(), read.body()::toString);
        assertEquals(created, read.body());
    }

    @Test
    void readsBackTheTemplateAsCreated() {
        long id = Api.freshId();
        JsonNode created = api.createTemplate(Api.templateFields(id, 25, 3, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(2))));

        Api.Raw read = api.getRaw("/v1/templates/" + id);

        assertEquals(200, read.status(), read.body());
        assertEquals(created, api.get("/v1/templates/" + id).body());
        assertMoney("20.00", read.exact().get("discount"));
        assertMoney("200.00", read.exact().get("threshold"));
    }

    @Test
    void answers404ForAnUnknownTemplate() {
        Api.Response read = api.get("/v1/templates/" + Api.freshId());

        assertEquals(404, read.status());
        Api.assertErrorBody(read.body());
    }

    @Test
    void refusesADuplicateIdAndKeepsTheFirstTemplate() {
        long id = Api.freshId();
        Instant start = Instant.now().minusSeconds(60);
        Instant end = Instant.now().plus(Duration.ofDays(1));
        JsonNode first = api.createTemplate(Api.templateFields(id, 10, 1, start, end));
        Map<String, Object> second = Api.templateFields(id, 99, 5, start, end.plus(Duration.ofDays(1)));
        second.put("name", "impostor");
        second.put("discount", 5);

        Api.Response duplicate = api.post("/v1/templates", Api.json(second));

        assertEquals(409, duplicate.status(), duplicate.body()::toString);
        Api.assertErrorBody(duplicate.body());
        assertEquals(first, api.get("/v1/templates/" + id).body());
    }

    @Test
    void showsNotStartedForAFutureStart() {
        long id = Api.freshId();
        JsonNode created = api.createTemplate(Api.templateFields(id, 10, 1, Instant.now().plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(2))));

        assertEquals("NOT_STARTED", created.get("status").asText());
        assertEquals("NOT_STARTED", api.get("/v1/templates/" + id).body().get("status").asText());
    }

    @Test
    void decidesAClaimSentRightAfterTheCreationAgainstTheNewTemplate() {
        for (int i = 0; i < 20; i++) {
            long template = api.createTemplate(5, 1);

            Api.Response claim = api.claimDecided(template, Api.freshId());

            Api.assertOutcome(201, "GRANTED", claim);
        }
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertTrue(actual != null && actual.isNumber(), "money must be a JSON number: " + actual);
        assertEquals(new BigDecimal(expected), actual.decimalValue(), "money keeps exactly 2 decimals");
    }
}
