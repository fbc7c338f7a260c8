package io.coupon.bench;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at their scheduled times whatever the server does (open loop), and measures each one from the
 * time it was MEANT to be sent. A sender that falls behind sends the late requests at once, and their wait counts
 * as latency, so a stalled server cannot hide its stall by slowing the generator down (coordinated omission).
 */
public final class OpenLoopRunner {

    /** Request outcome for a request that failed with no HTTP answer before its timeout. */
    public static final String TIMEOUT = "timeout";
    /** Prefix of the outcome of a request that failed any other way, followed by the exception's simple name. */
    public static final String ERROR_PREFIX = "error:";

    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final NanoClock clock;

    public OpenLoopRunner(NanoClock clock) {
        this.clock = clock;
    }

    /**
     * Runs the schedule. {@code send} starts request {@code i} without blocking and returns a future of its outcome
     * name (e.g. {@code "409 SOLD_OUT"}); a future that fails counts as {@link #TIMEOUT} or an error. Waits at most
     * {@code drainTimeout} after the last send for requests still in flight.
     */
    public RunStats run(OpenLoopSchedule schedule, LongFunction<CompletableFuture<String>> send, Duration drainTimeout)
            throws InterruptedException {
        Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        Map<String, Recorder> byKind = new ConcurrentHashMap<>();
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        long count = schedule.count();
        CountDownLatch finished = new CountDownLatch(Math.toIntExact(count));
        long start = clock.nanoTime();
        AtomicLong lastFinish = new AtomicLong(start);
        long sent = 0;

        for (long i = 0; i < count; i++) {
            long intended = start + schedule.offsetNanos(i);
            clock.parkUntil(intended);
            CompletableFuture<String> response;
            try {
                response = send.apply(i);
            } catch (RuntimeException e) {
                response = CompletableFuture.failedFuture(e);
            }
            sent++;
            response.whenComplete((outcome, error) -> {
                long now = clock.nanoTime();
                long micros = Math.min(HIGHEST_MICROS, Math.max(0, (now - intended) / 1_000));
                recorder.recordValue(micros);
                lastFinish.accumulateAndGet(now, Math::max);
                if (error == null) {
                    answered.increment();
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    String kind = RunStats.kindOf(outcome);
                    if (kind != null) {
                        byKind.computeIfAbsent(kind, k -> new Recorder(HIGHEST_MICROS, 3)).recordValue(micros);
                    }
                } else {
                    failed.increment();
                    outcomes.computeIfAbsent(failure(error), k -> new LongAdder()).increment();
                }
                finished.countDown();
            });
        }

        boolean drained = finished.await(drainTimeout.toNanos(), TimeUnit.NANOSECONDS);
        Histogram latencies = recorder.getIntervalHistogram();
        Map<String, Long> mix = new TreeMap<>();
        outcomes.forEach((k, v) -> mix.put(k, v.sum()));
        Map<String, Histogram> latenciesByKind = new TreeMap<>();
        byKind.forEach((kind, kindRecorder) -> latenciesByKind.put(kind, kindRecorder.getIntervalHistogram()));
        long end = drained ? lastFinish.get() : clock.nanoTime();
        return new RunStats(latencies, mix, count, sent, answered.sum(), failed.sum(), end - start, drained,
                latenciesByKind);
    }

    static String failure(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof HttpTimeoutException ? TIMEOUT : ERROR_PREFIX + cause.getClass().getSimpleName();
    }
}
