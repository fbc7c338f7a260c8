package io.coupon.server;

import static io.coupon.server.Campaigns.cash;
import static io.coupon.server.Campaigns.grant;
import static io.coupon.server.Campaigns.item;
import static io.coupon.server.Campaigns.patch;
import static io.coupon.server.Campaigns.scoped;
import static io.coupon.server.Campaigns.stackable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Campaign operations over real HTTP: lifecycle under load, restock, scoped carts, stacked quotes, refunds. */
class CampaignOperationsIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        // its own connections: the bursts here leave many idle ones, which the other tests need not inherit
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void aFlashSalePausedHalfWayGrantsNothingAfterThePatchAndResumedSellsOutExactly() {
        int stock = 200;
        long template = api.createTemplate(stock, 1);
        List<CompletableFuture<Api.Response>> before = claims(template, 150);
        // pause while those are still arriving: about half of the stock is sold by then
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                .until(() -> before.stream().filter(CompletableFuture::isDone).count() >= 50);
        Api.Response paused = patch(api, template, "{\"status\": \"PAUSED\"}");
        assertEquals(200, paused.status(), () -> paused.body().toString());
        assertEquals("PAUSED", paused.body().get("status").asText());
        long remainingAtPause = paused.body().get("remaining").asLong();

        // a claim sent after the 200 is decided after the patch, behind every claim queued before it
        Api.Response sentinel = api.claimDecided(template, Api.freshId());
        Api.assertOutcome(409, "PAUSED", sentinel);
        int grantedBefore = 0;
        for (CompletableFuture<Api.Response> answer : before) {
            String status = api.decidedClaim(answer.join()).body().get("status").asText();
            assertTrue(status.equals("GRANTED") || status.equals("PAUSED"), status);
            grantedBefore += status.equals("GRANTED") ? 1 : 0;
        }
        assertEquals(remainingAtPause, api.remaining(template), "no unit was granted after the PATCH answered");
        assertEquals(stock - grantedBefore, remainingAtPause);
        assertEquals("PAUSED", api.get("/v1/templates/" + template).body().get("status").asText());

        assertEquals(200, patch(api, template, "{\"status\": \"ACTIVE\"}").status());
        int grantedAfter = 0;
        for (CompletableFuture<Api.Response> answer : claims(template, 300)) {
            String status = api.decidedClaim(answer.join()).body().get("status").asText();
            assertTrue(status.equals("GRANTED") || status.equals("SOLD_OUT"), status);
            grantedAfter += status.equals("GRANTED") ? 1 : 0;
        }
        assertEquals(stock, grantedBefore + grantedAfter, "sold out to exactly totalCount");
        assertEquals(0, api.remaining(template));
        assertEquals("SOLD_OUT", api.get("/v1/templates/" + template).body().get("status").asText());
    }

    @Test
    void restockAfterSoldOutGrantsUpToTheNewTotal() {
        long template = api.createTemplate(1, 1);
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        Api.assertOutcome(409, "SOLD_OUT", api.claimDecided(template, Api.freshId()));

        Api.Response restocked = patch(api, template, "{\"totalCount\": 3}");

        assertEquals(200, restocked.status());
        assertEquals(2, restocked.body().get("remaining").asLong());
        assertEquals("ACTIVE", restocked.body().get("status").asText());
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        Api.assertOutcome(409, "SOLD_OUT", api.claimDecided(template, Api.freshId()));
    }

    @Test
    void belowGrantedAnswersItsStatusTheRequestedTotalCountAndTheGranted() {
        long template = api.createTemplate(10, 1);
        api.claimDecided(template, Api.freshId());
        api.claimDecided(template, Api.freshId());

        Api.Response below = patch(api, template, "{\"totalCount\": 1}");

        assertEquals(409, below.status());
        Api.assertErrorBody(below.body());
        assertEquals("BELOW_GRANTED", below.body().path("error").asText());
        assertEquals("BELOW_GRANTED", below.body().path("status").asText());
        assertEquals(1, below.body().path("totalCount").asLong(), "the totalCount asked for, not the stored one");
        assertEquals(2, below.body().path("granted").asLong());
        assertEquals(8, api.remaining(template), "a refused patch changes nothing");
    }

    @Test
    void lifecycleRefusalsAndTheMetadataEcho() {
        long template = api.createTemplate(10, 1);

        Api.Response renamed = patch(api, template, "{\"name\": \"Renamed\", \"metadata\": {\"channel\": \"app\","
                + " \"weight\": 1.50, \"tags\": [\"a\"]}}");
        assertEquals(200, renamed.status());
        assertEquals("Renamed", renamed.body().get("name").asText());
        assertEquals(new BigDecimal("1.50"), renamed.body().get("metadata").get("weight").decimalValue());
        assertEquals("app", api.get("/v1/templates/" + template).body().get("metadata").get("channel").asText());

        assertEquals(200, patch(api, template, "{\"status\": \"ENDED\"}").status());
        assertEquals("ENDED", api.get("/v1/templates/" + template).body().get("status").asText());
        Api.assertOutcome(409, "ENDED", api.claimDecided(template, Api.freshId()));
        Api.Response resume = patch(api, template, "{\"status\": \"ACTIVE\"}");
        assertEquals(409, resume.status());
        assertEquals("ENDED", resume.body().get("error").asText());
        assertEquals(404, patch(api, Api.freshId(), "{\"status\": \"PAUSED\"}").status());
    }

    @Test
    void aScopedCartThroughQuoteTryConfirmAndRefund() {
        long user = Api.freshId();
        long shoes = Api.freshId();
        long platform = Api.freshId();
        long exclusive = Api.freshId();
        api.createTemplate(stackable(scoped(cash(shoes, "30.00", 10), List.of(), List.of("shoes")), "shop"));
        Map<String, Object> tenPercent = cash(platform, "0.90", 10);
        tenPercent.put("type", "DISCOUNT");
        api.createTemplate(stackable(tenPercent, "platform"));
        api.createTemplate(cash(exclusive, "20.00", 10));
        String shoesCoupon = grant(api, shoes, user);
        String platformCoupon = grant(api, platform, user);
        grant(api, exclusive, user);
        List<Map<String, Object>> items = List.of(item("SKU-1", "shoes", "100.00", 1), item("SKU-9", "hats", "50.00", 2));

        // 30 off the shoes, then 10% of the 170.00 left: 47.00 off, better than 20.00 alone
        Api.Response quote = api.post("/v1/orders/quote", Api.json(Map.of("userId", user, "items", items)));
        assertEquals(200, quote.status(), () -> quote.body().toString());
        assertEquals(new BigDecimal("47.00"), quote.body().get("discountAmount").decimalValue());
        assertEquals(new BigDecimal("153.00"), quote.body().get("payAmount").decimalValue());
        assertEquals(List.of(shoesCoupon, platformCoupon), couponIds(quote.body().get("coupons")));
        assertEquals(3, countStatus(user, "UNUSED"), "a quote changes nothing");

        Api.Response locked = api.post("/v1/redemptions", Api.json(Map.of("orderId", "O-" + user, "userId", user,
                "couponIds", List.of(platformCoupon, shoesCoupon), "items", items)));
        assertEquals(201, locked.status(), () -> locked.body().toString());
        assertEquals(new BigDecimal("47.00"), locked.body().get("discountAmount").decimalValue());
        assertEquals(List.of(platformCoupon, shoesCoupon), couponIds(locked.body().get("coupons")));
        assertEquals(2, countStatus(user, "LOCKED"));

        assertEquals(200, api.post("/v1/redemptions/O-" + user + "/confirm", "{\"userId\": " + user + "}").status());
        assertEquals(2, countStatus(user, "USED"));
        Api.Response refunded = api.post("/v1/redemptions/O-" + user + "/refund", "{\"userId\": " + user + "}");
        assertEquals(200, refunded.status());
        assertEquals("REFUNDED", refunded.body().get("status").asText());
        assertEquals(3, countStatus(user, "UNUSED"));
        assertEquals(200, api.post("/v1/redemptions/O-" + user + "/refund", "{\"userId\": " + user + "}").status());
        Api.Response confirmAfter = api.post("/v1/redemptions/O-" + user + "/confirm", "{\"userId\": " + user + "}");
        assertEquals(409, confirmAfter.status());
        assertEquals("REFUNDED", confirmAfter.body().get("status").asText());
    }

    @Test
    void givenCouponsAreCheckedAsTryWouldCheckThem() {
        long user = Api.freshId();
        long scopedTemplate = Api.freshId();
        long a = Api.freshId();
        long b = Api.freshId();
        api.createTemplate(scoped(cash(scopedTemplate, "5.00", 10), List.of("SKU-1"), List.of()));
        api.createTemplate(cash(a, "5.00", 10));
        api.createTemplate(cash(b, "6.00", 10));
        String scopedCoupon = grant(api, scopedTemplate, user);
        String first = grant(api, a, user);
        String second = grant(api, b, user);

        Api.Response plainAmount = api.post("/v1/orders/quote", Api.json(Map.of("userId", user,
                "orderAmount", new BigDecimal("100.00"), "couponIds", List.of(scopedCoupon))));
        assertEquals(409, plainAmount.status());
        assertEquals("NOT_APPLICABLE", plainAmount.body().get("status").asText());

        Api.Response together = api.post("/v1/orders/quote", Api.json(Map.of("userId", user,
                "orderAmount", new BigDecimal("100.00"), "couponIds", List.of(first, second))));
        assertEquals(409, together.status());
        assertEquals("NOT_STACKABLE", together.body().get("status").asText());

        Api.Response best = api.post("/v1/orders/quote", Api.json(Map.of("userId", user,
                "orderAmount", new BigDecimal("100.00"))));
        assertEquals(List.of(second), couponIds(best.body().get("coupons")), "scoped coupons never on an amount");
        Api.Response refundBeforeConfirm = tryAndRefund(user, first);
        assertEquals(409, refundBeforeConfirm.status());
        assertEquals("LOCKED", refundBeforeConfirm.body().get("status").asText());
        assertEquals(404, api.post("/v1/redemptions/O-none-" + user + "/refund", "{\"userId\": " + user + "}")
                .status());
    }

    private Api.Response tryAndRefund(long user, String couponId) {
        Api.Response locked = api.post("/v1/redemptions", Api.json(Map.of("orderId", "R-" + user, "userId", user,
                "couponId", couponId, "orderAmount", new BigDecimal("100.00"))));
        assertEquals(201, locked.status(), () -> locked.body().toString());
        return api.post("/v1/redemptions/R-" + user + "/refund", "{\"userId\": " + user + "}");
    }

    private static List<CompletableFuture<Api.Response>> claims(long template, int count) {
        List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(api.postAsync("/v1/templates/" + template + "/claims", "{\"userId\": " + Api.freshId() + "}"));
        }
        return answers;
    }

    private static List<String> couponIds(JsonNode coupons) {
        List<String> ids = new ArrayList<>();
        coupons.forEach(c -> ids.add(c.get("couponId").asText()));
        return ids;
    }

    private static int countStatus(long user, String status) {
        Map<String, Integer> byStatus = new HashMap<>();
        api.wallet(user).forEach(c -> byStatus.merge(c.get("status").asText(), 1, Integer::sum));
        return byStatus.getOrDefault(status, 0);
    }
}
