package io.coupon.bench;

import java.time.Duration;

/**
 * When each request of an open-loop run is meant to be sent: request {@code i} at {@code i / rate} seconds after
 * the start, computed from the index every time (never by adding a period to the previous time), so a rate whose
 * period is not a whole number of nanoseconds does not drift.
 *
 * @param ratePerSecond arrivals per second, at least 1
 * @param count         how many requests the run sends
 */
public record OpenLoopSchedule(long ratePerSecond, long count) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public OpenLoopSchedule {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("rate must be at least 1 per second, was " + ratePerSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    /** A run of {@code ratePerSecond} arrivals a second for {@code duration} (the count rounds down). */
    public static OpenLoopSchedule of(long ratePerSecond, Duration duration) {
        return new OpenLoopSchedule(ratePerSecond, Math.multiplyExact(ratePerSecond, duration.toNanos()) / NANOS_PER_SECOND);
    }

    /** Nanoseconds from the start of the run to the intended send time of request {@code index}. */
    public long offsetNanos(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("request " + index + " of " + count);
        }
        return Math.multiplyExact(index, NANOS_PER_SECOND) / ratePerSecond;
    }
}
