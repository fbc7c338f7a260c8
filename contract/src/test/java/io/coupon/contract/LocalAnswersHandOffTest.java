package io.coupon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.contract.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the all-in-one's API is handed, and when a grant handed over lets its user's reads through. */
class LocalAnswersHandOffTest {

    private static final Instant AT = Instant.parse("2026-11-11T01:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final LocalAnswers answers = LocalAnswers.inProcess();
    private final BlockingQueue<ClaimOutcome> api = new LinkedBlockingQueue<>();

    @AfterEach
    void close() {
        answers.close();
    }

    @Test
    void nothingIsHandedWhileAnotherInstanceOfTheStreamIsThere() throws Exception {
        answers.connect(outcome -> api.add(outcome));

        answers.decided(granted("r-1", 7, false));

        assertNull(api.poll(100, TimeUnit.MILLISECONDS), "the topics answer it");
        assertTrue(answers.grantsApplied(7, WAIT).isDone(), "and no read waits for this process's wallet step");
    }

    @Test
    void aClosedWalletTaskReleasesEveryWaitingRead() {
        alone();
        answers.decided(granted("r-1", 7, false));

        answers.walletTaskClosed();

        assertTrue(answers.grantsApplied(7, WAIT).isDone());
    }

    @Test
    void nothingIsHandedBeforeTheApiConnects() {
        answers.alone(true);
        answers.decided(granted("r-1", 7, false));

        assertTrue(answers.grantsApplied(7, WAIT).isDone(), "no answer went out, so no read waits");
    }

    @Test
    void aFreshGrantHoldsItsUsersReadsFromBeforeItIsHandedOverUntilItIsApplied() throws Exception {
        alone();
        ClaimOutcome grant = granted("r-1", 7, false);

        answers.decided(grant);

        assertEquals(grant, api.poll(10, TimeUnit.SECONDS));
        assertFalse(answers.grantsApplied(7, WAIT).isDone());
        answers.applied(7, grant.couponId());
        assertTrue(answers.grantsApplied(7, WAIT).isDone());
    }

    @Test
    void aReadThatCannotWaitLongEnoughIsAnswered503() {
        alone();
        answers.decided(granted("r-1", 7, false));

        CompletionException refused = assertThrows(CompletionException.class,
                () -> answers.grantsApplied(7, Duration.ofMillis(1)).join());

        ApiException unavailable = assertInstanceOf(ApiException.class, refused.getCause());
        assertEquals(503, unavailable.status());
    }

    @Test
    void aReplayedGrantHoldsNothing() throws Exception {
        alone();

        answers.decided(granted("r-1", 7, true));

        assertTrue(api.poll(10, TimeUnit.SECONDS).replayed());
        assertTrue(answers.grantsApplied(7, WAIT).isDone(), "its first copy was applied, or is waited for already");
    }

    @Test
    void aRejectionHoldsNothing() throws Exception {
        alone();

        answers.decided(new ClaimOutcome("r-2", 42, 7, ClaimStatus.SOLD_OUT, null, null, AT));

        assertEquals(ClaimStatus.SOLD_OUT, api.poll(10, TimeUnit.SECONDS).status());
        assertTrue(answers.grantsApplied(7, WAIT).isDone());
    }

    private void alone() {
        answers.connect(outcome -> api.add(outcome));
        answers.alone(true);
    }

    private static ClaimOutcome granted(String requestId, long userId, boolean replayed) {
        return new ClaimOutcome(requestId, 42, userId, ClaimStatus.GRANTED, "42-1", AT.plusSeconds(3600), AT, null,
                replayed);
    }
}
