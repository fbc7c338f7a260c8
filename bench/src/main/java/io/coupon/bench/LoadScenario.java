package io.coupon.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What the scenarios that load a coupon server over HTTP share: their name, the clock their runs keep time by, the
 * seed their random draws start from, the client they reach the server with, and the templates they create, open
 * from a minute before the run for a day.
 */
abstract class LoadScenario implements Scenario {

    private final String name;
    final NanoClock clock;
    final long seed;

    /** A scenario that draws nothing at random. */
    LoadScenario(String name, NanoClock clock) {
        this(name, clock, 0);
    }

    LoadScenario(String name, NanoClock clock, long seed) {
        this.name = name;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public final String name() {
        return name;
    }

    /** A client of the server the options name, waiting for each answer as long as they say. */
    static CouponHttp http(BenchOptions o) {
        return new CouponHttp(o.url(), o.timeout());
    }

    /**
     * Creates a template of {@code stock} units, {@code perUserLimit} per user, open from a minute before
     * {@code now} for a day, with {@code audience} (none when null); its id.
     */
    static long openTemplate(CouponHttp http, String name, long stock, int perUserLimit, Instant now,
            String audience) throws IOException, InterruptedException {
        return http.createTemplate(name, stock, perUserLimit, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)), audience);
    }
}
