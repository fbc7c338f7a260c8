package io.coupon.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of a run: {@code <scenario> [--stock N] [--users N] [--rate N] [--duration 60s] [--url U]
 * [--timeout 10s] [--out result.json] [--system ours]}, plus {@code --templates N} for {@code steady},
 * {@code --step N --max-rate N --p99-budget 80ms} for {@code ramp}, {@code --audience 0.9 --profiles N} for
 * {@code flash-sale}, {@code --cpu-pids server=123,...} for {@code flash-sale}, {@code --claims N} for
 * {@code idle}, and {@code --profiles N --issuance-wait 0s} for {@code issuance-load}; {@code
 * --load-concurrency N} bounds the profile PUTs in flight, and {@code --load-profiles false} skips them.
 *
 * @param system    the name of the system under test, written into the result (e.g. {@code ours}, {@code baseline})
 * @param timeout   each request's timeout; the run also waits this long for the last requests in flight
 * @param out       where the JSON result goes, or null for nowhere
 * @param templates {@code steady}: how many templates the claims spread over
 * @param step      {@code ramp}: how much the rate grows at each step; {@code --duration} is each step's length
 * @param maxRate   {@code ramp}: the last step's rate at most
 * @param budget    {@code ramp}: the P99 a step must stay within to count as held
 * @param audience  {@code flash-sale}: null for a plain sale; else the template carries {@link BenchProfiles#AUDIENCE}
 *                  and this share (0..1) of the profiled users is inside it
 * @param profiles  how many users (1..N) have a profile for the run: {@code flash-sale} with an audience
 *                  defaults to {@code --users}, otherwise 0; {@code issuance-load} defaults to 100,000, the users
 *                  its issuance covers
 * @param loadProfiles whether the run PUTs those profiles first; false reuses what an earlier run with the same
 *                  {@code --profiles} (and {@code --audience}) loaded on the same server
 * @param loadConcurrency profile PUTs in flight at once while loading
 * @param issuanceWait {@code issuance-load}: how long to wait after the live window for the issuance to finish
 * @param claims    {@code idle}: how many claims, one at a time
 * @param cpuPids   {@code flash-sale}: processes (name to pid) whose CPU time the run samples from {@code /proc} at
 *                  the start and end of its load, reported per claim answered; empty for none
 */
public record BenchOptions(String scenario, String system, long stock, long users, long rate, Duration duration,
        String url, Duration timeout, Path out, int templates, long step, long maxRate, Duration budget,
        Double audience, long profiles, boolean loadProfiles, int loadConcurrency, Duration issuanceWait, long claims,
        Map<String, Long> cpuPids) {

    /** The number of users an {@code issuance-load} covers unless {@code --profiles} says otherwise. */
    public static final long DEFAULT_ISSUANCE_PROFILES = 100_000;

    public static final String USAGE = "usage: java -jar coupon-bench.jar <flash-sale|steady|ramp|idle> [--stock 10000]"
            + " [--users 200000] [--rate 5000] [--duration 60s] [--url http://127.0.0.1:7070] [--timeout 10s]"
            + " [--out result.json] [--system ours] [--templates 20] [--step <rate>] [--max-rate <10 x rate>]"
            + " [--p99-budget 80ms]\n"
            + "       java -jar coupon-bench.jar flash-sale --audience <inside share, e.g. 0.9> [--profiles <users>]"
            + " [--load-profiles true] [--load-concurrency 64] ...\n"
            + "       java -jar coupon-bench.jar issuance-load [--profiles 100000] [--rate 500] [--duration 60s]"
            + " [--issuance-wait 0s] [--load-profiles true] [--load-concurrency 64] ...\n"
            + "       java -jar coupon-bench.jar flash-sale --cpu-pids server=<pid>[,mariadbd=<pid>,...] ...\n"
            + "       java -jar coupon-bench.jar idle [--claims 500] [--url ...] [--timeout 10s] [--out ...]"
            + " [--system ours]\n"
            + "       java -jar coupon-bench.jar baseline --help | stream-only --help | report --help";

    public BenchOptions {
        if (stock < 1 || users < 1 || rate < 1 || templates < 1 || step < 1 || maxRate < 1 || claims < 1) {
            throw new IllegalArgumentException("--stock, --users, --rate, --templates, --step, --max-rate and"
                    + " --claims must be at least 1");
        }
        cpuPids = Collections.unmodifiableMap(new LinkedHashMap<>(cpuPids));
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("--p99-budget must be positive");
        }
        if (duration.isNegative() || duration.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--duration and --timeout must be positive");
        }
        if (audience != null && !(audience >= 0 && audience <= 1)) {
            throw new IllegalArgumentException("--audience is the share of users inside it, from 0 to 1");
        }
        if (profiles < 0 || loadConcurrency < 1) {
            throw new IllegalArgumentException("--profiles must not be negative, --load-concurrency at least 1");
        }
        if (scenario.equals(IssuanceLoadScenario.NAME) && profiles < 1) {
            throw new IllegalArgumentException("issuance-load needs --profiles of at least 1");
        }
        if (issuanceWait.isNegative()) {
            throw new IllegalArgumentException("--issuance-wait must not be negative");
        }
        url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Parses a command line; throws {@link IllegalArgumentException} naming what is wrong. */
    public static BenchOptions parse(String... args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("no scenario given");
        }
        long stock = 10_000;
        long users = 200_000;
        long rate = 5_000;
        Duration duration = Duration.ofSeconds(60);
        String url = "http://127.0.0.1:7070";
        Duration timeout = Duration.ofSeconds(10);
        Path out = null;
        String system = "unnamed";
        int templates = 20;
        Long step = null;
        Long maxRate = null;
        Duration budget = Duration.ofMillis(80);
        Double audience = null;
        Long profiles = null;
        boolean loadProfiles = true;
        int loadConcurrency = 64;
        Duration issuanceWait = Duration.ZERO;
        long claims = 500;
        Map<String, Long> cpuPids = Map.of();
        for (Map.Entry<String, String> option : pairs(args, 1).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--stock" -> stock = number(name, value);
                case "--users" -> users = number(name, value);
                case "--rate" -> rate = number(name, value);
                case "--duration" -> duration = duration(name, value);
                case "--url" -> url = value;
                case "--timeout" -> timeout = duration(name, value);
                case "--out" -> out = Path.of(value);
                case "--system" -> system = value;
                case "--templates" -> templates = Math.toIntExact(number(name, value));
                case "--step" -> step = number(name, value);
                case "--max-rate" -> maxRate = number(name, value);
                case "--p99-budget" -> budget = duration(name, value);
                case "--audience" -> audience = share(name, value);
                case "--profiles" -> profiles = number(name, value);
                case "--load-profiles" -> loadProfiles = bool(name, value);
                case "--load-concurrency" -> loadConcurrency = Math.toIntExact(number(name, value));
                case "--issuance-wait" -> issuanceWait = duration(name, value);
                case "--claims" -> claims = number(name, value);
                case "--cpu-pids" -> cpuPids = ProcessCpu.parsePids(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (profiles == null) {
            profiles = args[0].equals(IssuanceLoadScenario.NAME) ? DEFAULT_ISSUANCE_PROFILES
                    : audience != null ? users : 0;
        }
        return new BenchOptions(args[0], system, stock, users, rate, duration, url, timeout, out, templates,
                step == null ? rate : step, maxRate == null ? rate * 10 : maxRate, budget, audience, profiles,
                loadProfiles, loadConcurrency, issuanceWait, claims, cpuPids);
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, was " + value);
        };
    }

    private static double share(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a share from 0 to 1, e.g. 0.9, was " + value);
        }
    }

    /**
     * The {@code --name value} pairs of a command line from {@code from} on, in their order (a name given twice
     * keeps its last value); a name without a value is refused.
     */
    public static Map<String, String> pairs(String[] args, int from) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = from; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            pairs.put(args[i], args[i + 1]);
        }
        return pairs;
    }

    /** A whole number, {@code _} allowed between digits ({@code 200_000}). */
    public static long number(String name, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + value);
        }
    }

    /** {@code 60s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
    public static Duration duration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must look like 60s, 500ms or 2m, was " + value);
        }
    }
}
