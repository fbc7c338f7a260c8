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
 * and each applied grant to {@link LocalAnswers}, which may have answered it before it reached the partition.
 */
final class RouteWalletCommandProcessor implements Processor<Long, WalletCommand, Long, WalletCommand> {

    private final WalletProgress progress;
    private final LocalAnswers answers;
    private ProcessorContext<Long, WalletCommand> context;
    private int partition;

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
        }
        context.recordMetadata().ifPresent(m -> progress.applied(partition, m.offset()));
    }

    @Override
    public void close() {
        progress.forget(partition);
        answers.walletTaskClosed();
    }
}
