package io.coupon.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code java -jar coupon-bench.jar flash-sale --stock 10000 --users 200000 --rate 5000 --duration 60s ...}. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns the exit code: 0 run and checks passed, 1 a check failed, 2 not run. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        Scenario scenario;
        switch (options.scenario()) {
            case FlashSaleScenario.NAME -> scenario = new FlashSaleScenario(NanoClock.system(), System.nanoTime());
            case "steady", "ramp" -> {
                out.println(options.scenario() + ": not yet");
                return 2;
            }
            default -> {
                err.println("unknown scenario " + options.scenario());
                err.println(BenchOptions.USAGE);
                return 2;
            }
        }
        try {
            BenchResult result = scenario.run(options);
            out.print(result.summaryText());
            String json = result.toJsonString();
            out.println(json);
            Path file = options.out();
            if (file != null) {
                Files.writeString(file, json + System.lineSeparator());
                out.println("written to " + file.toAbsolutePath());
            }
            return Boolean.TRUE.equals(result.checks().get("oversold")) ? 1 : 0;
        } catch (Exception e) {
            err.println(scenario.name() + " failed: " + e);
            return 2;
        }
    }
}
