package io.coupon.topology;

import java.time.Duration;

/**
 * What shapes the topology itself (as opposed to how Kafka Streams runs it).
 *
 * @param idempotencyRetention how long a request id answers with its first outcome
 * @param housekeepingInterval how often (wall clock) expired idempotency records are dropped
 * @param lockTimeout          how long a Try holds a coupon before the system cancels it
 * @param timerInterval        how often (wall clock) due lock timeouts and coupon expiries are applied
 */
public record TopologySettings(Duration idempotencyRetention, Duration housekeepingInterval, Duration lockTimeout,
                               Duration timerInterval) {

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
