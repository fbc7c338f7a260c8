package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Claims over real HTTP: every answer of the claim table, idempotency, async answers and lookups. */
class ClaimApiIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void grantAnswersWithTheCouponAndExpiresValidDaysAfterTheClaim() {
        long template = Api.freshId();
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))));
        long user = Api.freshId();

        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Api.Response answer = api.claim(template, user);
        Instant after = Instant.now();
        Api.Response grant = api.decidedClaim(answer);

        Api.assertOutcome(201, "GRANTED", grant);
        JsonNode body = grant.body();
        assertTrue(body.path("couponId").isTextual() && !body.get("couponId").asText().isEmpty(), body::toString);
        assertEquals(template, body.get("templateId").asLong());
        assertEquals(user, body.get("userId").asLong());
        assertTrue(body.path("requestId").isTextual() && !body.get("requestId").asText().isEmpty(), body::toString);
        Instant expiresAt = Instant.parse(body.get("expiresAt").asText());
        assertFalse(expiresAt.isBefore(before.plus(Duration.ofDays(7))), () -> "expiresAt " + expiresAt);
        assertFalse(expiresAt.isAfter(after.plus(Duration.ofDays(7))), () -> "expiresAt " + expiresAt);
    }

    @Test
    void grantNeverExpiresAfterTheTemplateEnds() {
        long template = Api.freshId();
        Instant end = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().minusSeconds(60), end)); // validDays 7

        Api.Response grant = api.claimDecided(template, Api.freshId());

        Api.assertOutcome(201, "GRANTED", grant);
        assertEquals(end, Instant.parse(grant.body().get("expiresAt").asText()));
    }

    @Test
    void grantExpiresAtTheTemplateEndWithoutValidDays() {
        long template = Api.freshId();
        Instant end = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> fields = Api.templateFields(template, 10, 1, Instant.now().minusSeconds(60), end);
        fields.remove("validDays");
        api.createTemplate(fields);

        Api.Response grant = api.claimDecided(template, Api.freshId());

        Api.assertOutcome(201, "GRANTED", grant);
        assertEquals(end, Instant.parse(grant.body().get("expiresAt").asText()));
    }

    @Test
    void rejectsWithSoldOutOnceTheStockIsGone() {
        long template = api.createTemplate(2, 1);
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));

        Api.Response third = api.claimDecided(template, Api.freshId());

        Api.assertOutcome(409, "SOLD_OUT", third);
        Api.assertErrorBody(third.body());
        assertEquals(0, api.remaining(template));
    }

    @Test
    void rejectsWithLimitExceededAtThePerUserLimit() {
        long template = api.createTemplate(10, 2);
        long user = Api.freshId();
        assertEquals(201, api.claimAnswered(template, user, "first-" + UUID.randomUUID()).status());
        assertEquals(201, api.claimAnswered(template, user, "second-" + UUID.randomUUID()).status());

        Api.Response third = api.claimAnswered(template, user, "third-" + UUID.randomUUID());

        Api.assertOutcome(409, "LIMIT_EXCEEDED", third);
        Api.assertErrorBody(third.body());
        assertEquals(8, api.remaining(template), "a rejection takes nothing");
        assertEquals(2, api.coupons(user, template).size());
    }

    @Test
    void rejectsWithNotStartedBeforeTheStart() {
        long template = Api.freshId();
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().plus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))));

        Api.Response claim = api.claimDecided(template, Api.freshId());

        Api.assertOutcome(409, "NOT_STARTED", claim);
        Api.assertErrorBody(claim.body());
        assertEquals(10, api.remaining(template));
    }

    @Test
    void rejectsWithEndedOnceTheEndHasPassed() {
        long template = Api.freshId();
        Instant end = Instant.now().plusSeconds(3);
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().minusSeconds(60), end));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/templates/" + template).body().path("status").asText().equals("ENDED"));

        Api.Response claim = api.claimDecided(template, Api.freshId());

        Api.assertOutcome(409, "ENDED", claim);
        Api.assertErrorBody(claim.body());
        assertEquals(10, api.remaining(template));
    }

    @Test
    void answers404UnknownTemplateForATemplateNeverCreated() {
        long template = Api.freshId();

        Api.Response claim = api.claimAnswered(template, Api.freshId(), "k-" + UUID.randomUUID());

        assertEquals(404, claim.status(), claim.body()::toString);
        assertEquals("UNKNOWN_TEMPLATE", claim.body().path("status").asText());
        Api.assertErrorBody(claim.body());
    }

    @Test
    void replaysFirstOutcomeForSameIdempotencyKeyAndTakesStockOnce() {
        long template = api.createTemplate(10, 5);
        long user = Api.freshId();
        String key = "retry-" + UUID.randomUUID();

        Api.Response first = api.claimAnswered(template, user, key);
        Api.Response retry = api.claimAnswered(template, user, key);

        assertEquals(201, first.status(), first.body()::toString);
        assertEquals(201, retry.status(), retry.body()::toString);
        assertEquals(first.body().get("couponId"), retry.body().get("couponId"));
        assertEquals(first.body(), retry.body());
        assertEquals(9, api.remaining(template));
        assertEquals(1, api.coupons(user, template).size());
    }

    @Test
    void refusesTheSameIdempotencyKeyFromAnotherUserWith422() {
        long template = api.createTemplate(10, 1);
        long owner = Api.freshId();
        long other = Api.freshId();
        String key = "shared-" + UUID.randomUUID();
        assertEquals(201, api.claimAnswered(template, owner, key).status());

        Api.Response reused = api.claimAnswered(template, other, key);

        assertEquals(422, reused.status(), reused.body()::toString);
        Api.assertErrorBody(reused.body());
        assertEquals(9, api.remaining(template));
        assertEquals(0, api.coupons(other, template).size());
    }

    @Test
    void answers202WithLocationWhenAskedToRespondAsyncAndTheLocationGivesTheDecision() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();
        String key = "async-" + UUID.randomUUID();

        Api.Response accepted = api.claim(template, user, "Idempotency-Key", key, "Prefer", "respond-async");

        assertEquals(202, accepted.status(), accepted.body()::toString);
        assertEquals("PENDING", accepted.body().path("status").asText());
        String location = accepted.header("Location");
        assertEquals("/v1/templates/" + template + "/claims/" + key, location);
        Api.Response decided = api.decidedClaim(accepted);
        assertEquals(200, decided.status(), decided.body()::toString);
        JsonNode body = decided.body();
        assertEquals("GRANTED", body.path("status").asText());
        assertTrue(body.path("couponId").isTextual(), body::toString);
        assertEquals(template, body.path("templateId").asLong());
        assertEquals(user, body.path("userId").asLong());
        assertEquals(key, body.path("requestId").asText());
        assertNotNull(body.get("expiresAt"));
        assertEquals(9, api.remaining(template));
    }

    @Test
    void looksUpARejectedClaimWith200AndItsStatus() {
        long template = Api.freshId();
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().plus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(1))));
        long user = Api.freshId();
        String key = "rejected-" + UUID.randomUUID();
        Api.assertOutcome(409, "NOT_STARTED", api.claimAnswered(template, user, key));

        Api.Response lookup = api.get("/v1/templates/" + template + "/claims/" + key);

        assertEquals(200, lookup.status(), lookup.body()::toString);
        assertEquals("NOT_STARTED", lookup.body().path("status").asText());
        assertEquals(user, lookup.body().path("userId").asLong());
        assertEquals(key, lookup.body().path("requestId").asText());
    }

    @Test
    void answers404ForAnUnknownRequestId() {
        long template = api.createTemplate(10, 1);

        Api.Response lookup = api.get("/v1/templates/" + template + "/claims/never-" + UUID.randomUUID());

        assertEquals(404, lookup.status(), lookup.body()::toString);
        Api.assertErrorBody(lookup.body());
    }

    @Test
    void echoesTheIdempotencyKeyAsTheRequestId() {
        long template = api.createTemplate(10, 1);
        String key = "order-42:" + UUID.randomUUID() + "~!";

        Api.Response grant = api.claimAnswered(template, Api.freshId(), key);

        assertEquals(201, grant.status(), grant.body()::toString);
        assertEquals(key, grant.body().path("requestId").asText());
    }

    @Test
    void scopesAnIdempotencyKeyToItsTemplate() {
        long first = api.createTemplate(10, 1);
        long second = api.createTemplate(10, 1);
        long user = Api.freshId();
        String key = "scoped-" + UUID.randomUUID();

        Api.Response inFirst = api.claimAnswered(first, user, key);
        Api.Response inSecond = api.claimAnswered(second, Api.freshId(), key);

        assertEquals(201, inFirst.status(), inFirst.body()::toString);
        assertEquals(201, inSecond.status(), inSecond.body()::toString);
        assertEquals(first, inFirst.body().path("templateId").asLong());
        assertEquals(second, inSecond.body().path("templateId").asLong());
    }

    @Test
    void locationOfAKeyWithASlashLeadsToTheClaim() {
        long template = api.createTemplate(10, 1);
        String key = "batch/" + UUID.randomUUID();

        Api.Response accepted = api.claim(template, Api.freshId(), "Idempotency-Key", key, "Prefer", "respond-async");

        assertEquals(202, accepted.status(), accepted.body()::toString);
        Api.Response decided = api.decidedClaim(accepted);
        assertEquals(200, decided.status(), () -> accepted.header("Location") + " -> " + decided.body());
        assertEquals(key, decided.body().path("requestId").asText());
    }

    @Test
    void lookupWithTheAskersUserIdAnswers422ToAUserWhoReusedAnotherUsersKey() {
        long template = api.createTemplate(10, 1);
        long owner = Api.freshId();
        long other = Api.freshId();
        String key = "shared-async-" + UUID.randomUUID();
        assertEquals(201, api.claimAnswered(template, owner, key).status());

        Api.Response accepted = api.claim(template, other, "Idempotency-Key", key, "Prefer", "respond-async");
        assertEquals(202, accepted.status(), accepted.body()::toString);
        Api.Response lookup = api.get(accepted.header("Location") + "?userId=" + other);

        assertEquals(422, lookup.status(), lookup.body()::toString);
        assertEquals(other, lookup.body().path("userId").asLong());
        assertFalse(lookup.body().has("couponId"), "another user's coupon is never shown");
    }
}
