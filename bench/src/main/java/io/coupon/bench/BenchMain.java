package io.coupon.bench;

import io.coupon.bench.baseline.BaselineServer;
import io.coupon.bench.baseline.BaselineSettings;
import io.coupon.bench.report.ComparisonReport;
import io.coupon.bench.stream.StreamOnlyBench;
import io.coupon.bench.stream.StreamOnlyOptions;
import io.coupon.bench.stream.StreamOnlyResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar coupon-bench.jar <command> ...}: the load scenarios ({@code flash-sale}, {@code steady},
 * {@code ramp}, {@code idle}, {@code issuance-load}), the article's design as a server to compare with
 * ({@code baseline}), the topology alone ({@code stream-only}), the page and chart of a comparison ({@code report}),
 * and failover and restoration on a cluster of real processes ({@code recovery}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("baseline")) {
            System.exit(serveBaseline(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command line and returns the exit code: 0 run and checks passed, 1 a check failed, 2 not run. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "stream-only" -> {
                    return streamOnly(StreamOnlyOptions.parse(rest), out);
                }
                case "report" -> {
                    return ComparisonReport.run(rest, out);
                }
                case "quote" -> {
                    return QuoteBench.run(rest, out);
                }
                case "recovery" -> {
                    return RecoveryBench.run(rest, out);
                }
                default -> {
                    return scenario(args, out, err);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(command.equals("stream-only") ? StreamOnlyOptions.USAGE
                    : command.equals("quote") ? QuoteBench.USAGE
                    : command.equals("recovery") ? RecoveryBench.USAGE
                    : command.equals("report") ? ComparisonReport.USAGE : BenchOptions.USAGE);
            return 2;
        } catch (Exception e) {
            err.println(command + " failed: " + e);
            return 2;
        }
    }

    private static int scenario(String[] args, PrintStream out, PrintStream err) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Scenario scenario;
        switch (options.scenario()) {
            case FlashSaleScenario.NAME -> scenario = new FlashSaleScenario(NanoClock.system(), System.nanoTime());
            case SteadyScenario.NAME -> scenario = new SteadyScenario(NanoClock.system(), System.nanoTime());
            case RampScenario.NAME -> scenario = new RampScenario(NanoClock.system(), System.nanoTime());
            case IdleScenario.NAME -> scenario = new IdleScenario(NanoClock.system());
            case IssuanceLoadScenario.NAME ->
                    scenario = new IssuanceLoadScenario(NanoClock.system(), System.nanoTime());
            default -> {
                err.println("unknown scenario " + options.scenario());
                err.println(BenchOptions.USAGE);
                return 2;
            }
        }
        ScenarioReport report = scenario.run(options);
        out.print(report.summaryText());
        write(report.toJsonString(), options.out(), out);
        return report.failedCheck() ? 1 : 0;
    }

    private static int streamOnly(StreamOnlyOptions options, PrintStream out) throws Exception {
        StreamOnlyResult result = new StreamOnlyBench().run(options);
        out.print(result.summaryText());
        write(result.toJsonString(), options.out(), out);
        return result.correct() ? 0 : 1;
    }

    private static void write(String json, Path file, PrintStream out) throws java.io.IOException {
        out.println(json);
        if (file != null) {
            Files.writeString(file, json + System.lineSeparator());
            out.println("written to " + file.toAbsolutePath());
        }
    }

    /** Serves the baseline until the process is stopped (Ctrl-C, SIGTERM). */
    private static int serveBaseline(String[] args) {
        BaselineSettings settings;
        try {
            settings = BaselineSettings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BaselineSettings.USAGE);
            return 2;
        }
        try {
            BaselineServer server = BaselineServer.start(settings);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "baseline-shutdown"));
            System.out.println("baseline serving on http://" + settings.host() + ":" + server.port());
            stopped.await();
            return 0;
        } catch (Exception e) {
            System.err.println("baseline failed to start: " + e);
            return 2;
        }
    }
}
