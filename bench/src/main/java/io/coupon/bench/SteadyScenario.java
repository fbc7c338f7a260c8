package io.coupon.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ordinary trading rather than a sale: {@code --templates} templates of {@code --stock} units each, up to 3 per
 * user, and at {@code --rate} a mix of half claims (random template, random user of 1..{@code --users}), a third
 * wallet reads, and a sixth redemptions (Try then Confirm) of coupons granted earlier in the run; while no
 * coupon is there to redeem, a claim goes instead. Afterwards it checks no template was oversold.
 */
public final class SteadyScenario extends LoadScenario {

    public static final String NAME = "steady";
    private static final int PER_USER_LIMIT = 3;

    /** A coupon granted during the run, waiting to be redeemed. */
    private record Granted(long userId, String couponId) {
    }

    public SteadyScenario(NanoClock clock, long seed) {
        super(NAME, clock, seed);
    }

    @Override
    public BenchResult run(BenchOptions o) throws Exception {
        CouponHttp http = http(o);
        Instant now = Instant.now();
        List<Long> templates = new ArrayList<>();
        for (int t = 0; t < o.templates(); t++) {
            templates.add(openTemplate(http, "bench steady " + t + " " + now, o.stock(), PER_USER_LIMIT, now, null));
        }
        ConcurrentLinkedQueue<Granted> toRedeem = new ConcurrentLinkedQueue<>();
        SplittableRandom random = new SplittableRandom(seed);
        String run = Long.toString(now.toEpochMilli(), 36);
        RunStats stats = new OpenLoopRunner(clock).run(OpenLoopSchedule.of(o.rate(), o.duration()), i -> {
            int dice = random.nextInt(6);
            long user = 1 + random.nextLong(o.users());
            if (dice == 5) {
                Granted coupon = toRedeem.poll();
                if (coupon != null) {
                    return http.redeem("bench-" + run + "-" + i, coupon.userId(), coupon.couponId(), "250.00")
                            .thenApply(outcome -> "redeem " + outcome);
                }
            } else if (dice >= 3) {
                return http.wallet(user).thenApply(outcome -> "wallet " + outcome);
            }
            long template = templates.get(random.nextInt(templates.size()));
            return claim(http, template, user, toRedeem);
        }, o.timeout());

        long stockTaken = 0;
        long negative = 0;
        for (long template : templates) {
            long remaining = http.template(template).get("remaining").asLong();
            stockTaken += o.stock() - remaining;
            negative += remaining < 0 ? 1 : 0;
        }
        long granted201 = stats.outcomes().getOrDefault("claim 201 GRANTED", 0L);
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("templates", templates.size());
        checks.put("stockPerTemplate", o.stock());
        checks.put("serverGranted", stockTaken);
        checks.put("granted201", granted201);
        checks.put("lostGrants", granted201 > stockTaken);
        checks.put("oversold", negative > 0);
        return new BenchResult(NAME, o.system(), o.url(), o.rate(), o.duration(), stats, checks);
    }

    private static CompletableFuture<String> claim(CouponHttp http, long template, long user,
            ConcurrentLinkedQueue<Granted> toRedeem) {
        return http.claimAnswer(template, user).thenApply(answer -> {
            String couponId = CouponHttp.couponId(answer);
            if (couponId != null) {
                toRedeem.add(new Granted(user, couponId));
            }
            return "claim " + CouponHttp.outcome(answer.statusCode(), answer.body());
        });
    }
}
