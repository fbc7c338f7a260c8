package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.CartRequests;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.RedemptionAnswers;
import io.coupon.contract.http.RedemptionAnswers.Step;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.RefundRedemption;
import io.coupon.contract.message.TryRedemption;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.coupon.domain.Cart;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Redemption (用券) as Try / Confirm / Cancel, and Refund after a confirm. */
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
        routes.post("/v1/redemptions/{orderId}/refund", ctx -> orderStep(ctx, Step.REFUND));
    }

    private void tryLock(Context ctx) {
        StrictJson body = StrictJson.parse(ctx.bodyAsBytes());
        long userId = body.positiveLong("userId");
        String orderId = PathParams.clientId("orderId", body.text("orderId"));
        if (body.has("couponId") == body.has("couponIds")) {
            throw ApiException.badRequest("give either couponId or couponIds");
        }
        List<String> couponIds = body.has("couponIds") ? CartRequests.couponIds(body) : null;
        String first = couponIds != null ? couponIds.get(0) : PathParams.clientId("couponId", body.text("couponId"));
        Cart cart = CartRequests.cart(body);
        TryRedemption attempt = new TryRedemption(RequestIds.next(), userId, orderId, first,
                cart.items() == null ? cart.total() : null, now(), couponIds, cart.items());
        answer(ctx, Step.TRY, attempt);
    }

    private void orderStep(Context ctx, Step step) {
        String orderId = PathParams.clientId("orderId", ctx.pathParam("orderId"));
        long userId = StrictJson.parse(ctx.bodyAsBytes()).positiveLong("userId");
        String requestId = RequestIds.next();
        RedemptionCommand command = switch (step) {
            case CONFIRM -> new ConfirmRedemption(requestId, userId, orderId, now());
            case REFUND -> new RefundRedemption(requestId, userId, orderId, now());
            default -> new CancelRedemption(requestId, userId, orderId, now());
        };
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
