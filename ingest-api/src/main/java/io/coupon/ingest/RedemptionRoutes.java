package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.RedemptionAnswers;
import io.coupon.contract.http.RedemptionAnswers.Step;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.TryRedemption;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Redemption (用券) as Try / Confirm / Cancel. */
public final class RedemptionRoutes {

    private final RedemptionService redemptions;
    private final Clock clock;

    public RedemptionRoutes(RedemptionService redemptions, Clock clock) {
        this.redemptions = redemptions;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/redemptions", this::tryLock);
        routes.post("/v1/redemptions/{orderId}/confirm", ctx -> orderStep(ctx, Step.CONFIRM));
        routes.post("/v1/redemptions/{orderId}/cancel", ctx -> orderStep(ctx, Step.CANCEL));
    }

    private void tryLock(Context ctx) {
        StrictJson body = StrictJson.parse(ctx.bodyAsBytes());
        BigDecimal amount = body.money("orderAmount");
        if (amount.signum() <= 0) {
            throw ApiException.badRequest("orderAmount must be positive");
        }
        TryRedemption attempt = new TryRedemption(UUID.randomUUID().toString(), body.positiveLong("userId"),
                PathParams.clientId("orderId", body.text("orderId")),
                PathParams.clientId("couponId", body.text("couponId")), amount, now());
        answer(ctx, Step.TRY, attempt);
    }

    private void orderStep(Context ctx, Step step) {
        String orderId = PathParams.clientId("orderId", ctx.pathParam("orderId"));
        long userId = StrictJson.parse(ctx.bodyAsBytes()).positiveLong("userId");
        String requestId = UUID.randomUUID().toString();
        RedemptionCommand command = step == Step.CONFIRM
                ? new ConfirmRedemption(requestId, userId, orderId, now())
                : new CancelRedemption(requestId, userId, orderId, now());
        answer(ctx, step, command);
    }

    private void answer(Context ctx, Step step, RedemptionCommand command) {
        ctx.future(() -> redemptions.submit(command).thenAccept(result -> write(ctx, step, command, result)));
    }

    private static void write(Context ctx, Step step, RedemptionCommand command, Optional<RedemptionResult> result) {
        if (result.isEmpty()) {
            ctx.status(202).json(RedemptionAnswers.pending(command.orderId()));
        } else {
            ctx.status(RedemptionAnswers.statusCode(step, result.get().status()))
                    .json(RedemptionAnswers.body(step, result.get()));
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
