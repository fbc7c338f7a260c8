package io.coupon.contract;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Grants this process has answered that its wallet step has not applied yet, by user. A grant answered as it
 * is decided is not yet in the user's {@code wallet-commands} partition (its transaction has not committed), so
 * a wallet read or a Try of that user waits here first: once the wallet step has applied the grant, the coupon
 * is in the wallet, and a Try written after it lands behind the grant in the partition.
 *
 * <p>Written by the stream thread (a grant answered, a grant applied), read by request threads. A grant is
 * always applied in the end, a replay after an aborted transaction included (it writes the same coupon id);
 * one that is not after {@link #STALE} is forgotten, so a lost report cannot block a user's wallet for longer.
 */
public final class UnappliedGrants {

    static final Duration STALE = Duration.ofMinutes(1);

    /** One user's grants in flight: coupon id → when it was answered, and who waits for them all to be applied. */
    private static final class Pending {
        final Map<String, Long> answeredAt = new HashMap<>();
        final CompletableFuture<Void> applied = new CompletableFuture<>();
    }

    private final Map<Long, Pending> byUser = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public UnappliedGrants() {
        this(System::nanoTime);
    }

    UnappliedGrants(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A grant is about to be answered: until it is {@link #applied}, the user's reads wait. */
    public void answered(long userId, String couponId) {
        long now = nanoClock.getAsLong();
        byUser.compute(userId, (user, pending) -> {
            Pending p = pending == null ? new Pending() : pending;
            p.answeredAt.put(couponId, now);
            return p;
        });
    }

    /** The wallet step applied the grant of this coupon (or found it already there). */
    public void applied(long userId, String couponId) {
        byUser.computeIfPresent(userId, (user, pending) -> {
            pending.answeredAt.remove(couponId);
            return settled(pending);
        });
    }

    /** Completes once the user has no grant answered and not yet applied (a later grant may make it wait longer). */
    public CompletableFuture<Void> awaitApplied(long userId) {
        long now = nanoClock.getAsLong();
        Pending waitingOn = byUser.computeIfPresent(userId, (user, pending) -> {
            pending.answeredAt.values().removeIf(answeredAt -> now - answeredAt > STALE.toNanos());
            return settled(pending);
        });
        return waitingOn == null ? CompletableFuture.completedFuture(null) : waitingOn.applied.copy();
    }

    /** Stops waiting for every grant answered so far: they are in their partitions, applied here or not. */
    public void clear() {
        for (Long user : byUser.keySet()) {
            Pending pending = byUser.remove(user);
            if (pending != null) {
                pending.applied.complete(null);
            }
        }
    }

    /** Users with a grant answered and not yet applied. */
    public int users() {
        return byUser.size();
    }

    private static Pending settled(Pending pending) {
        if (pending.answeredAt.isEmpty()) {
            pending.applied.complete(null);
            return null;
        }
        return pending;
    }
}
