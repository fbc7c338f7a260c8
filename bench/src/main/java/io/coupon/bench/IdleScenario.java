package io.coupon.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Latency with nothing queued: {@code --claims} claims one at a time, each sent when the previous one was
 * answered (closed loop, so no claim ever waits behind another), every one by a fresh user on a template with
 * twice the stock the run needs. Run it on a warm server; it measures the path of a single claim, not capacity.
 * Afterwards it reads the template back and checks that every 201 shows there and nothing was oversold.
 */
public final class IdleScenario extends LoadScenario {

    public static final String NAME = "idle";

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    public IdleScenario(NanoClock clock) {
        super(NAME, clock);
    }

    @Override
    public BenchResult run(BenchOptions o) throws Exception {
        CouponHttp http = http(o);
        Instant now = Instant.now();
        long stock = 2 * o.claims();
        long template = openTemplate(http, "bench idle " + now, stock, 1, now, null);

        Histogram latency = new Histogram(HIGHEST_MICROS, 3);
        Map<String, Long> outcomes = new TreeMap<>();
        long answered = 0;
        long start = clock.nanoTime();
        for (long user = 1; user <= o.claims(); user++) {
            long sent = clock.nanoTime();
            String outcome;
            try {
                outcome = http.claim(template, user).get();
                answered++;
            } catch (ExecutionException e) {
                outcome = OpenLoopRunner.failure(e.getCause());
            }
            latency.recordValue(Math.min(HIGHEST_MICROS, (clock.nanoTime() - sent) / 1_000));
            outcomes.merge(outcome, 1L, Long::sum);
        }
        long elapsed = clock.nanoTime() - start;
        RunStats stats = new RunStats(latency, outcomes, o.claims(), o.claims(), answered, o.claims() - answered,
                elapsed, true);

        long remaining = FlashSaleScenario.settledRemaining(http, template, stats, o.timeout());
        Map<String, Object> checks = FlashSaleScenario.checks(template, stock, remaining, stats);
        checks.remove("soldOut"); // the stock is meant to last: selling out is no goal here
        // No offered rate: the pace is the server's own, one claim per answer.
        return new BenchResult(NAME, o.system(), o.url(), 0, Duration.ofNanos(elapsed), stats, checks);
    }
}
