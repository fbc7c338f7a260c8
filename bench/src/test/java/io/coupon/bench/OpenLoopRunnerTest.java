package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OpenLoopRunnerTest {

    /** A clock only the test moves: parking jumps straight to the deadline. */
    static final class FakeClock implements NanoClock {
        long now = 1_000_000_000L;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long deadline) {
            now = Math.max(now, deadline);
        }

        void advance(Duration d) {
            now += d.toNanos();
        }
    }

    @Test
    void sendsEachRequestAtItsIntendedTime() throws Exception {
        FakeClock clock = new FakeClock();
        long start = clock.now;
        List<Long> sentAt = new ArrayList<>();
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(100, Duration.ofSeconds(1)), i -> {
            sentAt.add(clock.now - start);
            return CompletableFuture.completedFuture("201 GRANTED");
        }, Duration.ofSeconds(1));

        assertEquals(100, sentAt.size());
        for (int i = 0; i < sentAt.size(); i++) {
            assertEquals(i * 10_000_000L, sentAt.get(i));
        }
        assertEquals(Map.of("201 GRANTED", 100L), stats.outcomes());
        assertEquals(0, stats.latencyMicros().getMaxValue(), "answered at once, on time");
    }

    @Test
    void keepsTheLatencyOfEachKindOfRequestApartWhenOutcomesNameTheirKind() throws Exception {
        // Four requests 250 ms apart: wallet reads answered at once; claims held until 250 ms after the last send,
        // one of them then failing with no answer.
        FakeClock clock = new FakeClock();
        List<CompletableFuture<String>> claims = new ArrayList<>();
        OpenLoopSchedule schedule = OpenLoopSchedule.of(4, Duration.ofSeconds(1));
        RunStats stats = new OpenLoopRunner(clock).run(schedule, i -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            if (i % 2 == 0) {
                answer.complete("wallet 200");
            } else {
                claims.add(answer);
            }
            if (i == schedule.count() - 1) {
                clock.advance(Duration.ofMillis(250));
                claims.get(0).complete("claim 201 GRANTED");
                claims.get(1).completeExceptionally(new HttpTimeoutException("no answer"));
            }
            return answer;
        }, Duration.ofSeconds(1));

        assertEquals(Set.of("wallet", "claim"), stats.latencyMicrosByKind().keySet());
        assertEquals(2, stats.latencyMicrosByKind().get("wallet").getTotalCount());
        assertEquals(0, stats.latencyMicrosByKind().get("wallet").getMaxValue(), "answered at once");
        // the claim due at 250 ms was answered at 1,000 ms; the one that failed counts in no kind
        assertEquals(1, stats.latencyMicrosByKind().get("claim").getTotalCount());
        assertEquals(750_000, stats.latencyMicrosByKind().get("claim").getMaxValue(), 750);
        assertEquals(4, stats.latencyMicros().getTotalCount(), "the whole run still counts every request");
    }

    @Test
    void namesNoKindForOutcomesThatAreOnlyAStatus() {
        assertEquals("claim", RunStats.kindOf("claim 201 GRANTED"));
        assertEquals("redeem", RunStats.kindOf("redeem 201 LOCKED, 200 USED"));
        assertNull(RunStats.kindOf("201 GRANTED"));
        assertNull(RunStats.kindOf("timeout"));
        assertNull(RunStats.kindOf("error:ConnectException"));
    }

    @Test
    void countsTheWaitOfALateSendAsLatencyNotHidingAStall() throws Exception {
        // 100 a second: request 0 is due at 0 ms, 1 at 10 ms, ... Sending request 0 stalls the sender for 55 ms,
        // so requests 1..5 go out late, all at 55 ms, and each is measured from when it was due.
        FakeClock clock = new FakeClock();
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(100, Duration.ofMillis(100)), i -> {
            if (i == 0) {
                clock.advance(Duration.ofMillis(55));
            }
            return CompletableFuture.completedFuture("200");
        }, Duration.ofSeconds(1));

        assertEquals(10, stats.latencyMicros().getTotalCount());
        // request 0 completed at 55 ms; requests 1..5 lost 45, 35, 25, 15, 5 ms; 6..9 were on time
        assertEquals(55_000, stats.latencyMicros().getMaxValue(), 50);
        for (long lostMs : new long[] {45, 35, 25, 15, 5}) {
            assertEquals(1, stats.latencyMicros().getCountAtValue(lostMs * 1_000), lostMs + " ms late");
        }
        assertEquals(4, stats.latencyMicros().getCountAtValue(0));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(90), stats.elapsedNanos(), "the last request was due at 90 ms");
    }

    @Test
    void measuresAnswersFromTheIntendedSendTimeWhenTheyComeLater() throws Exception {
        FakeClock clock = new FakeClock();
        List<CompletableFuture<String>> inFlight = new ArrayList<>();
        // Nothing answers until 250 ms after the last send; then everything does.
        OpenLoopSchedule schedule = OpenLoopSchedule.of(4, Duration.ofSeconds(1));
        RunStats stats = new OpenLoopRunner(clock).run(schedule, i -> {
            CompletableFuture<String> answer = new CompletableFuture<>();
            inFlight.add(answer);
            if (i == schedule.count() - 1) {
                clock.advance(Duration.ofMillis(250));
                inFlight.forEach(f -> f.complete("409 SOLD_OUT"));
            }
            return answer;
        }, Duration.ofSeconds(1));

        assertTrue(stats.drained());
        assertEquals(Map.of("409 SOLD_OUT", 4L), stats.outcomes());
        // due at 0, 250, 500, 750 ms; all answered at 1,000 ms
        assertEquals(1_000_000, stats.latencyMicros().getMaxValue(), 1_000);
        assertEquals(250_000, stats.latencyMicros().getMinValue(), 250);
    }

    @Test
    void countsTimeoutsAndErrorsAsFailedOutcomes() throws Exception {
        FakeClock clock = new FakeClock();
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(3, Duration.ofSeconds(1)), i -> switch ((int) i) {
            case 0 -> CompletableFuture.failedFuture(new HttpTimeoutException("request timed out"));
            case 1 -> CompletableFuture.failedFuture(new java.net.ConnectException("refused"));
            default -> throw new IllegalStateException("could not even start");
        }, Duration.ofSeconds(1));

        assertEquals(0, stats.answered());
        assertEquals(3, stats.failed());
        assertEquals(Map.of("timeout", 1L, "error:ConnectException", 1L, "error:IllegalStateException", 1L),
                stats.outcomes());
    }

    @Test
    void reportsARunThatDidNotDrain() throws Exception {
        FakeClock clock = new FakeClock();
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(2, Duration.ofSeconds(1)),
                i -> new CompletableFuture<>(), Duration.ofMillis(1));
        assertFalse(stats.drained());
        assertEquals(2, stats.sent());
        assertEquals(0, stats.answered() + stats.failed());
    }
}
