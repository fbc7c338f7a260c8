package io.coupon.ingest;

import io.coupon.contract.http.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets in front of the claim path: one for this instance as a whole and one per user, so a flash
 * sale's bots cannot crowd out everyone else. A refused claim is answered 429 with {@code Retry-After} and
 * never reaches Kafka. A limit of 0 switches that bucket off.
 */
public final class ClaimRateLimiter {

    /** Users whose buckets are remembered; the least recently seen fall out (and start afresh if they return). */
    private static final int USERS_REMEMBERED = 100_000;

    private final Bucket global;
    private final int perUserPerSecond;
    private final Map<Long, Bucket> users;
    private final Counter limitedGlobally;
    private final Counter limitedPerUser;

    public ClaimRateLimiter(int globalPerSecond, int perUserPerSecond, MeterRegistry meters) {
        this.global = globalPerSecond > 0 ? bucket(globalPerSecond) : null;
        this.perUserPerSecond = perUserPerSecond;
        this.users = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
                return size() > USERS_REMEMBERED;
            }
        };
        this.limitedGlobally = counter(meters, "global");
        this.limitedPerUser = counter(meters, "user");
    }

    /** Takes a token for the user's claim, or throws the 429 that answers it. */
    public void admit(long userId) {
        if (perUserPerSecond > 0) {
            Bucket mine;
            synchronized (users) {
                mine = users.computeIfAbsent(userId, id -> bucket(perUserPerSecond));
            }
            refuseUnless(mine.tryConsumeAndReturnRemaining(1), limitedPerUser, "this user");
        }
        if (global != null) {
            refuseUnless(global.tryConsumeAndReturnRemaining(1), limitedGlobally, "this instance");
        }
    }

    private static void refuseUnless(ConsumptionProbe probe, Counter limited, String who) {
        if (probe.isConsumed()) {
            return;
        }
        limited.increment();
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
        throw new ApiException(429, "RATE_LIMITED", "too many claims for " + who + "; retry after " + seconds + " s",
                Map.of(), Map.of("Retry-After", String.valueOf(seconds)));
    }

    /** A second's worth of tokens, refilled smoothly: a burst up to the rate, then the rate. */
    private static Bucket bucket(int perSecond) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))
                        .build())
                .build();
    }

    private static Counter counter(MeterRegistry meters, String scope) {
        return Counter.builder("coupon.rate.limited").description("Claims refused by a rate limit, by its scope")
                .tag("scope", scope).register(meters);
    }
}
