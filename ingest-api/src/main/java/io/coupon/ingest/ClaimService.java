package io.coupon.ingest;

import io.coupon.contract.message.Claim;
import io.coupon.domain.ClaimOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Timer;

/**
 * Takes a claim from the HTTP side to Kafka and back: registers for the outcome, makes the claim durable, and
 * waits (without a thread) for the decision, up to the configured wait.
 */
public final class ClaimService {

    private final CommandPublisher publisher;
    private final PendingReplies<ClaimOutcome> pending;
    private final UndecidedClaims undecided;
    private final Duration wait;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer decisionLatency;

    public ClaimService(CommandPublisher publisher, PendingReplies<ClaimOutcome> pending, UndecidedClaims undecided,
                        Duration wait, Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.pending = pending;
        this.undecided = undecided;
        this.wait = wait;
        this.clock = clock;
        this.meters = meters;
        this.decisionLatency = DecisionLatency.timer(meters, "claim");
    }

    /** The decided outcome, or empty when it was accepted but not decided within the wait. */
    public CompletableFuture<Optional<ClaimOutcome>> claim(ClaimCall call) {
        Instant now = clock.instant();
        long sentAt = System.nanoTime();
        Claim claim = new Claim(call.requestId(), call.templateId(), call.userId(), now);
        return pending.submit(pendingKey(call.templateId(), call.requestId(), call.userId()),
                        () -> publisher.send(call.templateId(), claim, now), wait, call.respondAsync(), "claim")
                .thenApply(outcome -> {
                    if (outcome == null) {
                        undecided.accepted(call.templateId(), call.requestId());
                        count("PENDING");
                    } else {
                        count(outcome.status().name());
                        decisionLatency.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS);
                    }
                    return Optional.ofNullable(outcome);
                });
    }

    /** Called by the outcome listener for every committed outcome. */
    public void decided(ClaimOutcome outcome) {
        undecided.decided(outcome.templateId(), outcome.requestId());
        pending.complete(pendingKey(outcome.templateId(), outcome.requestId(), outcome.userId()), outcome);
    }

    public boolean isUndecided(long templateId, String requestId) {
        return undecided.isUndecided(templateId, requestId);
    }

    private void count(String status) {
        Counter.builder("coupon.claims").description("Claims answered by this instance, by outcome")
                .tag("status", status).register(meters).increment();
    }

    private static String pendingKey(long templateId, String requestId, long userId) {
        return templateId + ":" + userId + ":" + requestId;
    }

    /** One claim as the HTTP layer validated it. */
    public record ClaimCall(long templateId, long userId, String requestId, boolean respondAsync) {
    }
}
