package io.coupon.topology;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.WalletCommand;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends each wallet command to the step that applies it, in partition order, and reports each applied offset to
 * {@link WalletProgress}, so a wallet read can wait until everything in the partition when it began is applied,
 * and each applied grant to {@link LocalAnswers}, which may have answered it before it reached the partition. A
 * redemption step that comes alone asks for the commit its answer waits for.
 */
final class RouteWalletCommandProcessor implements Processor<Long, WalletCommand, Long, WalletCommand> {

    /**
     * A redemption step that comes this long after the task's previous one (one user checking out on a quiet
     * server) asks for a commit at once: its answer is read committed and would otherwise wait for the commit
     * interval. Steps that come closer wait for the interval as before, because every commit holds back the claims
     * the same stream thread decides: asked for after every step, commits made a mix of 100 requests/s cost a
     * third more CPU and four times the claims' P90 (docs/BENCHMARKS.md, twelfth slice). So at most two extra
     * commits a second per wallet task, and none while steps come in a stream.
     */
    private static final long QUIET_BEFORE_EARLY_COMMIT_MS = 500;

    private final WalletProgress progress;
    private final LocalAnswers answers;
    private ProcessorContext<Long, WalletCommand> context;
    private int partition;
    private long lastStepAtMs = Long.MIN_VALUE;

    RouteWalletCommandProcessor(WalletProgress progress, LocalAnswers answers) {
        this.progress = progress;
        this.answers = answers;
    }

    @Override
    public void init(ProcessorContext<Long, WalletCommand> context) {
        this.context = context;
        this.partition = context.taskId().partition();
        // A task (re)initialised here restored its stores: what this process applied before may be rolled back.
        progress.forget(partition);
    }

    @Override
    public void process(Record<Long, WalletCommand> record) {
        WalletCommand command = record.value();
        if (command instanceof ClaimGrant grant) {
            context.forward(record.withValue(grant), ClaimTopology.ADD_TO_WALLET);
            answers.applied(grant.outcome().userId(), grant.coupon().couponId());
        } else if (command instanceof RedemptionCommand redemption) {
            context.forward(record.withValue(redemption), ClaimTopology.REDEEM_COUPON);
            commitIfTheStepCameAlone();
        }
        context.recordMetadata().ifPresent(m -> progress.applied(partition, m.offset()));
    }

    private void commitIfTheStepCameAlone() {
        long now = context.currentSystemTimeMs();
        boolean alone = lastStepAtMs == Long.MIN_VALUE || now - lastStepAtMs >= QUIET_BEFORE_EARLY_COMMIT_MS;
        lastStepAtMs = now;
        if (alone) {
            context.commit();
        }
    }

    @Override
    public void close() {
        progress.forget(partition);
        answers.walletTaskClosed();
    }
}
