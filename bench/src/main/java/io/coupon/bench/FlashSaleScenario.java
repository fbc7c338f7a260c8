package io.coupon.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One hot template of {@code --stock} units, one per user, claimed by random users 1..{@code --users} at
 * {@code --rate} for {@code --duration}. Afterwards it reads the template back and checks that nothing was
 * oversold: the 201s never exceed the stock, and every 201 shows in {@code totalCount - remaining}; and whether
 * the whole stock went ({@code soldOut}), which a run with enough demand must reach.
 */
public final class FlashSaleScenario implements Scenario {

    public static final String NAME = "flash-sale";

    private final NanoClock clock;
    private final long seed;

    public FlashSaleScenario(NanoClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BenchResult run(BenchOptions o) throws Exception {
        return run(o, o.rate());
    }

    /** One flash sale on a fresh template at {@code rate}; the ramp runs one per step. */
    BenchResult run(BenchOptions o, long rate) throws Exception {
        CouponHttp http = new CouponHttp(o.url(), o.timeout());
        Instant now = Instant.now();
        long template = http.createTemplate("bench flash-sale " + now, o.stock(), 1, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)));

        // One generator, used only by the scheduling thread, so the user sequence is reproducible from the seed.
        SplittableRandom users = new SplittableRandom(seed + rate);
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(rate, o.duration()),
                i -> http.claim(template, 1 + users.nextLong(o.users())), o.timeout());

        long remaining = settledRemaining(http, template, stats, o.timeout());
        return new BenchResult(NAME, o.system(), o.url(), rate, o.duration(), stats,
                checks(template, o.stock(), remaining, stats));
    }

    /**
     * The template's remaining stock once claims answered 202 or not at all have been decided: read again (for up
     * to {@code patience}) while some may still be and units are left, until it has not moved for two seconds.
     */
    static long settledRemaining(CouponHttp http, long template, RunStats stats, Duration patience) throws Exception {
        long remaining = http.template(template).get("remaining").asLong();
        boolean undecided = stats.failed() > 0 || stats.outcomes().keySet().stream().anyMatch(k -> k.startsWith("202"));
        long deadline = System.nanoTime() + patience.toNanos();
        long lastChange = System.nanoTime();
        while (undecided && remaining > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < 2_000_000_000L) {
            Thread.sleep(250);
            long again = http.template(template).get("remaining").asLong();
            if (again != remaining) {
                lastChange = System.nanoTime();
                remaining = again;
            }
        }
        return remaining;
    }

    static Map<String, Object> checks(long template, long stock, long remaining, RunStats stats) {
        long granted201 = stats.outcomes().getOrDefault("201 GRANTED", 0L);
        long serverGranted = stock - remaining;
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("templateId", template);
        checks.put("stock", stock);
        checks.put("remaining", remaining);
        checks.put("serverGranted", serverGranted);
        checks.put("granted201", granted201);
        // Equal unless some claims ended as 202 or failed; those may have been granted without a 201 seen here.
        checks.put("grantedMatches", granted201 == serverGranted);
        checks.put("lostGrants", granted201 > serverGranted);
        checks.put("oversold", remaining < 0 || granted201 > stock);
        checks.put("soldOut", serverGranted == stock);
        return checks;
    }
}
