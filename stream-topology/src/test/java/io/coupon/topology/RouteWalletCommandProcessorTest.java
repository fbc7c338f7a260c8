package io.coupon.topology;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.WalletCommand;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the wallet step asks for a commit before the interval is up: a redemption step's answer is read committed,
 * so a step that comes alone commits at once, and steps in a stream leave the commits to the interval.
 */
class RouteWalletCommandProcessorTest {

    private final MockProcessorContext<Long, WalletCommand> context = new MockProcessorContext<>();
    private final RouteWalletCommandProcessor router =
            new RouteWalletCommandProcessor(new WalletProgress(), LocalAnswers.none());

    @BeforeEach
    void start() {
        context.setCurrentSystemTimeMs(1_000_000);
        router.init(context);
    }

    private void step(long atMs) {
        context.setCurrentSystemTimeMs(atMs);
        router.process(new Record<>(7L, new CancelRedemption("r-" + atMs, 7, "O-7", Instant.EPOCH), 0L));
    }

    @Test
    void aStepThatComesAloneAsksForACommit() {
        step(1_000_000);

        assertTrue(context.committed());
    }

    @Test
    void aStepRightBehindAnotherLeavesTheCommitToTheInterval() {
        step(1_000_000);
        context.resetCommit();

        step(1_000_100);

        assertFalse(context.committed());
    }

    @Test
    void aStepAfterAQuietSpellAsksForACommitAgain() {
        step(1_000_000);
        step(1_000_100);
        context.resetCommit();

        step(1_000_600);

        assertTrue(context.committed());
    }
}
