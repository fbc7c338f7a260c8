package io.coupon.query;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.Topics;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.http.ApiException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Read-your-writes for wallets. A grant is answered from its record on
 * {@code wallet-commands}, or where this process decided it, as it was decided ({@link LocalAnswers}); the wallet
 * step applies it a moment later. Before a wallet is read here, this waits until the step has applied the grants
 * this process answered for the user, then everything the user's partition held when the read began: its high
 * watermark, which counts records of transactions still open too, so a grant whose answer is already out is
 * never missed however the commit markers of its transaction are ordered across partitions.
 */
public final class WalletCatchUp {

    private static final long PAUSE_MICROS = 500;

    private final Admin admin;
    private final WalletProgress progress;
    private final LocalAnswers answers;
    private final Duration maxWait;

    public WalletCatchUp(Admin admin, WalletProgress progress, LocalAnswers answers, Duration maxWait) {
        this.admin = admin;
        this.progress = progress;
        this.answers = answers;
        this.maxWait = maxWait;
    }

    /** Completes once the wallet step is up to date for a read of the user's wallet that begins now. */
    public CompletableFuture<Void> await(int partition, long userId) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        TopicPartition tp = new TopicPartition(Topics.WALLET_COMMANDS, partition);
        return answers.grantsApplied(userId, maxWait)
                .thenCompose(ignored -> admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
                        .toCompletionStage().toCompletableFuture())
                .exceptionally(error -> {
                    throw catchingUp();
                })
                .thenCompose(end -> fetchedTo(partition, end.offset(), deadline));
    }

    private CompletableFuture<Void> fetchedTo(int partition, long end, long deadline) {
        OptionalLong target = progress.targetFor(partition, end);
        if (target.isPresent()) {
            return applied(partition, target.getAsLong(), deadline);
        }
        return later(deadline).thenCompose(ignored -> fetchedTo(partition, end, deadline));
    }

    private CompletableFuture<Void> applied(int partition, long target, long deadline) {
        if (progress.hasApplied(partition, target)) {
            return CompletableFuture.completedFuture(null);
        }
        return later(deadline).thenCompose(ignored -> applied(partition, target, deadline));
    }

    private static CompletableFuture<Void> later(long deadline) {
        if (System.nanoTime() - deadline >= 0) {
            return CompletableFuture.failedFuture(catchingUp());
        }
        Executor pause = CompletableFuture.delayedExecutor(PAUSE_MICROS, TimeUnit.MICROSECONDS);
        return CompletableFuture.runAsync(() -> { }, pause);
    }

    private static ApiException catchingUp() {
        return LocalAnswers.walletCatchingUp();
    }
}
