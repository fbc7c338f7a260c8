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
 */
public record RunStats(Histogram latencyMicros, Map<String, Long> outcomes, long scheduled, long sent, long answered,
        long failed, long elapsedNanos, boolean drained) {
}
