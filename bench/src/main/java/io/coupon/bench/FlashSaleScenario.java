package io.coupon.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One hot template of {@code --stock} units, one per user, claimed by random users 1..{@code --users} at
 * {@code --rate} for {@code --duration}. Afterwards it reads the template back and checks that nothing was
 * oversold: the 201s never exceed the stock, and every 201 shows in {@code totalCount - remaining}; and whether
 * the whole stock went ({@code soldOut}), which a run with enough demand must reach.
 *
 * <p>With {@code --audience <share>} the template carries {@link BenchProfiles#AUDIENCE}, and users
 * 1..{@code --profiles} first get a profile that puts that share of them inside it (see {@link BenchProfiles};
 * {@code --load-profiles false} when an earlier run with the same share loaded them).
 * Everything else is as in the plain sale (users drawn the same way, the same report), so the two reports
 * compare claim latency with and without an audience at the same rate; the outsiders' claims answer
 * 409 {@code NOT_ELIGIBLE}, and a 201 to an outsider counts as {@code grantedOutsideAudience}, a failed check.
 *
 * <p>With {@code --cpu-pids} it also reads the CPU time of those processes from {@code /proc} when the load starts
 * and when its last claim is answered, and reports it per process and per claim answered ({@link ProcessCpu}).
 */
public final class FlashSaleScenario extends LoadScenario {

    public static final String NAME = "flash-sale";
    /** The result's detail with the sampled processes' CPU time, when {@code --cpu-pids} named some. */
    public static final String CPU = "cpu";

    public FlashSaleScenario(NanoClock clock, long seed) {
        super(NAME, clock, seed);
    }

    @Override
    public BenchResult run(BenchOptions o) throws Exception {
        return run(o, o.rate(), loadProfiles(o));
    }

    /**
     * PUTs the profiles of users 1..{@code --profiles} (none when it is 0) and returns the load's figures for the
     * checks; once per run, before any template exists, so the ramp loads once for all its steps.
     */
    Map<String, Object> loadProfiles(BenchOptions o) throws Exception {
        if (o.profiles() == 0) {
            return Map.of();
        }
        if (!o.loadProfiles()) {
            return ProfileLoader.reused(o.profiles());
        }
        CouponHttp http = http(o);
        String run = BenchProfiles.tag(o.profiles());
        double share = insideShare(o);
        return new ProfileLoader(o.loadConcurrency())
                .load(o.profiles(), u -> http.putProfile(u, BenchProfiles.profileJson(u, share, run))).asChecks();
    }

    /** One flash sale on a fresh template at {@code rate}; the ramp runs one per step. */
    BenchResult run(BenchOptions o, long rate, Map<String, Object> loaded) throws Exception {
        CouponHttp http = http(o);
        Instant now = Instant.now();
        String audience = o.audience() == null ? null : BenchProfiles.AUDIENCE;
        long template = openTemplate(http, "bench flash-sale " + now, o.stock(), 1, now, audience);

        // One generator, used only by the scheduling thread, so the user sequence is reproducible from the seed.
        SplittableRandom users = new SplittableRandom(seed + rate);
        LongAdder outsiders = new LongAdder();
        long profiled = o.profiles() > 0 ? o.profiles() : o.users();
        double share = insideShare(o);
        ProcessCpu cpu = o.cpuPids().isEmpty() ? null : ProcessCpu.start(o.cpuPids());
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(rate, o.duration()), i -> {
            long user = 1 + users.nextLong(o.users());
            if (audience == null || user <= profiled && BenchProfiles.inside(user, share)) {
                return http.claim(template, user);
            }
            return http.claim(template, user).thenApply(outcome -> {
                if (outcome.startsWith("201")) {
                    outsiders.increment();
                }
                return outcome;
            });
        }, o.timeout());
        // Sampled before the read-back below: only the claims' work counts, per claim answered.
        Map<String, Object> details = cpu == null ? Map.of() : Map.of(CPU, cpu.stop(stats.answered()).toMap());

        long remaining = settledRemaining(http, template, stats, o.timeout());
        Map<String, Object> checks = checks(template, o.stock(), remaining, stats);
        if (audience != null) {
            checks.put("audience", audience);
            checks.put("insideShare", share);
            checks.put("grantedOutsideAudience", outsiders.sum());
        }
        checks.putAll(loaded);
        return new BenchResult(NAME, o.system(), o.url(), rate, o.duration(), stats, checks, details);
    }

    /** Everyone is inside a run without an audience; its profiles (if any) are all gold or silver. */
    private static double insideShare(BenchOptions o) {
        return o.audience() == null ? 1.0 : o.audience();
    }

    /**
     * The template's remaining stock once claims answered 202 or not at all have been decided: read again (for up
     * to {@code patience}) while some may still be and units are left, until it has not moved for two seconds.
     */
    static long settledRemaining(CouponHttp http, long template, RunStats stats, Duration patience) throws Exception {
        long remaining = http.template(template).get("remaining").asLong();
        boolean undecided = stats.failed() > 0 || stats.outcomes().keySet().stream().anyMatch(k -> k.startsWith("202"));
        long deadline = System.nanoTime() + patience.toNanos();
        long lastChange = System.nanoTime();
        while (undecided && remaining > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < 2_000_000_000L) {
            Thread.sleep(250);
            long again = http.template(template).get("remaining").asLong();
            if (again != remaining) {
                lastChange = System.nanoTime();
                remaining = again;
            }
        }
        return remaining;
    }

    static Map<String, Object> checks(long template, long stock, long remaining, RunStats stats) {
        long granted201 = stats.outcomes().getOrDefault("201 GRANTED", 0L);
        long serverGranted = stock - remaining;
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("templateId", template);
        checks.put("stock", stock);
        checks.put("remaining", remaining);
        checks.put("serverGranted", serverGranted);
        checks.put("granted201", granted201);
        // Equal unless some claims ended as 202 or failed; those may have been granted without a 201 seen here.
        checks.put("grantedMatches", granted201 == serverGranted);
        checks.put("lostGrants", granted201 > serverGranted);
        checks.put("oversold", remaining < 0 || granted201 > stock);
        checks.put("soldOut", serverGranted == stock);
        return checks;
    }
}
