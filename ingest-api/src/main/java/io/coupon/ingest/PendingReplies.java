package io.coupon.ingest;

import io.coupon.contract.http.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Requests waiting for their outcome from a results topic. Bounded, so a slow stream turns into fast 503s
 * rather than a growing heap; an entry leaves the map when it is answered or when its wait ends. Waiting
 * holds no thread: the listener thread completes the future and the HTTP layer resumes the response.
 */
public final class PendingReplies<T> {

    private final Map<String, CompletableFuture<T>> waiting = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public PendingReplies(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Registers interest in {@code key} before the request is produced, so the reply cannot slip past. Two
     * callers with the same key share one future (a client retrying while its first try still waits).
     *
     * @return empty when the map is full
     */
    public Optional<CompletableFuture<T>> register(String key) {
        CompletableFuture<T> existing = waiting.get(key);
        if (existing != null) {
            return Optional.of(existing);
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return Optional.empty();
        }
        CompletableFuture<T> fresh = new CompletableFuture<>();
        CompletableFuture<T> raced = waiting.putIfAbsent(key, fresh);
        if (raced != null) {
            size.decrementAndGet();
            return Optional.of(raced);
        }
        fresh.whenComplete((value, error) -> forget(key, fresh));
        return Optional.of(fresh);
    }

    /** The reply, or null after {@code wait}; the entry is gone either way. */
    public CompletableFuture<T> await(String key, CompletableFuture<T> future, Duration wait) {
        return future.copy()
                .completeOnTimeout(null, wait.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, error) -> {
                    if (value == null) {
                        forget(key, future);
                    }
                });
    }

    /**
     * The whole round trip of one request: registers for its reply before sending (so the reply cannot slip
     * past), makes it durable with {@code send}, then waits up to {@code wait}, or not at all when
     * {@code acceptOnly}. Completes with the reply, or null when the request is durable but undecided; fails
     * with a 503 when the map is full or the request could not be made durable (then it has no effect), or with
     * the {@link ApiException} {@code send} failed with (a request refused as the client's fault).
     *
     * @param what the request's name in the 503's message, e.g. "claim"
     */
    public CompletableFuture<T> submit(String key, Supplier<CompletableFuture<?>> send, Duration wait,
                                       boolean acceptOnly, String what) {
        CompletableFuture<T> reply = register(key).orElseThrow(() -> ApiException.unavailable(
                "too many requests are waiting for a decision; retry shortly"));
        return send.get()
                .handle((durable, error) -> {
                    if (error != null) {
                        abandon(key, reply);
                        if (unwrap(error) instanceof ApiException refused) {
                            throw new CompletionException(refused);
                        }
                        throw new CompletionException(ApiException.unavailable(
                                "the " + what + " could not be made durable and has no effect: " + error.getMessage()));
                    }
                    return durable;
                })
                .thenCompose(durable -> {
                    if (acceptOnly) {
                        abandon(key, reply);
                        return CompletableFuture.completedFuture((T) null);
                    }
                    return await(key, reply, wait);
                });
    }

    /** The failure itself, out of the {@link CompletionException} a dependent stage wraps it in. */
    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    public void complete(String key, T reply) {
        CompletableFuture<T> future = waiting.get(key);
        if (future != null) {
            future.complete(reply);
        }
    }

    public void abandon(String key, CompletableFuture<T> future) {
        forget(key, future);
    }

    public int size() {
        return size.get();
    }

    private void forget(String key, CompletableFuture<T> future) {
        if (waiting.remove(key, future)) {
            size.decrementAndGet();
        }
    }
}
