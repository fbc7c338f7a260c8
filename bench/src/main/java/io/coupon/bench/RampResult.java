package io.coupon.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** The steps of a ramp, and the highest offered rate that held the P99 budget (0 if none did). */
public record RampResult(String system, String url, Duration budget, List<BenchResult> steps)
        implements ScenarioReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RampResult {
        steps = List.copyOf(steps);
    }

    /** The rate of the last step before the first one that did not hold. */
    public long highestRateWithinBudget() {
        long highest = 0;
        for (BenchResult step : steps) {
            if (!RampScenario.held(step, budgetMs())) {
                break;
            }
            highest = step.offeredRate();
        }
        return highest;
    }

    private double budgetMs() {
        return budget.toNanos() / 1e6;
    }

    @Override
    public boolean failedCheck() {
        return steps.stream().anyMatch(BenchResult::failedCheck);
    }

    @Override
    public String toJsonString() {
        ObjectNode root = JSON.createObjectNode();
        root.put("scenario", RampScenario.NAME);
        root.put("system", system);
        root.put("url", url);
        root.put("p99BudgetMs", budgetMs());
        root.put("highestRateWithinBudget", highestRateWithinBudget());
        ArrayNode array = root.putArray("steps");
        steps.forEach(step -> array.add(step.toJson()));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String summaryText() {
        StringBuilder out = new StringBuilder(String.format("ramp (%s) against %s, P99 budget %.0f ms:%n", system, url,
                budgetMs()));
        for (BenchResult step : steps) {
            out.append(String.format("  %6d/s offered: achieved %.1f/s, p99 %.3f ms, %d failed%s%n", step.offeredRate(),
                    step.achievedThroughput(), step.latency().p99(), step.stats().failed(),
                    RampScenario.held(step, budgetMs()) ? "" : "  <- over budget"));
        }
        return out.append(String.format("highest rate within budget: %d/s%n", highestRateWithinBudget())).toString();
    }
}
