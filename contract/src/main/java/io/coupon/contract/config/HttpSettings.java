package io.coupon.contract.config;

import java.time.Duration;

/**
 * @param advertisedHost how other instances reach this one (Kafka Streams' {@code application.server})
 * @param claimWait      how long a claim waits for its decision before answering 202
 * @param maxInFlight    requests waiting for a decision at once; beyond it the API answers 503 at once
 * @param queryUrl       where an API-only process sends reads; null in the other roles
 * @param globalClaimsPerSecond  claims this instance accepts per second (0: no limit)
 * @param userClaimsPerSecond    claims one user may make per second (0: no limit)
 */
public record HttpSettings(
        String host,
        int port,
        String advertisedHost,
        Duration claimWait,
        int maxInFlight,
        int maxBodyBytes,
        String queryUrl,
        int globalClaimsPerSecond,
        int userClaimsPerSecond) {

    public String advertisedServer() {
        return advertisedHost + ":" + port;
    }
}
