package io.coupon.query;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.ExperimentReportView;
import io.coupon.contract.http.IssuanceView;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.ProfileView;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.domain.ClaimDecider;
import io.coupon.domain.ClaimRequest;
import io.coupon.domain.ClaimState;
import io.coupon.domain.ProfileFacts;
import io.coupon.domain.Template;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The read side of precision marketing (profiles, eligibility, issuance progress, experiment reports), and the
 * internal endpoints other instances forward to when this one owns the key.
 */
public final class MarketingQueryRoutes {

    private final StoreReader reader;
    private final OwnerRoutedReader ownReader;
    private final Clock clock;

    /** @param ownReader null when this process runs no stream (the API role) */
    public MarketingQueryRoutes(StoreReader reader, OwnerRoutedReader ownReader, Clock clock) {
        this.reader = reader;
        this.ownReader = ownReader;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/users/{userId}/profile", this::profile);
        routes.get("/v1/templates/{templateId}/eligibility/{userId}", this::eligibility);
        routes.get("/v1/templates/{templateId}/issuances/{issuanceId}", this::issuance);
        routes.get("/v1/templates/{templateId}/report", this::report);
        if (ownReader != null) {
            routes.get("/internal/v1/profiles/{userId}", ctx -> ctx.future(() -> internal(ctx)
                    .profile(userId(ctx)).thenAccept(ctx::json)));
            routes.get("/internal/v1/templates/{templateId}/users/{userId}/claim-state", ctx -> ctx.future(() ->
                    internal(ctx).claimState(templateId(ctx), userId(ctx)).thenAccept(s -> QueryRoutes.jsonOr404(ctx, s.orElse(null)))));
            routes.get("/internal/v1/templates/{templateId}/issuances/{issuanceId}", ctx -> ctx.future(() ->
                    internal(ctx).issuance(templateId(ctx), ctx.pathParam("issuanceId"))
                            .thenAccept(p -> QueryRoutes.jsonOr404(ctx, p.orElse(null)))));
            routes.get("/internal/v1/templates/{templateId}/experiment", ctx -> ctx.future(() ->
                    internal(ctx).experiment(templateId(ctx)).thenAccept(t -> QueryRoutes.jsonOr404(ctx, t.orElse(null)))));
        }
    }

    private void profile(Context ctx) {
        long userId = userId(ctx);
        ctx.future(() -> reader.profile(userId).thenAccept(p -> {
            if (p.profile() == null) {
                throw ApiException.notFound("PROFILE_NOT_FOUND", "no profile was ever PUT for user " + userId);
            }
            ctx.json(ProfileView.of(userId, p.profile(), p.stats(), clock.instant()));
        }));
    }

    /**
     * Whether a claim by the user would be granted now, and if not the reason the decider would give first (its
     * order: window, blocklist, audience, limit, stock). Reads only; a concurrent claim may of course differ.
     */
    private void eligibility(Context ctx) {
        long templateId = templateId(ctx);
        long userId = userId(ctx);
        Instant now = clock.instant();
        ctx.future(() -> reader.claimState(templateId, userId).thenCompose(state -> {
            if (state.isEmpty()) {
                throw ApiException.notFound("UNKNOWN_TEMPLATE", "no template " + templateId);
            }
            Template template = state.get().template();
            CompletableFuture<Boolean> inside = !template.hasAudience() ? CompletableFuture.completedFuture(true)
                    : reader.profile(userId).thenApply(p ->
                            ProfileFacts.inside(template.audience(), p.profile(), p.stats(), now));
            return inside.thenApply(in -> {
                ClaimState s = state.get();
                ClaimState judged = new ClaimState(template, s.stock(), s.userClaims(), s.blocked(), null, !in);
                return ClaimDecider.rejection(judged, template, new ClaimRequest(templateId, userId, "", now));
            });
        }).thenAccept(reason -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eligible", reason == null);
            body.put("reason", reason == null ? null : reason.name());
            ctx.json(body);
        }));
    }

    private void issuance(Context ctx) {
        long templateId = templateId(ctx);
        String issuanceId = PathParams.clientId("issuanceId", ctx.pathParam("issuanceId"));
        ctx.future(() -> reader.issuance(templateId, issuanceId).thenAccept(p -> ctx.json(IssuanceView.of(p
                .orElseThrow(() -> ApiException.notFound("ISSUANCE_NOT_FOUND", "no issuance " + issuanceId
                        + " of template " + templateId))))));
    }

    private void report(Context ctx) {
        long templateId = templateId(ctx);
        ctx.future(() -> reader.template(templateId).thenCompose(snapshot -> {
            Template template = snapshot.map(TemplateSnapshot::template).orElseThrow(
                    () -> ApiException.notFound("UNKNOWN_TEMPLATE", "no template " + templateId));
            if (!template.experiment()) {
                throw ApiException.notFound("NO_EXPERIMENT", "template " + templateId + " has no variants");
            }
            return reader.experiment(templateId).thenApply(tally -> ExperimentReportView.of(template,
                    tally.orElse(ExperimentTally.empty()).variants()));
        }).thenAccept(ctx::json));
    }

    private StoreReader internal(Context ctx) {
        return ctx.header(RemoteReader.FORWARDED_HEADER) != null ? ownReader.localOnly() : ownReader;
    }

    private static long templateId(Context ctx) {
        return PathParams.positiveId("templateId", ctx.pathParam("templateId"));
    }

    private static long userId(Context ctx) {
        return PathParams.positiveId("userId", ctx.pathParam("userId"));
    }
}
