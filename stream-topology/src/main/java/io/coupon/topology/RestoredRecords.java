package io.coupon.topology;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Counts the changelog records this process replayed into its state stores. A clean restart on the same data
 * folder finds every store where it left it, so it should count none; a store that had to be rebuilt shows here.
 */
final class RestoredRecords implements StateRestoreListener {

    private final AtomicLong restored = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long numRestored) {
        restored.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
    }

    long total() {
        return restored.get();
    }
}
