package io.coupon.bench.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What the stream-only run measured.
 *
 * @param decided              claims with an outcome on {@code claim-results}
 * @param expectedGranted      what must be granted: per template, its stock or its distinct users if fewer
 * @param overStock            some template granted more than its stock
 * @param untilLastNanos       from {@code KafkaStreams#start} to the last outcome (start-up included)
 * @param untilFirstNanos      from {@code start} to the first outcome: start-up and the first commit
 * @param steadyDecided        timed outcomes read after the warm-up's last (or the first outcome, without one)
 * @param steadyNanos          from then to the last timed outcome
 * @param steadyCpuMs          the CPU time of this whole process (broker, stream, reader) over the same span
 */
public record StreamOnlyResult(StreamOnlyOptions options, int templates, long decided, Map<String, Long> outcomes,
        long expectedGranted, long granted, boolean overStock, long untilLastNanos, long untilFirstNanos,
        long steadyDecided, long steadyNanos, double steadyCpuMs, long jitCompileMsTimed) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Decisions per second once the stream was running: the figure to compare with the targets. */
    public double decisionsPerSecond() {
        return steadyNanos <= 0 ? 0 : round(steadyDecided * 1e9 / steadyNanos);
    }

    /** Decisions per second from start-up to the last outcome, the warm-up's included. */
    public double decisionsPerSecondWithStartup() {
        return untilLastNanos <= 0 ? 0 : round((decided + options.warmupClaims()) * 1e9 / untilLastNanos);
    }

    /** CPU milliseconds of the whole process per timed decision: steadier than the rate on a shared machine. */
    public double cpuMsPerDecision() {
        return steadyDecided <= 0 ? 0 : Math.round(steadyCpuMs / steadyDecided * 10_000) / 10_000.0;
    }

    public boolean correct() {
        return decided == options.claims() && !overStock && granted == expectedGranted;
    }

    public String toJsonString() {
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", "stream-only");
        root.put("threads", options.threads());
        root.put("claims", options.claims());
        root.put("warmupClaims", options.warmupClaims());
        root.put("templates", templates);
        root.put("partitions", options.partitions());
        root.put("stockPerTemplate", options.stock());
        root.put("commitIntervalMs", options.commitInterval().toMillis());
        root.put("decided", decided);
        root.put("decisionsPerSecond", decisionsPerSecond());
        root.put("decisionsPerSecondWithStartup", decisionsPerSecondWithStartup());
        root.put("cpuMsPerDecision", cpuMsPerDecision());
        root.put("jitCompileMsTimed", jitCompileMsTimed);
        root.put("secondsToFirstOutcome", round(untilFirstNanos / 1e9));
        root.put("secondsToLastOutcome", round(untilLastNanos / 1e9));
        ObjectNode mix = root.putObject("outcomes");
        outcomes.forEach(mix::put);
        ObjectNode checks = root.putObject("checks");
        checks.put("granted", granted);
        checks.put("expectedGranted", expectedGranted);
        checks.put("overStock", overStock);
        checks.put("allDecided", decided == options.claims());
        checks.put("correct", correct());
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String summaryText() {
        return String.format("stream-only, %d stream thread(s): %d claims over %d templates decided at %.0f/s,"
                        + " %.3f CPU ms each, after %d warm-up claims (%.0f/s counting start-up and warm-up;"
                        + " first outcome after %.1f s); the JIT compiled for %d ms while timed;"
                        + " granted %d of %d expected%s%n",
                options.threads(), decided, templates, decisionsPerSecond(), cpuMsPerDecision(),
                options.warmupClaims(), decisionsPerSecondWithStartup(), untilFirstNanos / 1e9, jitCompileMsTimed,
                granted,
                expectedGranted, correct() ? "" : "  CHECK FAILED");
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
