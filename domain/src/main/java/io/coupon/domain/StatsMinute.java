package io.coupon.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * One minute of the analysts' statistics, by event time: {@code [start, start + 1 min)}. It takes late records
 * until its grace has passed and then closes for good, whichever clock says so first (the records' own time or
 * the wall clock): it is published once, and a record of it that arrives later counts in no minute.
 */
public record StatsMinute(Instant start) {

    public static final Duration LENGTH = Duration.ofMinutes(1);
    /** How late a claim or use may arrive and still count in its minute. */
    public static final Duration GRACE = Duration.ofSeconds(10);

    public static StatsMinute containing(Instant at) {
        long millis = at.toEpochMilli();
        return new StatsMinute(Instant.ofEpochMilli(millis - Math.floorMod(millis, LENGTH.toMillis())));
    }

    public Instant end() {
        return start.plus(LENGTH);
    }

    public Instant closesAt() {
        return end().plus(GRACE);
    }

    public boolean closedAt(Instant now) {
        return !now.isBefore(closesAt());
    }
}
