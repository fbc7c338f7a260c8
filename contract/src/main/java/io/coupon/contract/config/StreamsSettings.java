package io.coupon.contract.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * @param idempotencyRetention how long a request id keeps answering with its first outcome
 * @param sessionTimeout       how long the group waits for an instance that stopped heartbeating (a crash)
 *                             before giving its partitions to the others
 * @param rocksDbMemoryMb      the one budget all RocksDB stores of this instance share (block cache, memtables)
 * @param issuanceRate         claims per second a targeted issuance makes in each partition of the users
 * @param startWait            how long start-up waits for the stream to run before it says it is serving anyway
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
        int issuanceRate,
        Duration startWait) {

    public static final int DEFAULT_ISSUANCE_RATE = 200;
    public static final Duration DEFAULT_START_WAIT = Duration.ofMinutes(2);

    public StreamsSettings(String applicationId, int threads, Duration commitInterval, int standbyReplicas,
                           Duration idempotencyRetention, Duration lockTimeout, Path stateDir,
                           Duration sessionTimeout, int rocksDbMemoryMb) {
        this(applicationId, threads, commitInterval, standbyReplicas, idempotencyRetention, lockTimeout, stateDir,
                sessionTimeout, rocksDbMemoryMb, DEFAULT_ISSUANCE_RATE, DEFAULT_START_WAIT);
    }
}
