package io.coupon.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * PUTs the profiles of users 1..N before a run, as fast as the server takes them but never more than
 * {@code concurrency} at once (a closed loop: this is set-up, not measurement, and must not flood the server with
 * connections). A profile answered 200 is stored; 202 is durable and stored shortly; anything else or no answer
 * is counted as failed, and the run goes on with the profiles that landed.
 */
final class ProfileLoader {

    /**
     * How the load went.
     *
     * @param stored  answered 200
     * @param pending answered 202: durable, stored soon after
     * @param failed  any other answer, or none
     */
    record Loaded(long requested, long stored, long pending, long failed, long elapsedNanos) {

        long landed() {
            return stored + pending;
        }

        double perSecond() {
            return elapsedNanos <= 0 ? 0 : Math.round(requested * 1e12 / elapsedNanos) / 1000.0;
        }

        /** The load's figures for a result's checks. */
        Map<String, Object> asChecks() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("profilesLoaded", landed());
            c.put("profilesFailed", failed);
            c.put("profileLoadSeconds", Math.round(elapsedNanos / 1e6) / 1000.0);
            c.put("profileLoadPerSecond", perSecond());
            return c;
        }
    }

    /** The checks of a run that loaded nothing and relies on an earlier load of users 1..{@code profiles}. */
    static Map<String, Object> reused(long profiles) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("profilesLoaded", "reused (--load-profiles false)");
        c.put("profiles", profiles);
        return c;
    }

    private final int concurrency;

    ProfileLoader(int concurrency) {
        this.concurrency = concurrency;
    }

    /** PUTs users 1..{@code count}; {@code put} starts one PUT and completes with its HTTP status. */
    Loaded load(long count, LongFunction<CompletableFuture<Integer>> put) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        LongAdder stored = new LongAdder();
        LongAdder pending = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        for (long user = 1; user <= count; user++) {
            slots.acquire();
            CompletableFuture<Integer> answer;
            try {
                answer = put.apply(user);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((status, error) -> {
                if (error == null && status == 200) {
                    stored.increment();
                } else if (error == null && status == 202) {
                    pending.increment();
                } else {
                    failed.increment();
                }
                slots.release();
            });
        }
        slots.acquire(concurrency); // every PUT answered
        return new Loaded(count, stored.sum(), pending.sum(), failed.sum(), System.nanoTime() - start);
    }
}
