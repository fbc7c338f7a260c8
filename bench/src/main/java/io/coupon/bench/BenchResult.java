package io.coupon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one scenario run: what was offered, what was achieved, latency percentiles, the outcome mix and
 * the scenario's correctness checks (e.g. {@code oversold}).
 *
 * @param checks scenario-specific facts read back from the server after the run, in the order to print them
 * @param details longer material for the JSON only (e.g. an issuance's progress every second), not the summary
 */
public record BenchResult(String scenario, String system, String url, long offeredRate, Duration duration,
        RunStats stats, Map<String, Object> checks, Map<String, Object> details) implements ScenarioReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Checks that mean the system broke an invariant when true (or, for counts, above zero). */
    private static final java.util.List<String> VIOLATIONS =
            java.util.List.of("oversold", "lostGrants", "grantedOutsideAudience", "issuanceOverGranted");

    public BenchResult {
        // LinkedHashMap rather than Map.copyOf: checks hold nulls (e.g. an issuance that did not finish)
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public BenchResult(String scenario, String system, String url, long offeredRate, Duration duration,
            RunStats stats, Map<String, Object> checks) {
        this(scenario, system, url, offeredRate, duration, stats, checks, Map.of());
    }

    public LatencySummary latency() {
        return LatencySummary.fromMicros(stats.latencyMicros());
    }

    /** The answered requests' latency by the kind of request, for a mix (claims, wallet reads, redemptions). */
    public Map<String, LatencySummary> latencyByKind() {
        Map<String, LatencySummary> byKind = new java.util.TreeMap<>();
        stats.latencyMicrosByKind().forEach((kind, micros) -> byKind.put(kind, LatencySummary.fromMicros(micros)));
        return byKind;
    }

    private static void putLatency(ObjectNode latency, LatencySummary l) {
        latency.put("count", l.count());
        latency.put("p50", l.p50());
        latency.put("p90", l.p90());
        latency.put("p95", l.p95());
        latency.put("p99", l.p99());
        latency.put("p999", l.p999());
        latency.put("max", l.max());
        latency.put("mean", l.mean());
    }

    /** Requests finished (answered or failed) per second, from the start to the last one finished. */
    public double achievedThroughput() {
        long finished = stats.answered() + stats.failed();
        return stats.elapsedNanos() <= 0 ? 0 : round(finished * 1e9 / stats.elapsedNanos());
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", scenario);
        root.put("system", system);
        root.put("url", url);
        root.put("offeredRate", offeredRate);
        root.put("durationSeconds", round(duration.toNanos() / 1e9));
        root.put("scheduled", stats.scheduled());
        root.put("sent", stats.sent());
        root.put("answered", stats.answered());
        root.put("failed", stats.failed());
        root.put("drained", stats.drained());
        root.put("elapsedSeconds", round(stats.elapsedNanos() / 1e9));
        root.put("achievedThroughput", achievedThroughput());
        putLatency(root.putObject("latencyMs"), latency());
        if (!stats.latencyMicrosByKind().isEmpty()) {
            ObjectNode byKind = root.putObject("latencyMsByKind");
            latencyByKind().forEach((kind, l) -> putLatency(byKind.putObject(kind), l));
        }
        ObjectNode outcomes = root.putObject("outcomes");
        stats.outcomes().forEach(outcomes::put);
        root.set("checks", JSON.valueToTree(checks));
        if (!details.isEmpty()) {
            root.set("details", JSON.valueToTree(details));
        }
        return root;
    }

    /**
     * A check failed: something was oversold, a 201 was answered for a grant the server does not show, a user
     * outside the audience was granted, or an issuance granted more than it matched.
     */
    @Override
    public boolean failedCheck() {
        return VIOLATIONS.stream().map(checks::get)
                .anyMatch(v -> Boolean.TRUE.equals(v) || v instanceof Number n && n.longValue() > 0);
    }

    @Override
    public String toJsonString() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few lines for a terminal. */
    @Override
    public String summaryText() {
        LatencySummary l = latency();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s (%s) against %s: offered %d/s for %s, achieved %.1f/s (%d sent, %d answered, %d failed%s)%n",
                scenario, system, url, offeredRate, duration, achievedThroughput(), stats.sent(), stats.answered(),
                stats.failed(), stats.drained() ? "" : ", NOT drained"));
        out.append(String.format("latency ms: p50 %.3f  p90 %.3f  p95 %.3f  p99 %.3f  p99.9 %.3f  max %.3f  (n=%d)%n",
                l.p50(), l.p90(), l.p95(), l.p99(), l.p999(), l.max(), l.count()));
        latencyByKind().forEach((kind, k) -> out.append(String.format(
                "  %s: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  (n=%d)%n", kind, k.p50(), k.p90(), k.p99(), k.max(),
                k.count())));
        out.append("outcomes:");
        stats.outcomes().forEach((k, v) -> out.append("  ").append(k).append('=').append(v));
        out.append(String.format("%nchecks:"));
        checks.forEach((k, v) -> out.append("  ").append(k).append('=').append(v));
        if (details.get(FlashSaleScenario.CPU) instanceof Map<?, ?> cpu) {
            out.append(String.format("%ncpu:  %s ms per claim answered, all processes (JIT compiler threads %s); %s",
                    cpu.get("cpuMsPerClaim"), cpu.get("jitCpuMsPerClaim"), cpu.get("processes")));
        }
        return out.append(System.lineSeparator()).toString();
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
