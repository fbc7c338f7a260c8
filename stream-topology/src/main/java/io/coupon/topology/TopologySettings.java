package io.coupon.topology;

import java.time.Duration;

/**
 * What shapes the topology itself (as opposed to how Kafka Streams runs it).
 *
 * @param idempotencyRetention how long a request id answers with its first outcome
 * @param housekeepingInterval how often (wall clock) expired idempotency records are dropped
 */
public record TopologySettings(Duration idempotencyRetention, Duration housekeepingInterval) {

    public static TopologySettings withRetention(Duration idempotencyRetention) {
        Duration tenth = idempotencyRetention.dividedBy(10);
        Duration minute = Duration.ofMinutes(1);
        return new TopologySettings(idempotencyRetention, tenth.compareTo(minute) < 0 ? tenth : minute);
    }
}
