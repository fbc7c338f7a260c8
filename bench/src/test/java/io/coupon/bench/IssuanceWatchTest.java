package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.bench.IssuanceWatch.Sample;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IssuanceWatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsTheProgressAsTheContractShowsIt() throws Exception {
        Sample s = Sample.of(JSON.readTree("{\"issuanceId\": \"x\", \"templateId\": 1, \"status\": \"RUNNING\","
                + " \"matched\": 300, \"granted\": 120, \"rejected\": {\"SOLD_OUT\": 2, \"LIMIT_EXCEEDED\": 1}}"), 1.5);
        assertEquals(new Sample(1.5, "RUNNING", 300, 120, 3), s);
        assertFalse(s.done());
    }

    @Test
    void anIssuanceRunningAtBothEndsRanThroughoutTheWindow() {
        Map<String, Object> w = IssuanceWatch.window(new Sample(0, "RUNNING", 0, 0, 0),
                new Sample(30, "RUNNING", 40_000, 35_000, 0), List.of(new Sample(15, "RUNNING", 20_000, 18_000, 0)));

        assertEquals(true, w.get("issuanceRunningThroughout"));
        assertEquals(35_000L, w.get("issuanceGrantedDuringWindow"));
        assertNull(w.get("issuanceDoneAtSeconds"));
        assertEquals(Map.of("status", "RUNNING", "matched", 40_000L, "granted", 35_000L, "rejected", 0L),
                w.get("issuanceAtEnd"));
    }

    @Test
    void anIssuanceThatFinishedInsideTheWindowSaysWhen() {
        Map<String, Object> w = IssuanceWatch.window(new Sample(0, "RUNNING", 0, 0, 0),
                new Sample(30, "DONE", 1_000, 1_000, 0),
                List.of(new Sample(10, "RUNNING", 900, 800, 0), new Sample(12, "DONE", 1_000, 1_000, 0),
                        new Sample(13, "DONE", 1_000, 1_000, 0)));

        assertEquals(false, w.get("issuanceRunningThroughout"));
        assertEquals(12.0, w.get("issuanceDoneAtSeconds"));
    }

    @Test
    void anUnreadableStartIsReportedAsUnknownNotAsRunning() {
        Map<String, Object> w = IssuanceWatch.window(null, new Sample(30, "RUNNING", 5, 5, 0), List.of());
        assertNull(w.get("issuanceAtStart"));
        assertNull(w.get("issuanceGrantedDuringWindow"));
        assertEquals(false, w.get("issuanceRunningThroughout"));
    }

    @Test
    void pollsOnItsOwnThreadUntilClosedAndCountsUnreadableReadings() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (IssuanceWatch watch = new IssuanceWatch(() -> {
            if (calls.incrementAndGet() == 2) {
                throw new java.io.IOException("503");
            }
            return JSON.readTree("{\"status\": \"RUNNING\", \"matched\": 1, \"granted\": 1, \"rejected\": {}}");
        }, System.nanoTime(), Duration.ofMillis(10))) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> watch.samples().size() >= 3);
            assertTrue(watch.errors() >= 1);
        }
    }
}
