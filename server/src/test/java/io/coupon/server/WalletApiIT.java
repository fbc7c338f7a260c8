package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Wallets over real HTTP: interactive queries on the stream's stores, read-your-writes after a claim. */
class WalletApiIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void answersAnEmptyListForAUserWithNoCoupons() {
        long user = Api.freshId();

        Api.Response wallet = api.get("/v1/users/" + user + "/coupons");

        assertEquals(200, wallet.status(), wallet.body()::toString);
        assertEquals(user, wallet.body().path("userId").asLong());
        assertTrue(wallet.body().path("coupons").isArray(), wallet.body()::toString);
        assertEquals(0, wallet.body().path("coupons").size());
    }

    @Test
    void showsAGrantedCouponWithEveryFieldRightAfterThe201() {
        long template = Api.freshId();
        api.createTemplate(Api.templateFields(template, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))));
        long user = Api.freshId();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        // Retried on 202 with the same key, so the last answer is a claim answer and read-your-writes holds.
        Api.Response grant = api.claimAnswered(template, user, "wallet-" + UUID.randomUUID());
        Api.Raw wallet = api.getRaw("/v1/users/" + user + "/coupons");

        assertEquals(201, grant.status(), grant.body()::toString);
        assertEquals(200, wallet.status(), wallet.body());
        JsonNode body = wallet.exact();
        assertEquals(user, body.path("userId").asLong());
        assertEquals(1, body.path("coupons").size(), wallet.body());
        JsonNode coupon = body.path("coupons").get(0);
        assertEquals(grant.body().get("couponId").asText(), coupon.path("couponId").asText());
        assertEquals(template, coupon.path("templateId").asLong());
        assertEquals("THRESHOLD", coupon.path("type").asText());
        assertEquals(new BigDecimal("20.00"), coupon.path("discount").decimalValue());
        assertEquals(new BigDecimal("200.00"), coupon.path("threshold").decimalValue());
        assertEquals("UNUSED", coupon.path("status").asText());
        Instant acquiredAt = Instant.parse(coupon.path("acquiredAt").asText());
        assertFalse(acquiredAt.isBefore(before), () -> "acquiredAt " + acquiredAt + " before the claim " + before);
        assertFalse(acquiredAt.isAfter(Instant.now()), () -> "acquiredAt " + acquiredAt + " in the future");
        assertEquals(Instant.parse(grant.body().get("expiresAt").asText()),
                Instant.parse(coupon.path("expiresAt").asText()));
        assertEquals(acquiredAt.plus(Duration.ofDays(7)), Instant.parse(coupon.path("expiresAt").asText()));
        assertTrue(coupon.has("orderId") && coupon.get("orderId").isNull(), coupon::toString);
        assertTrue(coupon.has("usedAt") && coupon.get("usedAt").isNull(), coupon::toString);
    }

    @Test
    void listsOnlyCouponsInTheRequestedStatus() {
        long user = Api.freshId();
        long lasting = api.createTemplate(10, 1);
        long ending = Api.freshId();
        Map<String, Object> fields = Api.templateFields(ending, 10, 1, Instant.now().minusSeconds(60),
                Instant.now().plusSeconds(4));
        fields.remove("validDays");
        api.createTemplate(fields);
        Api.Response keptGrant = api.claimAnswered(lasting, user, "kept-" + UUID.randomUUID());
        Api.Response expiringGrant = api.claimAnswered(ending, user, "gone-" + UUID.randomUUID());
        assertEquals(201, keptGrant.status(), keptGrant.body()::toString);
        assertEquals(201, expiringGrant.status(), expiringGrant.body()::toString);
        String kept = keptGrant.body().get("couponId").asText();
        String expiring = expiringGrant.body().get("couponId").asText();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.coupons(user, ending).get(0).path("status").asText().equals("EXPIRED"));

        JsonNode unused = api.get("/v1/users/" + user + "/coupons?status=UNUSED").body().path("coupons");
        JsonNode expired = api.get("/v1/users/" + user + "/coupons?status=EXPIRED").body().path("coupons");

        assertEquals(1, unused.size(), unused::toString);
        assertEquals(kept, unused.get(0).path("couponId").asText());
        assertEquals("UNUSED", unused.get(0).path("status").asText());
        assertEquals(1, expired.size(), expired::toString);
        assertEquals(expiring, expired.get(0).path("couponId").asText());
        assertEquals("EXPIRED", expired.get(0).path("status").asText());
    }

    @Test
    void listsNothingUsedForAUserWhoUsedNothing() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();
        assertEquals(201, api.claimAnswered(template, user, "unused-" + UUID.randomUUID()).status());

        Api.Response used = api.get("/v1/users/" + user + "/coupons?status=USED");

        assertEquals(200, used.status(), used.body()::toString);
        assertEquals(0, used.body().path("coupons").size(), used.body()::toString);
    }

    @Test
    void pagesOfAWalletTogetherAreTheWholeWalletInGrantOrder() {
        long user = Api.freshId();
        for (int i = 0; i < 5; i++) {
            long template = api.createTemplate(10, 1);
            assertEquals(201, api.claimAnswered(template, user, "page-" + UUID.randomUUID()).status());
        }
        Api.Response whole = api.get("/v1/users/" + user + "/coupons");
        assertTrue(whole.body().path("nextCursor").isMissingNode(), "no cursor without paging: " + whole.body());
        java.util.List<String> expected = new java.util.ArrayList<>();
        whole.body().path("coupons").forEach(c -> expected.add(c.path("couponId").asText()));
        assertEquals(5, expected.size(), whole.body()::toString);

        java.util.List<String> paged = new java.util.ArrayList<>();
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/v1/users/" + user + "/coupons?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, page.status(), page.body()::toString);
            sizes.add(page.body().path("coupons").size());
            page.body().path("coupons").forEach(c -> paged.add(c.path("couponId").asText()));
            cursor = page.body().path("nextCursor").isMissingNode() ? null : page.body().path("nextCursor").asText();
        } while (cursor != null);

        assertEquals(java.util.List.of(2, 2, 1), sizes);
        assertEquals(expected, paged);
    }

    @Test
    void refusesACursorItDidNotGiveWith400() {
        Api.Response wallet = api.get("/v1/users/" + Api.freshId() + "/coupons?limit=2&cursor=bogus");

        assertEquals(400, wallet.status(), wallet.body()::toString);
        Api.assertErrorBody(wallet.body());
    }

    @Test
    void refusesAnUnknownStatusWith400() {
        Api.Response wallet = api.get("/v1/users/" + Api.freshId() + "/coupons?status=bogus");

        assertEquals(400, wallet.status(), wallet.body()::toString);
        Api.assertErrorBody(wallet.body());
    }

    @Test
    void showsTheCouponOnceItsClaimLooksGranted() {
        long template = api.createTemplate(100, 1);
        for (int i = 0; i < 10; i++) {
            long user = Api.freshId();
            Api.Response accepted = api.claim(template, user, "Prefer", "respond-async");
            Api.Response granted = api.decidedClaim(accepted);
            Api.assertOutcome(201, "GRANTED", granted);

            List<JsonNode> held = api.coupons(user, template);

            assertEquals(1, held.size(), () -> "claim " + granted.body() + " looked granted, wallet " + held);
        }
    }

    @Test
    void everyGrantIsInTheWalletReadTheMomentItsAnswerArrives() {
        // The answer needs only the decider's commit; the wallet step applies the grant after it. Many claims,
        // each read back at once, would catch a wallet read that does not wait for the grants answered before it.
        long template = api.createTemplate(1_000, 1);
        for (int i = 0; i < 40; i++) {
            long user = Api.freshId();
            Api.Response granted = grantAnswered(template, user);

            List<JsonNode> held = api.coupons(user, template);

            assertEquals(1, held.size(), () -> "claim " + granted.body() + " answered, wallet " + held);
        }
    }

    @Test
    void aRedemptionSentTheMomentTheGrantIsAnsweredFindsTheCoupon() {
        long template = api.createTemplate(1_000, 1);
        for (int i = 0; i < 20; i++) {
            long user = Api.freshId();
            Api.Response granted = grantAnswered(template, user);

            Api.Response locked = api.post("/v1/redemptions", Api.json(Map.of("orderId", "now-" + user,
                    "userId", user, "couponId", granted.body().get("couponId").asText(), "orderAmount", new BigDecimal("500.00"))));

            assertEquals(201, locked.status(), locked.body()::toString);
            assertEquals("LOCKED", locked.body().path("status").asText(), locked.body()::toString);
        }
    }

    /** A claim retried on 202 until its answer comes from the decider's committed outcome, checked granted. */
    private static Api.Response grantAnswered(long template, long user) {
        Api.Response granted = api.claimAnswered(template, user, "at-once-" + user);
        Api.assertOutcome(201, "GRANTED", granted);
        return granted;
    }
}
