package io.coupon.contract.config;

import java.time.Duration;

/**
 * @param advertisedHost how other instances reach this one (Kafka Streams' {@code application.server})
 * @param claimWait      how long a claim waits for its decision before answering 202
 * @param maxInFlight    requests waiting for a decision at once; beyond it the API answers 503 at once
 * @param queryUrl       where an API-only process sends reads; null in the other roles
 */
public record HttpSettings(
        String host,
        int port,
        String advertisedHost,
        Duration claimWait,
        int maxInFlight,
        int maxBodyBytes,
        String queryUrl) {

    public String advertisedServer() {
        return advertisedHost + ":" + port;
    }
}
