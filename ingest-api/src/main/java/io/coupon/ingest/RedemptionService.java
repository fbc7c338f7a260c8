package io.coupon.ingest;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.http.RedemptionAnswers;
import io.coupon.contract.http.RedemptionAnswers.Outcome;
import io.coupon.contract.http.RedemptionAnswers.Step;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes Try, Confirm and Cancel to the stream and back, like claims: registered for the answer first, made
 * durable, then waited for without a thread. A step is written only once the grants this process answered for
 * the user are in the wallet ({@link LocalAnswers}): a Try sent right after a 201 then lands behind its grant.
 */
public final class RedemptionService {

    private final CommandPublisher publisher;
    private final PendingReplies<RedemptionResult> pending;
    private final Duration wait;
    private final MeterRegistry meters;
    private final Timer decisionLatency;
    private final LocalAnswers answers;
    private final Duration grantsWait;

    /** @param grantsWait how long a step waits for its user's grants, as a wallet read does */
    public RedemptionService(CommandPublisher publisher, PendingReplies<RedemptionResult> pending, Duration wait,
                             MeterRegistry meters, LocalAnswers answers, Duration grantsWait) {
        this.publisher = publisher;
        this.answers = answers;
        this.grantsWait = grantsWait;
        this.pending = pending;
        this.wait = wait;
        this.meters = meters;
        this.decisionLatency = DecisionLatency.timer(meters, "redemption");
    }

    /** The answer, or empty when the command was made durable but not decided within the wait. */
    public CompletableFuture<Optional<RedemptionResult>> submit(RedemptionCommand command) {
        long sentAt = System.nanoTime();
        return answers.grantsApplied(command.userId(), grantsWait)
                .thenCompose(ignored -> pending.submit(command.requestId(), () -> publisher.send(command), wait,
                        false, "request"))
                .thenApply(result -> {
                    count(command, result);
                    if (result != null) {
                        decisionLatency.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS);
                    }
                    return Optional.ofNullable(result);
                });
    }

    /** Counts the answer by step, status and outcome: a repeat or a refusal may carry a transition's status. */
    private void count(RedemptionCommand command, RedemptionResult result) {
        Step step = Step.of(command);
        String status = result == null ? Outcome.PENDING.name() : result.status().name();
        Outcome outcome = result == null ? Outcome.PENDING : RedemptionAnswers.outcome(step, result);
        Counter.builder("coupon.redemptions").description("Redemption steps answered by this instance, by outcome")
                .tag("step", step.name().toLowerCase(Locale.ROOT)).tag("status", status)
                .tag("outcome", outcome.name()).register(meters).increment();
    }

    public void decided(RedemptionResult result) {
        pending.complete(result.requestId(), result);
    }
}
