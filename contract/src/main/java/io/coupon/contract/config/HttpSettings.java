package io.coupon.contract.config;

import java.time.Duration;
import java.util.List;

/**
 * @param advertisedHost how other instances reach this one (Kafka Streams' {@code application.server})
 * @param claimWait      how long a claim waits for its decision before answering 202
 * @param maxInFlight    requests waiting for a decision at once; beyond it the API answers 503 at once
 * @param queryUrls      stream instances an API-only process sends reads to, tried in order; empty in the
 *                       other roles
 * @param globalClaimsPerSecond  claims this instance accepts per second (0: no limit)
 * @param userClaimsPerSecond    claims one user may make per second (0: no limit)
 * @param idleTimeout    how long a connection may send nothing; a request whose body stops arriving for this
 *                       long is answered 408
 * @param apiKeys        the keys requests must carry, by scope; none: no key is asked for
 * @param internalSecret what the instances' reads of each other ({@code /internal/v1/*}) carry and require; null:
 *                       those reads are taken from anyone (only without keys)
 */
public record HttpSettings(
        String host,
        int port,
        String advertisedHost,
        Duration claimWait,
        int maxInFlight,
        int maxBodyBytes,
        List<String> queryUrls,
        int globalClaimsPerSecond,
        int userClaimsPerSecond,
        Duration idleTimeout,
        ApiKeys apiKeys,
        String internalSecret) {

    public String advertisedServer() {
        return advertisedHost + ":" + port;
    }
}
