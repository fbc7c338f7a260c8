package io.coupon.contract.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param idempotencyRetention how long a request id keeps answering with its first outcome
 */
public record StreamsSettings(
        String applicationId,
        int threads,
        Duration commitInterval,
        int standbyReplicas,
        Duration idempotencyRetention,
        Duration lockTimeout,
        Path stateDir) {
}
