package io.coupon.server;

import java.time.Duration;

/**
 * Waiting for what another process shows only from outside (a port that accepts, a {@code /health} that answers
 * 200): it has no way to tell us, so we look again every so often until a deadline. Awaitility does this in the
 * tests, but it is not on the runtime classpath, and {@link LocalCluster} runs in {@code coupon-server.jar cluster}
 * and in the benchmarks.
 */
public final class Poll {

    /** One look: true once the thing awaited is there; throws to stop waiting early (the process it awaits died). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Poll() {
    }

    /** Looks every {@code pollEvery} until {@code condition} holds (true) or {@code timeout} has passed (false). */
    public static boolean await(Condition condition, Duration timeout, Duration pollEvery) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(pollEvery.toMillis());
        }
        return true;
    }
}
