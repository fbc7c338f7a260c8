package io.coupon.contract.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param idempotencyRetention how long a request id keeps answering with its first outcome
 * @param sessionTimeout       how long the group waits for an instance that stopped heartbeating (a crash)
 *                             before giving its partitions to the others
 * @param rocksDbMemoryMb      the one budget all RocksDB stores of this instance share (block cache, memtables)
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
        Duration sessionTimeout,
        int rocksDbMemoryMb,
        int issuanceRate) {

    public static final int DEFAULT_ISSUANCE_RATE = 200;

    public StreamsSettings(String applicationId, int threads, Duration commitInterval, int standbyReplicas,
                           Duration idempotencyRetention, Duration lockTimeout, Path stateDir,
                           Duration sessionTimeout, int rocksDbMemoryMb) {
        this(applicationId, threads, commitInterval, standbyReplicas, idempotencyRetention, lockTimeout, stateDir,
                sessionTimeout, rocksDbMemoryMb, DEFAULT_ISSUANCE_RATE);
    }
}
