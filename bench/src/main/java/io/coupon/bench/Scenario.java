package io.coupon.bench;

/**
 * One kind of load: sets up what it needs over HTTP, runs an open-loop schedule, then reads back what it needs to
 * check. {@code flash-sale} is the first; {@code steady} (many templates, claims, wallet reads and redemptions) and
 * {@code ramp} (rate steps up until P99 exceeds a budget) are next.
 */
public interface Scenario {

    String name();

    BenchResult run(BenchOptions options) throws Exception;
}
