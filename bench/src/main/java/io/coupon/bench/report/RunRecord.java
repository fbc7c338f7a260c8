package io.coupon.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One load run as read back from its JSON result: what the comparison's tables and chart need.
 *
 * @param file     the result's file name: runs sort by it, so the script names them in the order they ran; it
 *                 starts with the run's {@link #kind()}
 * @param outcomes the outcome mix, e.g. {@code "201 GRANTED" -> 1000}
 * @param details  the result's longer material, e.g. the sampled processes' CPU time; empty when it has none
 * @param latencyByKind a mix's latency by kind of request ({@code claim}, {@code wallet}, {@code redeem}), each
 *                 with the run's percentiles; empty when the run's requests were all of one kind
 */
public record RunRecord(String file, String scenario, String system, long offeredRate, double achieved, double p50,
        double p90, double p95, double p99, double p999, double max, long failed, boolean drained,
        Map<String, Long> outcomes, JsonNode checks, JsonNode details, JsonNode latencyByKind) {

    /** A flash sale started the moment the server said it was serving. */
    public static final String COLD_START = "cold-start";
    /** A fixed-rate flash sale during which the processes' CPU time was sampled. */
    public static final String CPU = "cpu";

    public static RunRecord of(String file, JsonNode json) {
        JsonNode l = json.get("latencyMs");
        Map<String, Long> outcomes = new TreeMap<>();
        json.get("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
        return new RunRecord(file, json.get("scenario").asText(), json.path("system").asText("unnamed"),
                json.get("offeredRate").asLong(), json.get("achievedThroughput").asDouble(), l.get("p50").asDouble(),
                l.path("p90").asDouble(), l.get("p95").asDouble(), l.get("p99").asDouble(), l.get("p999").asDouble(),
                l.get("max").asDouble(), json.get("failed").asLong(), json.get("drained").asBoolean(), outcomes,
                json.get("checks"), json.path("details"), json.path("latencyMsByKind"));
    }

    /**
     * What the run was for: {@link #COLD_START} or {@link #CPU} when its file name starts so (both are flash
     * sales, kept out of the rate table), else its scenario ({@code flash-sale}, {@code steady}, {@code idle}).
     */
    public String kind() {
        return file.startsWith(COLD_START + "-") ? COLD_START : file.startsWith(CPU + "-") ? CPU : scenario;
    }

    /** How many claims were answered 202: not decided within the server's claim wait. */
    public long pending() {
        return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("202")).mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Nothing oversold, no 201 the server does not show, and (for a flash sale) the whole stock granted. */
    public String correctness() {
        if (checks.path("oversold").asBoolean(false)) {
            return "NO: oversold";
        }
        if (checks.path("lostGrants").asBoolean(false)) {
            return "NO: a 201 the server does not show";
        }
        if (checks.has("soldOut") && !checks.get("soldOut").asBoolean()) {
            return "NO: " + checks.path("serverGranted").asLong() + " of " + checks.path("stock").asLong() + " granted";
        }
        return "yes";
    }

    /** Held the budget: P99 within it, every request answered, and correct. */
    public boolean held(double budgetMs) {
        return p99 <= budgetMs && failed == 0 && drained && "yes".equals(correctness());
    }
}
