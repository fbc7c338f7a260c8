package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.IssuanceView;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.ProfileView;
import io.coupon.domain.Profile;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;

/** The write side of precision marketing: profile PUTs and targeted issuances. */
public final class MarketingRoutes {

    private final ProfileService profiles;
    private final IssuanceService issuances;
    private final Clock clock;

    public MarketingRoutes(ProfileService profiles, IssuanceService issuances, Clock clock) {
        this.profiles = profiles;
        this.issuances = issuances;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.put("/v1/users/{userId}/profile", this::putProfile);
        routes.post("/v1/templates/{templateId}/issuances", this::startIssuance);
    }

    private void putProfile(Context ctx) {
        long userId = PathParams.positiveId("userId", ctx.pathParam("userId"));
        Profile profile = MarketingRequests.profile(StrictJson.parse(ctx.bodyAsBytes()));
        ctx.future(() -> profiles.put(userId, profile).thenAccept(stored -> {
            if (stored.isEmpty()) {
                ctx.status(202).header("Location", "/v1/users/" + userId + "/profile")
                        .json(Map.of("status", "PENDING", "userId", userId));
            } else {
                ctx.status(200).json(ProfileView.of(userId, stored.get().profile(), stored.get().stats(),
                        clock.instant()));
            }
        }));
    }

    private void startIssuance(Context ctx) {
        long templateId = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
        StrictJson body = StrictJson.parse(ctx.bodyAsBytes());
        String issuanceId = PathParams.clientId("issuanceId", body.text("issuanceId"));
        if (body.has("audience") && body.has("userIds")) {
            throw ApiException.badRequest("give an audience or userIds, not both");
        }
        IssuanceService.IssuanceCall call = new IssuanceService.IssuanceCall(templateId, issuanceId,
                MarketingRequests.audience(body, "audience"), MarketingRequests.userIds(body));
        ctx.future(() -> issuances.start(call).thenAccept(result -> {
            ctx.status(202).header("Location", IssuanceView.location(templateId, issuanceId));
            if (result.isPresent()) {
                ctx.json(IssuanceView.of(result.get().progress()));
            } else {
                ctx.json(Map.of("issuanceId", issuanceId, "templateId", templateId, "status", "RUNNING"));
            }
        }));
    }
}
