package io.coupon.ingest;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.contract.message.PatchTemplate;
import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.Template;
import io.coupon.domain.TemplatePatch;
import io.coupon.domain.TemplateValidation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Defines templates through the decider's own partition, and answers only once the decider has stored the
 * definition: from then on every claim of the template is decided against it.
 */
public final class TemplateService {

    private final CommandPublisher publisher;
    private final PendingReplies<TemplateResult> pending;
    private final Duration wait;
    private final Clock clock;

    public TemplateService(CommandPublisher publisher, PendingReplies<TemplateResult> pending, Duration wait,
                           Clock clock) {
        this.publisher = publisher;
        this.pending = pending;
        this.wait = wait;
        this.clock = clock;
    }

    /** The stored result, or empty if the decider did not confirm within the wait (the definition stays queued). */
    public CompletableFuture<Optional<TemplateResult>> define(Template template) {
        Instant now = clock.instant();
        List<String> problems = TemplateValidation.problems(template, now);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(String.join("; ", problems));
        }
        String requestId = RequestIds.next();
        return pending.submit(requestId, () -> publisher.send(template.id(), new DefineTemplate(requestId, template),
                        now), wait, false, "template")
                .thenApply(Optional::ofNullable);
    }

    /**
     * Sends a change to the template's partition and waits until the decider applied (or refused) it: the answer,
     * or empty if it did not within the wait (the change stays queued and will be applied).
     */
    public CompletableFuture<Optional<TemplateResult>> patch(long templateId, TemplatePatch patch) {
        Instant now = clock.instant();
        String requestId = RequestIds.next();
        return pending.submit(requestId, () -> publisher.send(templateId,
                        new PatchTemplate(requestId, templateId, patch, now), now), wait, false, "template change")
                .thenApply(Optional::ofNullable);
    }

    public void decided(TemplateResult result) {
        pending.complete(result.requestId(), result);
    }
}
