package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The flash sale the platform exists for, over real HTTP, a real broker and the exactly-once stream. */
class FlashSaleIT {

    private static final int STOCK = 100;
    private static final int USERS = 1_000;
    private static final int CLAIMS = 2_000;

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void sellsExactlyTheStockToConcurrentClaimsWithNoUserOverTheLimit() {
        long template = api.createTemplate(STOCK, 1);
        long firstUser = Api.freshId();
        for (int i = 0; i < USERS; i++) {
            Api.freshId();
        }

        List<CompletableFuture<Api.Response>> inFlight = new ArrayList<>();
        for (int i = 0; i < CLAIMS; i++) {
            long user = firstUser + (i % USERS);
            inFlight.add(api.postAsync("/v1/templates/" + template + "/claims", "{\"userId\": " + user + "}"));
        }
        List<Api.Response> answers = inFlight.stream().map(CompletableFuture::join).toList();
        System.out.println("FLASH answers by status: " + answers.stream()
                .collect(java.util.stream.Collectors.groupingBy(Api.Response::status, java.util.stream.Collectors.counting())));

        Map<Long, Integer> grantsPerUser = new HashMap<>();
        Set<String> couponIds = new HashSet<>();
        for (Api.Response answer : answers) {
            JsonNode outcome = decided(template, answer);
            if (outcome.get("status").asText().equals("GRANTED")) {
                grantsPerUser.merge(outcome.get("userId").asLong(), 1, Integer::sum);
                assertTrue(couponIds.add(outcome.get("couponId").asText()), "coupon id granted twice");
            } else {
                String status = outcome.get("status").asText();
                assertTrue(status.equals("SOLD_OUT") || status.equals("LIMIT_EXCEEDED"), "unexpected " + outcome);
            }
        }

        assertEquals(STOCK, couponIds.size(), "granted units");
        assertTrue(grantsPerUser.values().stream().allMatch(n -> n == 1), "a user got more than perUserLimit");
        assertEquals(0, api.remaining(template));
        assertEquals("SOLD_OUT", api.get("/v1/templates/" + template).body().get("status").asText());
        int inWallets = 0;
        for (long user = firstUser; user < firstUser + USERS; user++) {
            for (JsonNode coupon : api.wallet(user)) {
                if (coupon.get("templateId").asLong() == template) {
                    inWallets++;
                    assertTrue(couponIds.contains(coupon.get("couponId").asText()), "wallet holds an unanswered coupon");
                }
            }
        }
        assertEquals(STOCK, inWallets, "coupons in wallets");
    }

    /** A 202 is a promise, not an answer: follow its Location until the claim is decided. */
    private static JsonNode decided(long template, Api.Response answer) {
        if (answer.status() == 201 || answer.status() == 409) {
            return answer.body();
        }
        assertEquals(202, answer.status(), () -> "unexpected answer " + answer.body());
        String location = answer.header("Location");
        Api.Response[] lookup = {api.get(location)};
        if (lookup[0].status() == 200) {
            return lookup[0].body();
        }
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
            lookup[0] = api.get(location);
            return lookup[0].status() == 200;
        });
        return lookup[0].body();
    }
}
