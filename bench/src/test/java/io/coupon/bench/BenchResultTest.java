package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BenchResultTest {

    /** 1 ms, 2 ms, ... 1,000 ms, once each: every percentile is known. */
    private static Histogram oneToAThousandMs() {
        Histogram micros = new Histogram(3_600_000_000L, 3);
        for (long ms = 1; ms <= 1_000; ms++) {
            micros.recordValue(ms * 1_000);
        }
        return micros;
    }

    private static RunStats stats(Map<String, Long> outcomes) {
        return new RunStats(oneToAThousandMs(), new TreeMap<>(outcomes), 1_000, 1_000, 990, 10,
                Duration.ofSeconds(4).toNanos(), true);
    }

    @Test
    void summarisesPercentilesInMillisecondsFromAKnownHistogram() {
        LatencySummary l = LatencySummary.fromMicros(oneToAThousandMs());
        assertEquals(1_000, l.count());
        assertEquals(500, l.p50(), 0.5);
        assertEquals(950, l.p95(), 0.5);
        assertEquals(990, l.p99(), 0.5);
        assertEquals(999, l.p999(), 0.5);
        assertEquals(1_000, l.max(), 0.5);
        assertEquals(500.5, l.mean(), 0.5);
    }

    @Test
    void writesOfferedAndAchievedRatesPercentilesOutcomesAndChecksAsJson() throws Exception {
        Map<String, Long> outcomes = Map.of("201 GRANTED", 100L, "409 SOLD_OUT", 850L, "409 LIMIT_EXCEEDED", 30L,
                "202 PENDING", 10L, "timeout", 10L);
        RunStats stats = stats(outcomes);
        BenchResult result = new BenchResult("flash-sale", "ours", "http://127.0.0.1:7070", 250, Duration.ofSeconds(4), stats,
                FlashSaleScenario.checks(42, 100, 0, stats));

        JsonNode json = new ObjectMapper().readTree(result.toJsonString());
        assertEquals("flash-sale", json.get("scenario").asText());
        assertEquals(250, json.get("offeredRate").asLong());
        assertEquals(4.0, json.get("durationSeconds").asDouble());
        assertEquals(250.0, json.get("achievedThroughput").asDouble(), 1e-9, "1,000 finished in 4 s");
        JsonNode latency = json.get("latencyMs");
        assertEquals(500, latency.get("p50").asDouble(), 0.5);
        assertEquals(950, latency.get("p95").asDouble(), 0.5);
        assertEquals(990, latency.get("p99").asDouble(), 0.5);
        assertEquals(999, latency.get("p999").asDouble(), 0.5);
        assertEquals(1_000, latency.get("max").asDouble(), 0.5);
        assertEquals(850, json.get("outcomes").get("409 SOLD_OUT").asLong());
        assertEquals(10, json.get("outcomes").get("timeout").asLong());
        JsonNode checks = json.get("checks");
        assertEquals(100, checks.get("serverGranted").asLong());
        assertEquals(100, checks.get("granted201").asLong());
        assertTrue(checks.get("grantedMatches").asBoolean());
        assertFalse(checks.get("oversold").asBoolean());
        assertTrue(result.summaryText().contains("p99.9 999"), result.summaryText());
    }

    @Test
    void writesTheLatencyOfEachKindOfRequestOfAMix() throws Exception {
        Histogram wallets = new Histogram(3_600_000_000L, 3);
        wallets.recordValue(2_000);
        RunStats stats = new RunStats(oneToAThousandMs(), Map.of("claim 201 GRANTED", 1_000L), 1_001, 1_001, 1_001,
                0, Duration.ofSeconds(4).toNanos(), true, Map.of("claim", oneToAThousandMs(), "wallet", wallets));
        BenchResult result = new BenchResult("steady", "ours", "http://127.0.0.1:7070", 250, Duration.ofSeconds(4),
                stats, Map.of());

        JsonNode byKind = new ObjectMapper().readTree(result.toJsonString()).get("latencyMsByKind");
        assertEquals(990, byKind.get("claim").get("p99").asDouble(), 0.5);
        assertEquals(2, byKind.get("wallet").get("p99").asDouble(), 0.01);
        assertEquals(1, byKind.get("wallet").get("count").asLong());
        assertTrue(result.summaryText().contains("wallet: p50 2.000"), result.summaryText());
    }

    @Test
    void leavesOutTheLatencyByKindWhereOutcomesNameNone() throws Exception {
        BenchResult result = new BenchResult("flash-sale", "ours", "http://127.0.0.1:7070", 250,
                Duration.ofSeconds(4), stats(Map.of("201 GRANTED", 1_000L)), Map.of());

        assertFalse(new ObjectMapper().readTree(result.toJsonString()).has("latencyMsByKind"));
    }

    @Test
    void flagsMore201sThanStockAsOversold() {
        RunStats stats = stats(Map.of("201 GRANTED", 101L));
        Map<String, Object> checks = FlashSaleScenario.checks(42, 100, 0, stats);
        assertEquals(true, checks.get("oversold"));
        assertEquals(true, checks.get("lostGrants"), "101 answered 201 but the server shows 100 taken");
    }

    @Test
    void flagsNegativeRemainingAsOversold() {
        Map<String, Object> checks = FlashSaleScenario.checks(42, 100, -1, stats(Map.of("201 GRANTED", 100L)));
        assertEquals(true, checks.get("oversold"));
        assertEquals(false, checks.get("grantedMatches"));
    }

    @Test
    void aGrantToAUserOutsideTheAudienceOrAnOverGrantingIssuanceFailsTheRun() {
        RunStats stats = stats(Map.of("201 GRANTED", 100L));
        Map<String, Object> checks = new java.util.LinkedHashMap<>(FlashSaleScenario.checks(42, 100, 0, stats));
        checks.put("grantedOutsideAudience", 0L);
        checks.put("issuanceOverGranted", false);
        checks.put("issuanceDoneAtSeconds", null);
        assertFalse(new BenchResult("flash-sale", "ours", "u", 250, Duration.ofSeconds(4), stats, checks)
                .failedCheck());

        checks.put("grantedOutsideAudience", 1L);
        assertTrue(new BenchResult("flash-sale", "ours", "u", 250, Duration.ofSeconds(4), stats, checks).failedCheck());
        checks.put("grantedOutsideAudience", 0L);
        checks.put("issuanceOverGranted", true);
        assertTrue(new BenchResult("issuance-load", "ours", "u", 250, Duration.ofSeconds(4), stats, checks)
                .failedCheck());
    }

    @Test
    void writesDetailsToTheJsonButNotToTheSummary() throws Exception {
        RunStats stats = stats(Map.of("201 GRANTED", 100L));
        BenchResult result = new BenchResult("issuance-load", "ours", "u", 250, Duration.ofSeconds(4), stats,
                FlashSaleScenario.checks(42, 100, 0, stats), Map.of("issuanceProgress", java.util.List.of(
                        Map.of("atSeconds", 1.0, "granted", 5))));
        JsonNode json = new ObjectMapper().readTree(result.toJsonString());
        assertEquals(5, json.get("details").get("issuanceProgress").get(0).get("granted").asInt());
        assertFalse(result.summaryText().contains("issuanceProgress"));
    }
}
