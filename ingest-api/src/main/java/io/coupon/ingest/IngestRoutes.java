package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.ClaimAnswers;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.TemplateView;
import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Template;
import io.coupon.domain.TemplatePatch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;

/** The write side of the HTTP contract: templates (and their changes), claims and the blocklist. */
public final class IngestRoutes {

    private final TemplateService templates;
    private final ClaimService claims;
    private final CommandPublisher publisher;
    private final ClaimRateLimiter limiter;
    private final Clock clock;

    public IngestRoutes(TemplateService templates, ClaimService claims, CommandPublisher publisher,
                        ClaimRateLimiter limiter, Clock clock) {
        this.templates = templates;
        this.claims = claims;
        this.publisher = publisher;
        this.limiter = limiter;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/templates", this::defineTemplate);
        routes.patch("/v1/templates/{templateId}", this::patchTemplate);
        routes.post("/v1/templates/{templateId}/claims", this::claim);
        routes.put("/v1/users/{userId}/block", ctx -> changeBlock(ctx, true));
        routes.delete("/v1/users/{userId}/block", ctx -> changeBlock(ctx, false));
    }

    private void defineTemplate(Context ctx) {
        Template template = TemplateRequests.parse(StrictJson.parse(ctx.bodyAsBytes()), clock.instant());
        ctx.future(() -> templates.define(template).thenAccept(result -> answerDefinition(ctx, template, result)));
    }

    private void answerDefinition(Context ctx, Template requested, Optional<TemplateResult> result) {
        if (result.isEmpty()) {
            ctx.status(202).header("Location", "/v1/templates/" + requested.id())
                    .json(java.util.Map.of("status", "PENDING", "id", requested.id()));
            return;
        }
        TemplateResult stored = result.get();
        if (stored.status() == TemplateResult.Status.ALREADY_EXISTS) {
            throw new ApiException(409, "TEMPLATE_EXISTS", "a template with id " + requested.id() + " exists");
        }
        ctx.status(201).json(TemplateView.of(stored.template(), stored.stock(), clock.instant()));
    }

    private void patchTemplate(Context ctx) {
        long templateId = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
        TemplatePatch patch = TemplateRequests.patch(StrictJson.parse(ctx.bodyAsBytes()), clock.instant());
        ctx.future(() -> templates.patch(templateId, patch)
                .thenAccept(result -> answerPatch(ctx, templateId, patch, result)));
    }

    private void answerPatch(Context ctx, long templateId, TemplatePatch patch, Optional<TemplateResult> result) {
        if (result.isEmpty()) {
            ctx.status(202).header("Location", "/v1/templates/" + templateId)
                    .json(java.util.Map.of("status", "PENDING", "id", templateId));
            return;
        }
        TemplateResult answer = result.get();
        switch (answer.status()) {
            case UPDATED -> ctx.status(200).json(TemplateView.of(answer.template(), answer.stock(), clock.instant()));
            case NOT_FOUND -> throw ApiException.notFound("UNKNOWN_TEMPLATE", "no template " + templateId);
            case INVALID -> throw ApiException.badRequest(answer.reason());
            case ENDED -> throw new ApiException(409, "ENDED", answer.reason(), java.util.Map.of("status", "ENDED"),
                    java.util.Map.of());
            // BELOW_GRANTED: the totalCount the client asked for (the stored one is unchanged), beside what is granted
            default -> throw new ApiException(409, answer.status().name(), answer.reason(), java.util.Map.of(
                    "status", answer.status().name(), "totalCount", patch.totalCount(),
                    "granted", answer.stock().granted()), java.util.Map.of());
        }
    }

    private void claim(Context ctx) {
        long templateId = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
        long userId = StrictJson.parse(ctx.bodyAsBytes()).positiveLong("userId");
        String requestId = requestId(ctx.header("Idempotency-Key"));
        boolean respondAsync = preferAsync(ctx.header("Prefer"));
        limiter.admit(userId);
        ClaimService.ClaimCall call = new ClaimService.ClaimCall(templateId, userId, requestId, respondAsync);
        ctx.future(() -> claims.claim(call).thenAccept(outcome -> answerClaim(ctx, call, outcome)));
    }

    private static void answerClaim(Context ctx, ClaimService.ClaimCall call, Optional<ClaimOutcome> outcome) {
        if (outcome.isEmpty()) {
            ctx.status(202).header("Location", ClaimAnswers.location(call.templateId(), call.requestId()))
                    .json(ClaimAnswers.pending(call.templateId(), call.userId(), call.requestId()));
        } else {
            ctx.status(ClaimAnswers.statusCode(outcome.get().status())).json(ClaimAnswers.body(outcome.get()));
        }
    }

    private void changeBlock(Context ctx, boolean block) {
        long userId = PathParams.positiveId("userId", ctx.pathParam("userId"));
        try {
            if (block) {
                publisher.block(userId, clock.instant());
            } else {
                publisher.unblock(userId, clock.instant());
            }
        } catch (KafkaException e) {
            throw ApiException.unavailable("the blocklist change could not be made durable: " + e.getMessage());
        }
        ctx.status(204);
    }

    private static String requestId(String idempotencyKey) {
        return idempotencyKey == null ? RequestIds.next()
                : PathParams.clientId("Idempotency-Key", idempotencyKey);
    }

    private static boolean preferAsync(String prefer) {
        return prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async");
    }
}
