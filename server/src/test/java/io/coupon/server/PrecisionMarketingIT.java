package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiles, audiences, experiments and targeted issuance over real HTTP against the shared broker: what the
 * clients see and what the system counts agree.
 */
class PrecisionMarketingIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        // Its own client: the thousands of requests here leave their connections in its pool, not the shared one.
        api = TestCluster.api().withOwnConnections();
    }

    private static long freshUsers(int n) {
        long first = Api.freshId();
        for (int i = 1; i < n; i++) {
            Api.freshId();
        }
        return first;
    }

    private static Map<String, Object> template(long stock, Object audience, Object variants) {
        Map<String, Object> t = Api.templateFields(Api.freshId(), stock, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        if (audience != null) {
            t.put("audience", audience);
        }
        if (variants != null) {
            t.put("variants", variants);
        }
        return t;
    }

    private static List<Api.Response> putProfiles(long firstUser, int users, java.util.function.LongFunction<Map<String, Object>> attributes) {
        List<Supplier<CompletableFuture<Api.Response>>> puts = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long user = firstUser + i;
            puts.add(() -> api.putAsync("/v1/users/" + user + "/profile",
                    Api.json(Map.of("attributes", attributes.apply(user)))));
        }
        List<Api.Response> answers = Api.inBatches(200, puts);
        answers.forEach(a -> assertEquals(200, a.status(), a.body()::toString));
        return answers;
    }

    private static List<JsonNode> claimAll(long template, long firstUser, int users) {
        List<Supplier<CompletableFuture<Api.Response>>> claims = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            long user = firstUser + i;
            claims.add(() -> api.postAsync("/v1/templates/" + template + "/claims", "{\"userId\": " + user + "}",
                    "Idempotency-Key", "pm-" + user));
        }
        return Api.inBatches(200, claims).stream().map(a -> api.decidedClaim(a).body()).toList();
    }

    @Test
    void profileIsStoredAndReadBackWithItsStats() {
        long user = Api.freshId();
        assertEquals(404, api.get("/v1/users/" + user + "/profile").status());

        Api.Response put = api.put("/v1/users/" + user + "/profile",
                "{\"attributes\": {\"level\": 3, \"city\": \"Hangzhou\", \"tags\": [\"new\", \"vip\"], \"newCustomer\": true}}");

        assertEquals(200, put.status(), put.body()::toString);
        JsonNode read = api.get("/v1/users/" + user + "/profile").body();
        assertEquals(put.body(), read);
        assertEquals("Hangzhou", read.at("/attributes/city").asText());
        assertEquals(0, read.at("/stats/claimed").asLong());
        assertEquals(0, read.at("/stats/used30d").asLong());
    }

    @Test
    void grantsExactlyTheUsersInsideTheAudience() {
        int users = 1_000;
        long first = freshUsers(users);
        putProfiles(first, users, user -> Map.of("level", (user - first) % 2 == 0 ? 5 : 1));
        long template = api.createTemplate(template(users, Map.of("attr", "level", "op", "gte", "value", 3), null))
                .get("id").asLong();

        List<JsonNode> outcomes = claimAll(template, first, users);

        for (JsonNode outcome : outcomes) {
            boolean inside = (outcome.get("userId").asLong() - first) % 2 == 0;
            assertEquals(inside ? "GRANTED" : "NOT_ELIGIBLE", outcome.get("status").asText(), outcome::toString);
        }
        assertEquals(users - users / 2, api.remaining(template));
        JsonNode eligibility = api.get("/v1/templates/" + template + "/eligibility/" + (first + 1)).body();
        assertEquals(false, eligibility.get("eligible").asBoolean());
        assertEquals("NOT_ELIGIBLE", eligibility.get("reason").asText());
    }

    @Test
    void theReportCountsWhatTheClientsSaw() {
        int users = 2_000;
        long first = freshUsers(users);
        List<Map<String, Object>> variants = List.of(
                Map.of("name", "control", "weight", 50),
                Map.of("name", "bigger", "weight", 50, "discount", new BigDecimal("30.00")));
        long template = api.createTemplate(template(1_500, null, variants)).get("id").asLong();

        List<JsonNode> outcomes = claimAll(template, first, users);

        Map<String, long[]> seen = new HashMap<>(); // assigned, granted, used
        List<JsonNode> toUse = new ArrayList<>();
        for (JsonNode outcome : outcomes) {
            String variant = outcome.path("variant").asText(null);
            assertNotNull(variant, outcome::toString);
            long[] counts = seen.computeIfAbsent(variant, v -> new long[3]);
            counts[0]++;
            if (outcome.get("status").asText().equals("GRANTED")) {
                counts[1]++;
                if (toUse.size() < 40 && (variant.equals("bigger") || toUse.size() % 3 == 0)) {
                    toUse.add(outcome);
                }
            }
        }
        for (JsonNode coupon : toUse) {
            long user = coupon.get("userId").asLong();
            String order = "O-" + UUID.randomUUID();
            Api.Response locked = api.post("/v1/redemptions", Api.json(Map.of("orderId", order, "userId", user,
                    "couponId", coupon.get("couponId").asText(), "orderAmount", new BigDecimal("250.00"))));
            assertEquals(201, locked.status(), locked.body()::toString);
            assertEquals(200, api.post("/v1/redemptions/" + order + "/confirm", "{\"userId\": " + user + "}").status());
            seen.get(coupon.get("variant").asText())[2]++;
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode report = api.get("/v1/templates/" + template + "/report").body();
            for (JsonNode row : report.get("variants")) {
                long[] expected = seen.get(row.get("name").asText());
                assertEquals(expected[0], row.get("assigned").asLong(), row::toString);
                assertEquals(expected[1], row.get("granted").asLong(), row::toString);
                assertEquals(expected[2], row.get("used").asLong(), row::toString);
            }
        });
        JsonNode report = api.get("/v1/templates/" + template + "/report").body();
        assertTrue(report.at("/variants/0/vsControl").isNull());
        assertTrue(report.at("/variants/1/vsControl/pValue").isNumber(), report::toString);
        assertEquals(new BigDecimal("30.00").multiply(BigDecimal.valueOf(seen.get("bigger")[2])).setScale(2),
                report.at("/variants/1/discountTotal").decimalValue().setScale(2));
    }

    @Test
    void anIssuanceGrantsTheStockOnceEachWhileLiveClaimsAreAnswered() {
        int users = 10_000;
        int stock = 5_000;
        long first = freshUsers(users);
        String cohort = "cohort-" + UUID.randomUUID();
        putProfiles(first, users, user -> Map.of("cohort", cohort));
        long template = api.createTemplate(template(stock, null, null)).get("id").asLong();
        long live = api.createTemplate(5_000, 1);
        String issuance = "push-" + UUID.randomUUID();
        String body = Api.json(Map.of("issuanceId", issuance,
                "audience", Map.of("attr", "cohort", "op", "eq", "value", cohort)));

        Api.Response started = api.post("/v1/templates/" + template + "/issuances", body);
        assertEquals(202, started.status(), started.body()::toString);
        assertEquals("/v1/templates/" + template + "/issuances/" + issuance, started.header("Location"));
        assertEquals(202, api.post("/v1/templates/" + template + "/issuances", body).status(), "the same id again");

        int liveClaims = 0;
        JsonNode progress;
        do {
            // Answered within the claim wait, or (on a busy machine) accepted and then decided: never refused.
            Api.Response claim = api.decidedClaim(api.claim(live, Api.freshId()));
            Api.assertOutcome(201, "GRANTED", claim);
            liveClaims++;
            progress = api.get(started.header("Location")).body();
        } while (!progress.get("status").asText().equals("DONE") && liveClaims < 1_000);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get(started.header("Location")).body().get("status").asText().equals("DONE"));

        progress = api.get(started.header("Location")).body();
        assertEquals(users, progress.get("matched").asLong(), progress::toString);
        assertEquals(stock, progress.get("granted").asLong(), progress::toString);
        assertEquals(users - stock, progress.at("/rejected/SOLD_OUT").asLong(), progress::toString);
        assertEquals(0, api.remaining(template));
        Set<String> coupons = new HashSet<>();
        int holders = 0;
        for (long user = first; user < first + users; user += 20) {
            List<JsonNode> held = api.coupons(user, template);
            assertTrue(held.size() <= 1, "user " + user + " holds " + held);
            holders += held.size();
            held.forEach(c -> assertTrue(coupons.add(c.get("couponId").asText())));
        }
        assertTrue(holders > 0);
    }
}
