package io.coupon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A grant answered before it reached the wallet holds its user's reads until the wallet step applies it. */
class UnappliedGrantsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final UnappliedGrants grants = new UnappliedGrants(nanos::get);

    @Test
    void aUserWithNoGrantInFlightWaitsForNothing() {
        assertTrue(grants.awaitApplied(7).isDone());
    }

    @Test
    void aReadWaitsUntilTheAnsweredGrantIsApplied() {
        grants.answered(7, "42-1");

        CompletableFuture<Void> read = grants.awaitApplied(7);

        assertFalse(read.isDone());
        grants.applied(7, "42-1");
        assertTrue(read.isDone());
    }

    @Test
    void aReadWaitsForEveryGrantOfItsUser() {
        grants.answered(7, "42-1");
        grants.answered(7, "43-1");
        CompletableFuture<Void> read = grants.awaitApplied(7);

        grants.applied(7, "42-1");

        assertFalse(read.isDone(), "43-1 is not in the wallet yet");
        grants.applied(7, "43-1");
        assertTrue(read.isDone());
    }

    @Test
    void anotherUsersGrantHoldsNobodyElse() {
        grants.answered(8, "42-2");

        assertTrue(grants.awaitApplied(7).isDone());
    }

    @Test
    void aGrantNeverAppliedIsForgottenOnceStaleSoItCannotBlockTheWalletForever() {
        grants.answered(7, "42-1");
        nanos.addAndGet(UnappliedGrants.STALE.toNanos() + 1);

        assertTrue(grants.awaitApplied(7).isDone());
        assertEquals(0, grants.users());
    }

    @Test
    void clearingReleasesEveryUsersReads() {
        grants.answered(7, "42-1");
        grants.answered(8, "42-2");
        CompletableFuture<Void> read = grants.awaitApplied(7);

        grants.clear();

        assertTrue(read.isDone());
        assertTrue(grants.awaitApplied(8).isDone());
        assertEquals(0, grants.users());
    }

    @Test
    void cancellingOneWaitLeavesTheOthersWaiting() {
        grants.answered(7, "42-1");
        CompletableFuture<Void> givenUp = grants.awaitApplied(7);
        CompletableFuture<Void> waiting = grants.awaitApplied(7);

        givenUp.cancel(false);
        grants.applied(7, "42-1");

        assertTrue(waiting.isDone());
        assertFalse(waiting.isCompletedExceptionally());
    }
}
