package io.coupon.bench.stream;

import io.coupon.bench.BenchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code coupon-bench.jar stream-only [--claims 200000] [--warmup-claims 1000000] [--threads 1] [--templates 12]
 * [--partitions 12] [--stock N] [--users 1000000] [--commit-interval 100ms] [--timeout 10m] [--out result.json]}.
 *
 * @param warmupClaims claims of other templates decided first and not timed: the JIT compiles the broker's,
 *                     the stream's and our code for tens of seconds after a start, and that is the cold start's
 *                     figure, not this one's. A million: on a 2-core machine the compiler threads still took
 *                     0.6–0.8 cores while 200,000 claims after the warm-up were timed, and were quiet after a
 *                     million (the result's {@code jitCompileMsTimed} says how warm a run was)
 *
 * @param stock per template; by default a quarter of the template's claims, so each sells out and most claims
 *              are rejected, as in a flash sale
 */
public record StreamOnlyOptions(long claims, long warmupClaims, int threads, int templates, int partitions,
        long stock, long users, Duration commitInterval, Duration timeout, Path out) {

    public static final String USAGE = "usage: java -jar coupon-bench.jar stream-only [--claims 200000]"
            + " [--warmup-claims 1000000] [--threads 1] [--templates 12] [--partitions 12] [--stock <claims/templates/4>] [--users 1000000]"
            + " [--commit-interval 100ms] [--timeout 10m] [--out result.json]";

    public StreamOnlyOptions {
        if (warmupClaims < 0) {
            throw new IllegalArgumentException("--warmup-claims cannot be negative");
        }
        if (claims < 1 || threads < 1 || templates < 1 || partitions < 1 || stock < 1 || users < 1) {
            throw new IllegalArgumentException("every number must be at least 1");
        }
    }

    public static StreamOnlyOptions parse(String... args) {
        long claims = 200_000;
        long warmupClaims = 1_000_000;
        int threads = 1;
        int templates = 12;
        int partitions = 12;
        Long stock = null;
        long users = 1_000_000;
        Duration commit = Duration.ofMillis(100);
        Duration timeout = Duration.ofMinutes(10);
        Path out = null;
        for (Map.Entry<String, String> option : BenchOptions.pairs(args, 0).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--claims" -> claims = BenchOptions.number(name, value);
                case "--warmup-claims" -> warmupClaims = BenchOptions.number(name, value);
                case "--threads" -> threads = Math.toIntExact(BenchOptions.number(name, value));
                case "--templates" -> templates = Math.toIntExact(BenchOptions.number(name, value));
                case "--partitions" -> partitions = Math.toIntExact(BenchOptions.number(name, value));
                case "--stock" -> stock = BenchOptions.number(name, value);
                case "--users" -> users = BenchOptions.number(name, value);
                case "--commit-interval" -> commit = BenchOptions.duration(name, value);
                case "--timeout" -> timeout = BenchOptions.duration(name, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        long perTemplate = Math.max(1, claims / templates / 4);
        return new StreamOnlyOptions(claims, warmupClaims, threads, templates, partitions,
                stock == null ? perTemplate : stock, users, commit, timeout, out);
    }
}
