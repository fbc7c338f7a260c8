package io.coupon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a wallet read may go ahead: everything below the end it saw must be fetched and applied. */
class WalletProgressTest {

    private final WalletProgress progress = new WalletProgress();

    @Test
    void anEmptyPartitionIsUpToDate() {
        assertEquals(OptionalLong.of(-1), progress.targetFor(0, 0));
        assertTrue(progress.hasApplied(0, -1));
    }

    @Test
    void aReadWaitsUntilTheConsumerHasFetchedToTheEndItSaw() {
        progress.fetched(0, 4, 5);

        assertTrue(progress.targetFor(0, 7).isEmpty());
    }

    @Test
    void aPositionPastTransactionMarkersCountsAsFetchedToTheEnd() {
        // records 0..4, a commit marker at 5: the consumer's position is 6, the last record it returned is 4
        progress.fetched(0, 4, 6);

        assertEquals(OptionalLong.of(4), progress.targetFor(0, 6));
    }

    @Test
    void aReadWaitsUntilTheLastRecordFetchedIsApplied() {
        progress.fetched(0, 4, 6);
        progress.applied(0, 3);

        assertFalse(progress.hasApplied(0, progress.targetFor(0, 6).getAsLong()));
        progress.applied(0, 4);
        assertTrue(progress.hasApplied(0, progress.targetFor(0, 6).getAsLong()));
    }

    @Test
    void aLaterFetchReportingNoRecordsKeepsTheLastRecordReturned() {
        progress.fetched(0, 4, 5);
        progress.fetched(0, -1, 6);

        assertEquals(OptionalLong.of(4), progress.targetFor(0, 6));
    }

    @Test
    void aTaskInitialisedAgainMustApplyAgainBeforeReadsGoAhead() {
        progress.fetched(0, 4, 6);
        progress.applied(0, 4);

        progress.forget(0);

        assertTrue(progress.targetFor(0, 6).isEmpty());
        assertFalse(progress.hasApplied(0, 4));
    }

    @Test
    void partitionsAreTrackedApart() {
        progress.fetched(0, 4, 6);
        progress.applied(0, 4);

        assertTrue(progress.targetFor(1, 6).isEmpty());
        assertFalse(progress.hasApplied(1, 4));
    }
}
