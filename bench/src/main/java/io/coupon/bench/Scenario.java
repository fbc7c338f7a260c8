package io.coupon.bench;

/**
 * One kind of load: sets up what it needs over HTTP, runs open-loop schedules, then reads back what it needs to
 * check: {@code flash-sale} (one hot template), {@code steady} (many templates; claims, wallet reads and
 * redemptions mixed), {@code ramp} (flash-sale steps of growing rate until P99 exceeds a budget) and
 * {@code issuance-load} (the flash sale's live claims while a targeted issuance runs).
 */
public interface Scenario {

    String name();

    ScenarioReport run(BenchOptions options) throws Exception;
}
