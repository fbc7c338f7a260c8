package io.coupon.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One load run as read back from its JSON result: what the comparison's tables and chart need.
 *
 * @param file     the result's file name: runs sort by it, so the script names them in the order they ran
 * @param outcomes the outcome mix, e.g. {@code "201 GRANTED" -> 1000}
 */
public record RunRecord(String file, String scenario, String system, long offeredRate, double achieved, double p50,
        double p95, double p99, double p999, double max, long failed, boolean drained, Map<String, Long> outcomes,
        JsonNode checks) {

    public static RunRecord of(String file, JsonNode json) {
        JsonNode l = json.get("latencyMs");
        Map<String, Long> outcomes = new TreeMap<>();
        json.get("outcomes").fields().forEachRemaining(e -> outcomes.put(e.getKey(), e.getValue().asLong()));
        return new RunRecord(file, json.get("scenario").asText(), json.path("system").asText("unnamed"),
                json.get("offeredRate").asLong(), json.get("achievedThroughput").asDouble(), l.get("p50").asDouble(),
                l.get("p95").asDouble(), l.get("p99").asDouble(), l.get("p999").asDouble(), l.get("max").asDouble(),
                json.get("failed").asLong(), json.get("drained").asBoolean(), outcomes, json.get("checks"));
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
