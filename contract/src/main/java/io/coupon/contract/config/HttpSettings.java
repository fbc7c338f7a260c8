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
 * @param templateWait   how long a template's creation or change, or an issuance, waits for its decision before
 *                       answering 202
 * @param walletCatchUp  how long a wallet read or a Try waits for the user's latest grants to reach the wallet
 *                       before it answers 503
 * @param forwardTimeout how long a read forwarded to the instance that owns its key may take
 * @param threads        Jetty's fixed pool: every route answers through a future, so a thread is busy only while
 *                       it parses or writes
 * @param maxConnections open connections beyond which Jetty stops accepting until some close
 * @param undecidedClaims accepted claims not yet decided that a status read can still call PENDING
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
        String internalSecret,
        Duration templateWait,
        Duration walletCatchUp,
        Duration forwardTimeout,
        int threads,
        int maxConnections,
        int undecidedClaims) {

    public String advertisedServer() {
        return advertisedHost + ":" + port;
    }

    /**
     * How long an API-only process waits for a stream instance's answer: a second more than a forward, since that
     * instance may itself forward the read to the key's owner.
     */
    public Duration remoteReadTimeout() {
        return forwardTimeout.plusSeconds(1);
    }
}
