package io.coupon.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The article's progressive load test: flash-sale steps of {@code --duration} each, starting at {@code --rate}
 * and growing by {@code --step} up to {@code --max-rate}, each on a fresh template of {@code --stock}. It stops
 * after the first step that does not hold (P99 over {@code --p99-budget}, or a request failed or was not
 * answered) and reports the highest rate that held.
 */
public final class RampScenario implements Scenario {

    public static final String NAME = "ramp";

    private final FlashSaleScenario flashSale;

    public RampScenario(NanoClock clock, long seed) {
        this.flashSale = new FlashSaleScenario(clock, seed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RampResult run(BenchOptions o) throws Exception {
        List<BenchResult> steps = new ArrayList<>();
        java.util.Map<String, Object> loaded = flashSale.loadProfiles(o);
        for (long rate = o.rate(); rate <= o.maxRate(); rate += o.step()) {
            BenchResult step = flashSale.run(o, rate, loaded);
            steps.add(step);
            System.out.print(step.summaryText());
            if (!held(step, o.budget().toNanos() / 1e6)) {
                break;
            }
        }
        return new RampResult(o.system(), o.url(), o.budget(), steps);
    }

    /** Within the budget, every request answered, nothing oversold. */
    static boolean held(BenchResult step, double budgetMs) {
        RunStats s = step.stats();
        return step.latency().p99() <= budgetMs && s.failed() == 0 && s.drained() && !step.failedCheck();
    }
}
