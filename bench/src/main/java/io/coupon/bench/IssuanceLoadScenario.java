package io.coupon.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Live claims while a targeted issuance runs: loads {@code --profiles} profiles (users 1..N, tagged with N; or
 * reuses those of an earlier run with {@code --load-profiles false}), creates a template of N units for the
 * issuance and starts {@code POST /v1/templates/{id}/issuances} to exactly those users, then runs the flash
 * sale's open-loop claims on another, fresh template of {@code --stock} units at {@code --rate} for
 * {@code --duration}, reading the issuance's progress every second meanwhile.
 *
 * <p>The live claims are the plain {@code flash-sale}'s (users drawn the same way, the same template), so the
 * baseline is {@code flash-sale} with the same {@code --stock --users --rate --duration}. The report is the same
 * latency summary of the live claims, with the live template's checks, plus the issuance's progress at the start
 * and the end of the window ({@code issuanceRunningThroughout} true: it ran during the whole measurement), and,
 * after up to {@code --issuance-wait}, its final counts; granting more than it matched is a failed check.
 */
public final class IssuanceLoadScenario extends LoadScenario {

    public static final String NAME = "issuance-load";

    private static final Duration POLL = Duration.ofSeconds(1);

    public IssuanceLoadScenario(NanoClock clock, long seed) {
        super(NAME, clock, seed);
    }

    @Override
    public BenchResult run(BenchOptions o) throws Exception {
        CouponHttp http = http(o);
        String tag = BenchProfiles.tag(o.profiles());
        Map<String, Object> loadChecks;
        if (o.loadProfiles()) {
            ProfileLoader.Loaded loaded = new ProfileLoader(o.loadConcurrency())
                    .load(o.profiles(), u -> http.putProfile(u, BenchProfiles.profileJson(u, 1.0, tag)));
            System.out.printf("loaded %d profiles in %.1f s (%.0f/s, %d failed)%n", loaded.landed(),
                    loaded.elapsedNanos() / 1e9, loaded.perSecond(), loaded.failed());
            loadChecks = loaded.asChecks();
        } else {
            loadChecks = ProfileLoader.reused(o.profiles());
        }
        String run = Long.toString(System.currentTimeMillis(), 36);

        Instant now = Instant.now();
        long issued = openTemplate(http, "bench issuance " + run, o.profiles(), 1, now, null);
        long live = openTemplate(http, "bench live " + run, o.stock(), 1, now, null);
        String issuanceId = "bench-" + run;
        http.startIssuance(issued, issuanceId, BenchProfiles.runAudience(tag));

        long windowStart = System.nanoTime();
        RunStats stats;
        IssuanceWatch.Sample atStart;
        IssuanceWatch.Sample atEnd;
        IssuanceWatch.Sample atFinish;
        java.util.List<IssuanceWatch.Sample> samples;
        try (IssuanceWatch watch = new IssuanceWatch(() -> http.issuance(issued, issuanceId), windowStart, POLL)) {
            atStart = watch.readNow();
            SplittableRandom users = new SplittableRandom(seed + o.rate()); // drawn as the flash sale draws them
            stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(o.rate(), o.duration()),
                    i -> http.claim(live, 1 + users.nextLong(o.users())), o.timeout());
            atEnd = watch.readNow();
            atFinish = awaitDone(watch, atEnd, o.issuanceWait());
            samples = watch.samples();
        }

        long remaining = FlashSaleScenario.settledRemaining(http, live, stats, o.timeout());
        Map<String, Object> checks = FlashSaleScenario.checks(live, o.stock(), remaining, stats);
        checks.putAll(loadChecks);
        checks.put("issuanceTemplateId", issued);
        checks.put("issuanceId", issuanceId);
        checks.putAll(IssuanceWatch.window(atStart, atEnd, samples));
        checks.putAll(finalCounts(http, issued, o.profiles(), atFinish));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("issuanceProgress", IssuanceWatch.asJson(samples));
        return new BenchResult(NAME, o.system(), o.url(), o.rate(), o.duration(), stats, checks, details);
    }

    /** Reads on (every second, up to {@code patience}) until the issuance is DONE; the last reading. */
    private static IssuanceWatch.Sample awaitDone(IssuanceWatch watch, IssuanceWatch.Sample last, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while ((last == null || !last.done()) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            IssuanceWatch.Sample again = watch.readNow();
            last = again == null ? last : again;
        }
        return last;
    }

    /** The issuance's last counts, and whether it granted more than it matched or than its template shows. */
    private static Map<String, Object> finalCounts(CouponHttp http, long template, long stock,
            IssuanceWatch.Sample last) throws Exception {
        Map<String, Object> c = new LinkedHashMap<>();
        long templateGranted = stock - http.template(template).get("remaining").asLong();
        c.put("issuanceFinal", last == null ? null : IssuanceWatch.brief(last));
        c.put("issuanceTemplateGranted", templateGranted);
        // judged once DONE: while it runs, the counts of its walkers and of its decided claims may be apart
        c.put("issuanceOverGranted", last != null && last.done()
                && (last.granted() > last.matched() || templateGranted > last.matched()));
        return c;
    }
}
