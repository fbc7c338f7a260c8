package io.coupon.contract.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param idempotencyRetention how long a request id keeps answering with its first outcome
 * @param issuanceRate         claims per second a targeted issuance makes in each partition of the users
 */
public record StreamsSettings(
        String applicationId,
        int threads,
        Duration commitInterval,
        int standbyReplicas,
        Duration idempotencyRetention,
        Duration lockTimeout,
        Path stateDir,
        int issuanceRate) {

    public static final int DEFAULT_ISSUANCE_RATE = 200;

    public StreamsSettings(String applicationId, int threads, Duration commitInterval, int standbyReplicas,
                           Duration idempotencyRetention, Duration lockTimeout, Path stateDir) {
        this(applicationId, threads, commitInterval, standbyReplicas, idempotencyRetention, lockTimeout, stateDir,
                DEFAULT_ISSUANCE_RATE);
    }
}
