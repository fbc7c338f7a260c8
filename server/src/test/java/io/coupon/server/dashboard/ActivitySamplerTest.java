package io.coupon.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.http.RedemptionAnswers.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivitySamplerTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-11T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void keepsWhatEachStatusGainedPerInterval() {
        claims("GRANTED", 3);
        ActivitySampler sampler = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        claims("GRANTED", 2);
        claims("SOLD_OUT", 4);
        sampler.sample();
        claims("SOLD_OUT", 1);
        sampler.sample();

        ActivitySampler.Activity activity = sampler.activity();

        assertEquals(2, activity.series().size());
        assertEquals(Map.of("GRANTED", 2L, "SOLD_OUT", 4L), activity.series().get(0).claims());
        assertEquals(Map.of("SOLD_OUT", 1L), activity.series().get(1).claims());
        assertEquals(Map.of("GRANTED", 5L, "SOLD_OUT", 5L), activity.claimTotals());
        assertEquals(5, activity.intervalSeconds());
        assertEquals(900, activity.windowSeconds());
    }

    @Test
    void countsNothingForCountersThatDoNotExistYet() {
        ActivitySampler sampler = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        sampler.sample();
        redemptions("try", "LOCKED", Outcome.MOVED, 2);
        sampler.sample();

        ActivitySampler.Activity activity = sampler.activity();

        assertEquals(Map.of(), activity.series().get(0).redemptions());
        assertEquals(Map.of("LOCKED", 2L), activity.series().get(1).redemptions());
        assertEquals(Map.of(), activity.claimTotals());
    }

    @Test
    void sumsRedemptionStepsByStatus() {
        ActivitySampler sampler = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        redemptions("try", "PENDING", Outcome.PENDING, 1);
        redemptions("confirm", "PENDING", Outcome.PENDING, 2);
        redemptions("confirm", "USED", Outcome.MOVED, 3);
        sampler.sample();

        assertEquals(Map.of("PENDING", 3L, "USED", 3L), sampler.activity().series().get(0).redemptions());
    }

    @Test
    void countsRedemptionsThatMovedNoOrderUnderTheirOutcomeNotTheirStatus() {
        ActivitySampler sampler = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        redemptions("confirm", "USED", Outcome.MOVED, 1);
        redemptions("confirm", "USED", Outcome.REPEATED, 2);
        redemptions("cancel", "USED", Outcome.REJECTED, 3);
        redemptions("try", "ALREADY_USED", Outcome.REJECTED, 4);
        sampler.sample();

        assertEquals(Map.of("USED", 1L, "REPEATED", 2L, "REJECTED", 7L), sampler.activity().redemptionTotals());
    }

    @Test
    void forgetsIntervalsOlderThanTheWindow() {
        ActivitySampler sampler = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofSeconds(15));
        for (int i = 1; i <= 5; i++) {
            claims("GRANTED", i);
            sampler.sample();
        }

        ActivitySampler.Activity activity = sampler.activity();

        assertEquals(3, activity.series().size());
        assertEquals(Map.of("GRANTED", 3L), activity.series().get(0).claims());
        assertEquals(Map.of("GRANTED", 5L), activity.series().get(2).claims());
    }

    private void claims(String status, int n) {
        Counter.builder(ActivitySampler.CLAIMS).tag("status", status).register(meters).increment(n);
    }

    private void redemptions(String step, String status, Outcome outcome, int n) {
        Counter.builder(ActivitySampler.REDEMPTIONS).tag("step", step).tag(ActivitySampler.STATUS, status)
                .tag(ActivitySampler.OUTCOME, outcome.name()).register(meters).increment(n);
    }
}
