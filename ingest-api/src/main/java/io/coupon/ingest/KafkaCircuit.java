package io.coupon.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Fails fast while Kafka is unreachable. After a run of failed sends the circuit opens: requests are refused at
 * once (503) instead of each waiting out the producer's timeouts. Every {@code probeEvery} one request is let
 * through as a probe; its success closes the circuit, so the API recovers by itself when Kafka returns.
 */
public final class KafkaCircuit {

    private final int failuresToOpen;
    private final Duration probeEvery;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant nextProbe = Instant.MIN;

    public KafkaCircuit(int failuresToOpen, Duration probeEvery, Clock clock) {
        this.failuresToOpen = failuresToOpen;
        this.probeEvery = probeEvery;
        this.clock = clock;
    }

    /** Whether a send may be tried now. While open, only one caller per probe interval gets a yes. */
    public synchronized boolean allowSend() {
        if (consecutiveFailures < failuresToOpen) {
            return true;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextProbe)) {
            return false;
        }
        nextProbe = now.plus(probeEvery);
        return true;
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        nextProbe = Instant.MIN;
    }

    public synchronized void failed() {
        consecutiveFailures++;
        if (consecutiveFailures == failuresToOpen) {
            nextProbe = clock.instant().plus(probeEvery);
        }
    }

    public synchronized boolean open() {
        return consecutiveFailures >= failuresToOpen;
    }
}
