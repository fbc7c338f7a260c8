package io.coupon.contract;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far this process's wallet step has applied each partition of {@code wallet-commands}. A claim is answered
 * as soon as its decision commits, before the wallet step has applied the grant; a wallet read waits here until
 * the step has applied everything that was in the partition when the read began, so a coupon whose 201 a client
 * holds is always in the wallet that client reads next.
 *
 * <p>Two facts are tracked, because offsets alone cannot say it: a read_committed consumer skips transaction
 * markers and aborted records, so the last applied offset may stay below the partition's end forever. The
 * consumer reports after each poll the last record it returned and the position it will fetch next; the wallet
 * step reports each record it applied. A partition has applied everything below {@code end} once the position
 * has reached {@code end} and the last record returned by then has been applied.
 */
public final class WalletProgress {

    private static final class Partition {
        // Written by the stream thread in this order (lastReturned, then next), read in the reverse order.
        volatile long lastReturned = -1;
        volatile long next = -1;
        volatile long applied = -1;
    }

    private final Map<Integer, Partition> partitions = new ConcurrentHashMap<>();

    /** After a poll: the highest offset it returned for the partition (-1 for none) and the next fetch position. */
    public void fetched(int partition, long lastReturnedOffset, long nextOffset) {
        Partition p = partitions.computeIfAbsent(partition, ignored -> new Partition());
        if (lastReturnedOffset > p.lastReturned) {
            p.lastReturned = lastReturnedOffset;
        }
        if (nextOffset > p.next) {
            p.next = nextOffset;
        }
    }

    /** The wallet step applied the record at {@code offset}, store writes included. */
    public void applied(int partition, long offset) {
        Partition p = partitions.computeIfAbsent(partition, ignored -> new Partition());
        p.applied = offset;
    }

    /** The partition's task was (re)initialised here: what it applied before may have been rolled back. */
    public void forget(int partition) {
        partitions.remove(partition);
    }

    /**
     * The offset the wallet step must have applied for every record below {@code end} (a high watermark read after
     * the request arrived) to be applied, once the consumer has fetched that far; empty until it has. The answer is
     * a fixed target: records fetched later do not move it.
     */
    public OptionalLong targetFor(int partition, long end) {
        Partition p = partitions.get(partition);
        if (end <= 0) {
            return OptionalLong.of(-1);
        }
        if (p == null || p.next < end) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(p.lastReturned);
    }

    /** Whether the wallet step has applied the partition's records up to and including {@code offset}. */
    public boolean hasApplied(int partition, long offset) {
        if (offset < 0) {
            return true;
        }
        Partition p = partitions.get(partition);
        return p != null && p.applied >= offset;
    }
}
