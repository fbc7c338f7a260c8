package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProfileLoaderTest {

    @Test
    void putsEveryUserOnceAndCountsStoredPendingAndFailed() throws Exception {
        ConcurrentLinkedQueue<Long> put = new ConcurrentLinkedQueue<>();
        ProfileLoader.Loaded loaded = new ProfileLoader(4).load(10, user -> {
            put.add(user);
            if (user == 3) {
                return CompletableFuture.failedFuture(new java.net.http.HttpTimeoutException("slow"));
            }
            return CompletableFuture.completedFuture(user % 5 == 0 ? 202 : user == 7 ? 500 : 200);
        });

        List<Long> sorted = new ArrayList<>(put);
        sorted.sort(null);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sorted);
        assertEquals(new ProfileLoader.Loaded(10, 6, 2, 2, loaded.elapsedNanos()), loaded);
        assertEquals(8, loaded.landed());
        assertEquals(8L, loaded.asChecks().get("profilesLoaded"));
    }

    @Test
    void neverHasMoreThanItsConcurrencyInFlightAndWaitsForTheLast() throws Exception {
        ScheduledExecutorService server = Executors.newScheduledThreadPool(4);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        try {
            ProfileLoader.Loaded loaded = new ProfileLoader(3).load(30, user -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                CompletableFuture<Integer> answer = new CompletableFuture<>();
                server.schedule(() -> {
                    inFlight.decrementAndGet();
                    answered.incrementAndGet();
                    answer.complete(200);
                }, 2, TimeUnit.MILLISECONDS);
                return answer;
            });
            assertEquals(30, loaded.stored());
            assertEquals(30, answered.get(), "returns only once every PUT is answered");
            assertTrue(most.get() <= 3, "at most 3 in flight, saw " + most.get());
        } finally {
            server.shutdownNow();
        }
    }
}
