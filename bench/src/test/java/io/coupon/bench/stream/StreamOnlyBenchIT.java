package io.coupon.bench.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The stream-only harness, tiny: its own broker, a few thousand claims, every one decided, none oversold. */
class StreamOnlyBenchIT {

    @Test
    void decidesEveryPreloadedClaimAndGrantsExactlyTheStockOfEachTemplate() throws Exception {
        // Outcomes are read committed: with commits every 10 ms the timed claims reach the reader over several
        // polls, so the timed span is never the single poll that also ended the warm-up (a rate of 0/s).
        StreamOnlyOptions options = StreamOnlyOptions.parse("--claims", "2000", "--warmup-claims", "1000",
                "--templates", "2", "--partitions", "2", "--threads", "1", "--users", "100000", "--timeout", "90s",
                "--commit-interval", "10ms");
        StreamOnlyResult result = new StreamOnlyBench().run(options);
        System.out.print(result.summaryText());

        assertEquals(2000, result.decided());
        assertEquals(500, result.expectedGranted(), "250 per template, to 1,000 distinct-enough users each");
        assertEquals(500, result.granted());
        assertFalse(result.overStock());
        assertTrue(result.correct());
        assertEquals(500L, result.outcomes().get("GRANTED"));
        assertEquals(1500L, result.outcomes().values().stream().mapToLong(Long::longValue).sum() - 500);

        JsonNode json = new ObjectMapper().readTree(result.toJsonString());
        assertEquals("stream-only", json.get("benchmark").asText());
        assertTrue(json.get("decisionsPerSecond").asDouble() > 0);
        assertTrue(json.get("cpuMsPerDecision").asDouble() > 0, "the process's CPU over the timed span");
        assertTrue(json.get("jitCompileMsTimed").asLong() >= 0, "how long the JIT compiled while timed");
        assertTrue(json.get("checks").get("correct").asBoolean());
    }
}
