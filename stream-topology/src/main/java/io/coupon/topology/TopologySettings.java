package io.coupon.topology;

import java.time.Duration;

/**
 * What shapes the topology itself (as opposed to how Kafka Streams runs it).
 *
 * @param idempotencyRetention how long a request id answers with its first outcome
 * @param housekeepingInterval how often (wall clock) expired idempotency records are dropped
 * @param lockTimeout          how long a Try holds a coupon before the system cancels it
 * @param timerInterval        how often (wall clock) due lock timeouts and coupon expiries are applied
 * @param issuanceRate         claims per second a targeted issuance makes in one partition
 * @param issuanceTick         how often (wall clock) the issuance walkers take their next step
 */
public record TopologySettings(Duration idempotencyRetention, Duration housekeepingInterval, Duration lockTimeout,
                               Duration timerInterval, int issuanceRate, Duration issuanceTick) {

    public static final int DEFAULT_ISSUANCE_RATE = 200;
    public static final Duration DEFAULT_ISSUANCE_TICK = Duration.ofMillis(100);

    public TopologySettings(Duration idempotencyRetention, Duration housekeepingInterval, Duration lockTimeout,
                            Duration timerInterval) {
        this(idempotencyRetention, housekeepingInterval, lockTimeout, timerInterval, DEFAULT_ISSUANCE_RATE,
                DEFAULT_ISSUANCE_TICK);
    }

    /** The same settings with another issuance rate (claims per second per partition). */
    public TopologySettings withIssuanceRate(int rate) {
        return new TopologySettings(idempotencyRetention, housekeepingInterval, lockTimeout, timerInterval, rate,
                issuanceTick);
    }

    /** How many claims one walker tick may emit: the rate's share of a tick, at least one. */
    public int issuanceClaimsPerTick() {
        return (int) Math.max(1, (long) issuanceRate * issuanceTick.toMillis() / 1000);
    }

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_TIMER_INTERVAL = Duration.ofSeconds(1);

    public static TopologySettings withRetention(Duration idempotencyRetention) {
        return of(idempotencyRetention, DEFAULT_LOCK_TIMEOUT);
    }

    public static TopologySettings of(Duration idempotencyRetention, Duration lockTimeout) {
        Duration tenth = idempotencyRetention.dividedBy(10);
        Duration minute = Duration.ofMinutes(1);
        return new TopologySettings(idempotencyRetention, tenth.compareTo(minute) < 0 ? tenth : minute, lockTimeout,
                DEFAULT_TIMER_INTERVAL);
    }
}
