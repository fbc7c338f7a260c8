package io.coupon.ingest;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Takes Try, Confirm and Cancel to the stream and back, like claims: registered for the answer first, made
 * durable, then waited for without a thread.
 */
public final class RedemptionService {

    private final CommandPublisher publisher;
    private final PendingReplies<RedemptionResult> pending;
    private final Duration wait;

    public RedemptionService(CommandPublisher publisher, PendingReplies<RedemptionResult> pending, Duration wait) {
        this.publisher = publisher;
        this.pending = pending;
        this.wait = wait;
    }

    /** The answer, or empty when the command was made durable but not decided within the wait. */
    public CompletableFuture<Optional<RedemptionResult>> submit(RedemptionCommand command) {
        String key = command.requestId();
        CompletableFuture<RedemptionResult> reply = pending.register(key).orElseThrow(
                () -> ApiException.unavailable("too many requests are waiting for a decision; retry shortly"));
        return publisher.send(command)
                .handle((metadata, error) -> {
                    if (error != null) {
                        pending.abandon(key, reply);
                        throw new CompletionException(ApiException.unavailable(
                                "the request could not be made durable and has no effect: " + error.getMessage()));
                    }
                    return metadata;
                })
                .thenCompose(durable -> pending.await(key, reply, wait))
                .thenApply(Optional::ofNullable);
    }

    public void decided(RedemptionResult result) {
        pending.complete(result.requestId(), result);
    }
}
