package io.coupon.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many clients at once: each item on one of a fixed number of threads, failing with the first failure. */
final class Parallel {

    interface Work<T> {
        void run(T item) throws Exception;
    }

    private Parallel() {
    }

    static <T> void run(List<T> items, int clients, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    work.run(item);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
