package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Try / Confirm / Cancel over HTTP, decided in the partition of the user's wallet. */
class RedemptionIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api();
    }

    @Test
    void tryThenConfirmSpendsTheCouponInTheWallet() {
        long user = Api.freshId();
        String coupon = grant(user, "{\"type\": \"THRESHOLD\", \"discount\": 20.00, \"threshold\": 200.00}");
        String order = "O-" + Api.freshId();

        Api.Response locked = tryLock(order, user, coupon, "250.00");
        assertEquals(201, locked.status(), () -> locked.body().toString());
        assertEquals("LOCKED", locked.body().get("status").asText());
        assertEquals("20.00", locked.body().get("discountAmount").toString());
        assertEquals("230.00", locked.body().get("payAmount").toString());
        assertEquals("LOCKED", couponInWallet(user, coupon).get("status").asText());
        assertEquals(order, couponInWallet(user, coupon).get("orderId").asText());

        Api.Response confirmed = step(order, "confirm", user);
        assertEquals(200, confirmed.status());
        assertEquals("USED", confirmed.body().get("status").asText());
        assertEquals(200, step(order, "confirm", user).status(), "confirm is idempotent");
        JsonNode used = couponInWallet(user, coupon);
        assertEquals("USED", used.get("status").asText());
        assertTrue(used.hasNonNull("usedAt"));
        assertEquals(409, step(order, "cancel", user).status(), "a confirmed order cannot be cancelled");
    }

    @Test
    void tryThenCancelGivesTheCouponBack() {
        long user = Api.freshId();
        String coupon = grant(user, "{\"type\": \"CASH\", \"discount\": 5.00}");
        String order = "O-" + Api.freshId();
        assertEquals(201, tryLock(order, user, coupon, "30.00").status());

        Api.Response cancelled = step(order, "cancel", user);
        assertEquals(200, cancelled.status());
        assertEquals("CANCELLED", cancelled.body().get("status").asText());
        assertEquals(200, step(order, "cancel", user).status(), "cancel is idempotent");
        assertEquals("UNUSED", couponInWallet(user, coupon).get("status").asText());
        assertEquals(409, step(order, "confirm", user).status(), "a cancelled order cannot be confirmed");
    }

    @Test
    void exactlyOneOfTwentyRacingOrdersLocksTheCoupon() {
        long user = Api.freshId();
        String coupon = grant(user, "{\"type\": \"CASH\", \"discount\": 5.00}");
        List<CompletableFuture<Api.Response>> racing = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            racing.add(api.postAsync("/v1/redemptions", tryJson("race-" + i + "-" + user, user, coupon, "50.00")));
        }
        List<Api.Response> answers = racing.stream().map(CompletableFuture::join).toList();

        assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), () -> answers.toString());
        assertEquals(19, answers.stream().filter(a -> a.status() == 409
                && a.body().get("status").asText().equals("LOCKED")).count());
        String winner = answers.stream().filter(a -> a.status() == 201).findFirst().orElseThrow()
                .body().get("orderId").asText();
        assertEquals(winner, couponInWallet(user, coupon).get("orderId").asText());
    }

    @Test
    void aLockLeftAloneIsReleasedAfterTheLockTimeout() {
        long user = Api.freshId();
        String coupon = grant(user, "{\"type\": \"CASH\", \"discount\": 5.00}");
        String order = "O-" + Api.freshId();
        Api.Response locked = tryLock(order, user, coupon, "30.00");
        assertEquals(201, locked.status());
        Instant lockedUntil = Instant.parse(locked.body().get("lockedUntil").asText());
        assertTrue(!lockedUntil.isAfter(Instant.now().plus(TestCluster.LOCK_TIMEOUT)), "lockedUntil follows the timeout");

        await().atMost(TestCluster.LOCK_TIMEOUT.plusSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> couponInWallet(user, coupon).get("status").asText().equals("UNUSED"));
        Api.Response confirm = step(order, "confirm", user);
        assertEquals(409, confirm.status());
        assertEquals("CANCELLED", confirm.body().get("status").asText());
        assertEquals(201, tryLock("O-" + Api.freshId(), user, coupon, "30.00").status(), "the coupon is usable again");
    }

    @Test
    void bestCouponIsTheLargestDiscountAcrossAllThreeTypes() {
        long user = Api.freshId();
        String cash = grant(user, "{\"type\": \"CASH\", \"discount\": 12.00}");
        String threshold = grant(user, "{\"type\": \"THRESHOLD\", \"discount\": 20.00, \"threshold\": 200.00}");
        String discount = grant(user, "{\"type\": \"DISCOUNT\", \"discount\": 0.90, \"maxDiscount\": 15.00}");

        assertEquals(threshold, best(user, "250.00").get("coupon").get("couponId").asText());
        assertEquals("230.00", best(user, "250.00").get("payAmount").toString());
        assertEquals(cash, best(user, "100.00").get("coupon").get("couponId").asText(), "12.00 beats 10% of 100");
        assertEquals(discount, best(user, "130.00").get("coupon").get("couponId").asText(), "13.00 beats 12.00");
        assertEquals("117.00", best(user, "130.00").get("payAmount").toString());
    }

    private static JsonNode best(long user, String amount) {
        Api.Response r = api.get("/v1/users/" + user + "/coupons/best?orderAmount=" + amount);
        assertEquals(200, r.status(), () -> r.body().toString());
        return r.body();
    }

    /** Creates a template of the given terms and claims one coupon of it for the user. */
    private static String grant(long user, String terms) {
        long template = Api.freshId();
        String json = terms.replace("}", String.format(", \"id\": %d, \"name\": \"r%d\", \"totalCount\": 10,"
                + " \"endTime\": \"%s\"}", template, template, Instant.now().plus(Duration.ofDays(30))));
        assertEquals(201, api.post("/v1/templates", json).status(), json);
        Api.Response claim = api.claim(template, user);
        assertEquals(201, claim.status(), () -> claim.body().toString());
        return claim.body().get("couponId").asText();
    }

    private static JsonNode couponInWallet(long user, String couponId) {
        for (JsonNode c : api.wallet(user)) {
            if (c.get("couponId").asText().equals(couponId)) {
                return c;
            }
        }
        throw new AssertionError("coupon " + couponId + " not in the wallet of " + user);
    }

    private static Api.Response tryLock(String order, long user, String coupon, String amount) {
        return api.post("/v1/redemptions", tryJson(order, user, coupon, amount));
    }

    private static String tryJson(String order, long user, String coupon, String amount) {
        return String.format("{\"orderId\": \"%s\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": %s}",
                order, user, coupon, amount);
    }

    private static Api.Response step(String order, String step, long user) {
        return api.post("/v1/redemptions/" + order + "/" + step, "{\"userId\": " + user + "}");
    }
}
