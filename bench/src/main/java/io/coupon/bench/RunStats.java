package io.coupon.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What an open-loop run measured.
 *
 * @param latencyMicros  one value per finished request (answered or failed), from its intended send time
 * @param outcomes       how many requests ended each way, e.g. {@code "201 GRANTED"}, {@code "429"}, {@code "timeout"}
 * @param scheduled      requests the schedule held
 * @param sent           requests handed to the client
 * @param answered       requests that got an HTTP response, whatever its status
 * @param failed         requests that got none (timeout, connection error)
 * @param elapsedNanos   from the start of the run to the last finished request
 * @param drained        false if some requests were still in flight when the run gave up waiting for them
 * @param latencyMicrosByKind the same latencies of the answered requests, apart by the kind their outcome names
 *                       ({@code "claim 201 GRANTED"} is a {@code claim}); empty where outcomes name no kind
 */
public record RunStats(Histogram latencyMicros, Map<String, Long> outcomes, long scheduled, long sent, long answered,
        long failed, long elapsedNanos, boolean drained, Map<String, Histogram> latencyMicrosByKind) {

    public RunStats {
        latencyMicrosByKind = Map.copyOf(latencyMicrosByKind);
    }

    /** A run whose requests are all of one kind. */
    public RunStats(Histogram latencyMicros, Map<String, Long> outcomes, long scheduled, long sent, long answered,
                    long failed, long elapsedNanos, boolean drained) {
        this(latencyMicros, outcomes, scheduled, sent, answered, failed, elapsedNanos, drained, Map.of());
    }

    /**
     * The kind an outcome names: its first word when that is a word of letters followed by more ({@code "wallet
     * 200"}), else none ({@code "201 GRANTED"}, {@code "timeout"}).
     */
    static String kindOf(String outcome) {
        int space = outcome.indexOf(' ');
        if (space <= 0) {
            return null;
        }
        for (int i = 0; i < space; i++) {
            if (!Character.isLetter(outcome.charAt(i))) {
                return null;
            }
        }
        return outcome.substring(0, space);
    }
}
