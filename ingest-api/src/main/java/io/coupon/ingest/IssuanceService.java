package io.coupon.ingest;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.StartIssuance;
import io.coupon.domain.Audience;
import io.coupon.domain.Template;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.apache.kafka.common.KafkaException;

/**
 * Starts targeted issuances: checks the template exists, takes its audience when the request names neither an
 * audience nor users, and starts the walk on every partition in one transaction. It answers once the start is
 * recorded, so the progress can be read at once; the same issuance id again starts nothing new.
 */
public final class IssuanceService {

    private final CommandPublisher publisher;
    private final PendingReplies<IssuanceResult> pending;
    private final LongFunction<CompletableFuture<Optional<Template>>> templates;
    private final Duration wait;
    private final Clock clock;

    public IssuanceService(CommandPublisher publisher, PendingReplies<IssuanceResult> pending,
                           LongFunction<CompletableFuture<Optional<Template>>> templates, Duration wait, Clock clock) {
        this.publisher = publisher;
        this.pending = pending;
        this.templates = templates;
        this.wait = wait;
        this.clock = clock;
    }

    /** One request as the HTTP layer validated it: {@code audience} and {@code userIds} both null, or one set. */
    public record IssuanceCall(long templateId, String issuanceId, Audience audience, List<Long> userIds) {
    }

    /** The recorded start, or empty when it is durable but was not recorded within the wait. */
    public CompletableFuture<Optional<IssuanceResult>> start(IssuanceCall call) {
        return templates.apply(call.templateId()).thenCompose(template -> {
            if (template.isEmpty()) {
                throw ApiException.notFound("UNKNOWN_TEMPLATE", "no template " + call.templateId());
            }
            Audience audience = call.userIds() == null && call.audience() == null ? template.get().audience()
                    : call.audience();
            String requestId = RequestIds.next();
            return pending.submit(requestId, () -> send(call, audience, requestId), wait, false, "issuance")
                    .thenApply(Optional::ofNullable);
        });
    }

    private CompletableFuture<?> send(IssuanceCall call, Audience audience, String requestId) {
        try {
            publisher.startIssuance(new StartIssuance(requestId, call.templateId(), call.issuanceId(), audience,
                    call.userIds(), publisher.userPartitions(), clock.instant()));
            return CompletableFuture.completedFuture(null);
        } catch (KafkaException | ApiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public void recorded(IssuanceResult result) {
        pending.complete(result.requestId(), result);
    }
}
