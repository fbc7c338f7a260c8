package io.coupon.bench;

import java.util.concurrent.locks.LockSupport;

/** The time source of a run, so the scheduler can be tested with a clock the test moves. */
public interface NanoClock {

    long nanoTime();

    /** Returns at or after {@code deadline} (a {@link #nanoTime()} value); at once if it has passed. */
    void parkUntil(long deadline);

    static NanoClock system() {
        return new NanoClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void parkUntil(long deadline) {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                }
            }
        };
    }
}
