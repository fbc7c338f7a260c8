package io.coupon.server.dashboard;

import io.coupon.contract.http.RedemptionAnswers.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The recent activity of this process for the dashboard: every interval it reads the claim and redemption
 * counters ({@code coupon.claims} by {@code status}, {@code coupon.redemptions} by {@code step}, {@code status}
 * and {@code outcome}) and keeps what each status gained in that interval, for the last window, in a ring buffer.
 * A redemption is counted under its status only when it moved the order there; a repeat, a refusal or an
 * undecided step is counted under its outcome ({@code REPEATED}, {@code REJECTED}, {@code PENDING}), since its
 * status would count a use, lock, cancel or refund that did not happen. A counter that does not exist yet counts
 * as zero. Only memory, only this process: the counters count the answers this instance gave.
 */
public final class ActivitySampler implements AutoCloseable {

    static final String CLAIMS = "coupon.claims";
    static final String REDEMPTIONS = "coupon.redemptions";
    static final String STATUS = "status";
    static final String OUTCOME = "outcome";
    private static final String UNKNOWN = "UNKNOWN";

    /** What each status gained in the interval that ended {@code at}. */
    public record Interval(Instant at, Map<String, Long> claims, Map<String, Long> redemptions) {
    }

    /** The intervals of the window, oldest first, and the counters' totals at the last sample. */
    public record Activity(long intervalSeconds, long windowSeconds, List<Interval> series,
                           Map<String, Long> claimTotals, Map<String, Long> redemptionTotals) {
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final Duration interval;
    private final Duration window;
    private final int capacity;
    private final Deque<Interval> ring;
    private Map<String, Long> lastClaims;
    private Map<String, Long> lastRedemptions;
    private ScheduledExecutorService timer;

    public ActivitySampler(MeterRegistry meters, Clock clock, Duration interval, Duration window) {
        if (interval.isNegative() || interval.isZero() || window.compareTo(interval) < 0) {
            throw new IllegalArgumentException("need 0 < interval <= window, got " + interval + " and " + window);
        }
        this.meters = meters;
        this.clock = clock;
        this.interval = interval;
        this.window = window;
        this.capacity = (int) (window.toMillis() / interval.toMillis());
        this.ring = new ArrayDeque<>(capacity);
        this.lastClaims = claimTotals();
        this.lastRedemptions = redemptionTotals();
    }

    /** Samples every interval on a daemon thread of its own until closed. */
    public ActivitySampler start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dashboard-activity-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::sample, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Closes the interval that ends now: what every status gained since the previous sample. */
    public synchronized void sample() {
        Map<String, Long> claims = claimTotals();
        Map<String, Long> redemptions = redemptionTotals();
        if (ring.size() == capacity) {
            ring.removeFirst();
        }
        ring.addLast(new Interval(clock.instant(), gains(lastClaims, claims), gains(lastRedemptions, redemptions)));
        lastClaims = claims;
        lastRedemptions = redemptions;
    }

    public synchronized Activity activity() {
        return new Activity(interval.toSeconds(), window.toSeconds(), List.copyOf(ring), lastClaims,
                lastRedemptions);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private Map<String, Long> claimTotals() {
        return totals(CLAIMS, ActivitySampler::status);
    }

    private Map<String, Long> redemptionTotals() {
        return totals(REDEMPTIONS, id -> {
            String outcome = id.getTag(OUTCOME);
            return Outcome.MOVED.name().equals(outcome) ? status(id) : outcome == null ? UNKNOWN : outcome;
        });
    }

    /** Each group's count, summed over the counter's other tags (a redemption's step). */
    private Map<String, Long> totals(String counter, Function<Meter.Id, String> group) {
        Map<String, Long> totals = new TreeMap<>();
        for (Counter c : meters.find(counter).counters()) {
            totals.merge(group.apply(c.getId()), Math.round(c.count()), Long::sum);
        }
        return Collections.unmodifiableMap(totals);
    }

    private static String status(Meter.Id id) {
        String status = id.getTag(STATUS);
        return status == null ? UNKNOWN : status;
    }

    /** Only the statuses that gained; a counter that went away (or was reset) restarts from zero. */
    private static Map<String, Long> gains(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> gains = new TreeMap<>();
        now.forEach((status, count) -> {
            long previous = before.getOrDefault(status, 0L);
            long gained = count >= previous ? count - previous : count;
            if (gained > 0) {
                gains.put(status, gained);
            }
        });
        return Collections.unmodifiableMap(gains);
    }
}
