package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.server.UnmarkedTransactions.CoordinatorView;
import io.coupon.server.UnmarkedTransactions.OpenTransaction;
import io.coupon.server.UnmarkedTransactions.Verdict;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class UnmarkedTransactionsTest {

    private static final TopicPartition CHANGELOG = new TopicPartition("app-stock-store-changelog", 0);
    private static final TopicPartition OTHER = new TopicPartition("claim-results", 1);
    private static final OpenTransaction OPEN_AT_EPOCH_6 = new OpenTransaction(CHANGELOG, 2L, 6, 0, 4L);

    private static Verdict verdict(TransactionState state, int coordinatorEpoch, TopicPartition... partitions) {
        return UnmarkedTransactions.verdict(OPEN_AT_EPOCH_6,
                Optional.of(new CoordinatorView(state, coordinatorEpoch, Set.of(partitions))));
    }

    @Test
    void aTransactionTheCoordinatorCommittedWithoutMarkingIsCommitted() {
        // Transactions of version 2 end one epoch above their data: this commit was this very transaction's.
        assertEquals(Verdict.COMMIT, verdict(TransactionState.COMPLETE_COMMIT, 7));
    }

    @Test
    void theCommitMarkerCarriesTheCoordinatorsEpoch() {
        assertEquals(7, UnmarkedTransactions.markerEpoch(OPEN_AT_EPOCH_6, Verdict.COMMIT));
    }

    @Test
    void aTransactionTheCoordinatorAbortedWithoutMarkingIsAborted() {
        assertEquals(Verdict.ABORT, verdict(TransactionState.COMPLETE_ABORT, 7));
    }

    @Test
    void aCommitOfALaterTransactionSaysNothingAboutThisOneSoItIsAborted() {
        assertEquals(Verdict.ABORT, verdict(TransactionState.COMPLETE_COMMIT, 9));
    }

    @Test
    void aProducerTheCoordinatorNoLongerKnowsIsAborted() {
        assertEquals(Verdict.ABORT, UnmarkedTransactions.verdict(OPEN_AT_EPOCH_6, Optional.empty()));
    }

    @Test
    void aProducerReinitialisedSinceIsAborted() {
        assertEquals(Verdict.ABORT, verdict(TransactionState.EMPTY, 8));
    }

    @Test
    void aLiveTransactionOnThePartitionIsLeftToItsProducer() {
        assertEquals(Verdict.IN_FLIGHT, verdict(TransactionState.ONGOING, 6, CHANGELOG, OTHER));
    }

    @Test
    void aLiveTransactionElsewhereLeavesThisPartitionsDataWithoutAnOwner() {
        assertEquals(Verdict.ABORT, verdict(TransactionState.ONGOING, 7, OTHER));
    }

    @Test
    void aPreparedTransactionIsLeftToTheCoordinatorsMarkers() {
        assertEquals(Verdict.PREPARED, verdict(TransactionState.PREPARE_COMMIT, 7, CHANGELOG));
        assertEquals(Verdict.PREPARED, verdict(TransactionState.PREPARE_ABORT, 7, CHANGELOG));
    }
}
