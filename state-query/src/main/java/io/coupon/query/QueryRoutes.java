package io.coupon.query;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.CartRequests;
import io.coupon.contract.http.ClaimAnswers;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.TemplateView;
import io.coupon.domain.Cart;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimRequest;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.Discounts;
import io.coupon.domain.UsableCoupon;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;

/**
 * The read side of the HTTP contract (templates, wallets, claim lookups, order quotes), plus the internal endpoints other
 * instances forward to when this one owns the key.
 */
public final class QueryRoutes {

    private final StoreReader reader;
    private final OwnerRoutedReader ownReader;
    private final BiPredicate<Long, String> undecidedClaim;
    private final Clock clock;

    /**
     * @param ownReader      null when this process runs no stream (the API role): it serves no internal reads
     * @param undecidedClaim whether this instance accepted a claim that is not decided yet
     */
    public QueryRoutes(StoreReader reader, OwnerRoutedReader ownReader, BiPredicate<Long, String> undecidedClaim,
                       Clock clock) {
        this.reader = reader;
        this.ownReader = ownReader;
        this.undecidedClaim = undecidedClaim;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/templates/{templateId}", this::template);
        routes.get("/v1/users/{userId}/coupons", this::wallet);
        routes.get("/v1/users/{userId}/coupons/best", this::best);
        routes.get("/v1/templates/{templateId}/claims/{requestId}", this::claim);
        routes.post("/v1/orders/quote", this::quote);
        if (ownReader != null) {
            routes.get("/internal/v1/templates/{templateId}", ctx -> {
                long id = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
                ctx.future(() -> internal(ctx).template(id).thenAccept(t -> jsonOr404(ctx, t.orElse(null))));
            });
            routes.get("/internal/v1/wallets/{userId}", ctx -> {
                long id = PathParams.positiveId("userId", ctx.pathParam("userId"));
                ctx.future(() -> internal(ctx).wallet(id).thenAccept(ctx::json));
            });
            routes.get("/internal/v1/templates/{templateId}/claims/{requestId}", ctx -> {
                long id = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
                String requestId = ctx.pathParam("requestId");
                ctx.future(() -> internal(ctx).claim(id, requestId).thenAccept(o -> jsonOr404(ctx, o.orElse(null))));
            });
        }
    }

    private void template(Context ctx) {
        long id = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
        ctx.future(() -> reader.template(id).thenAccept(snapshot -> ctx.json(snapshot
                .map(s -> TemplateView.of(s.template(), s.stock(), clock.instant()))
                .orElseThrow(() -> ApiException.notFound("UNKNOWN_TEMPLATE", "no template " + id)))));
    }

    private void wallet(Context ctx) {
        long userId = PathParams.positiveId("userId", ctx.pathParam("userId"));
        CouponStatus only = status(ctx.queryParam("status"));
        WalletPage page = WalletPage.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
        String usableFor = ctx.queryParam("usableFor");
        if (usableFor != null) {
            BigDecimal amount = amount("usableFor", usableFor);
            ctx.future(() -> reader.wallet(userId).thenAccept(wallet -> ctx.json(
                    WalletView.usable(userId, UsableCoupon.rank(wallet, amount, clock.instant()), only, page))));
            return;
        }
        ctx.future(() -> reader.wallet(userId)
                .thenAccept(wallet -> ctx.json(WalletView.of(userId, wallet.viewAt(clock.instant(), only), page))));
    }

    private void best(Context ctx) {
        long userId = PathParams.positiveId("userId", ctx.pathParam("userId"));
        String raw = ctx.queryParam("orderAmount");
        if (raw == null) {
            throw ApiException.badRequest("orderAmount is required");
        }
        BigDecimal amount = amount("orderAmount", raw);
        ctx.future(() -> reader.wallet(userId).thenAccept(wallet -> ctx.json(
                BestCouponView.of(UsableCoupon.best(wallet, amount, clock.instant()), amount))));
    }

    /** Prices a cart against the user's wallet, read where it lives; changes nothing. */
    private void quote(Context ctx) {
        StrictJson body = StrictJson.parse(ctx.bodyAsBytes());
        long userId = body.positiveLong("userId");
        Cart cart = CartRequests.cart(body);
        List<String> couponIds = body.has("couponIds") ? CartRequests.couponIds(body) : null;
        ctx.future(() -> reader.wallet(userId)
                .thenAccept(wallet -> ctx.json(QuoteView.of(wallet, cart, couponIds, clock.instant()))));
    }

    /**
     * A claim by its request id. A GRANTED outcome is shown only once the coupon is in the wallet (the
     * decision is recorded one step before the wallet write), so whoever saw it granted finds it there.
     * With {@code ?userId=}, a user who reused another user's key gets the 422 the claim call would give.
     */
    private void claim(Context ctx) {
        long templateId = PathParams.positiveId("templateId", ctx.pathParam("templateId"));
        String requestId = ctx.pathParam("requestId");
        String rawUser = ctx.queryParam("userId");
        Long asker = rawUser == null ? null : PathParams.positiveId("userId", rawUser);
        ctx.future(() -> reader.claim(templateId, requestId).thenCompose(this::visible).thenAccept(lookup -> {
            if (lookup == null) {
                ctx.status(202).json(ClaimAnswers.pending(templateId, asker, requestId));
            } else if (lookup.isPresent() && asker != null && lookup.get().userId() != asker) {
                ClaimOutcome reused = lookup.get().asKeyReusedBy(
                        new ClaimRequest(templateId, asker, requestId, lookup.get().decidedAt()));
                ctx.status(ClaimAnswers.statusCode(reused.status())).json(ClaimAnswers.body(reused));
            } else if (lookup.isPresent()) {
                ctx.status(200).json(ClaimAnswers.body(lookup.get()));
            } else if (undecidedClaim.test(templateId, requestId)) {
                ctx.status(202).json(ClaimAnswers.pending(templateId, asker, requestId));
            } else {
                throw ApiException.notFound("CLAIM_NOT_FOUND", "no claim " + requestId + " for template " + templateId);
            }
        }));
    }

    /** The outcome as a client may see it: null while a grant is decided but not yet in the wallet. */
    private CompletableFuture<Optional<ClaimOutcome>> visible(Optional<ClaimOutcome> outcome) {
        if (outcome.isEmpty() || !outcome.get().status().granted()) {
            return CompletableFuture.completedFuture(outcome);
        }
        ClaimOutcome granted = outcome.get();
        return reader.wallet(granted.userId())
                .thenApply(wallet -> wallet.find(granted.couponId()).isPresent() ? outcome : null);
    }

    private StoreReader internal(Context ctx) {
        return ctx.header(RemoteReader.FORWARDED_HEADER) != null ? ownReader.localOnly() : ownReader;
    }

    static void jsonOr404(Context ctx, Object value) {
        if (value == null) {
            ctx.status(404).json(new ApiException(404, "NOT_FOUND", "not found").body());
        } else {
            ctx.json(value);
        }
    }

    /** An order amount in a query string: a positive decimal with at most 2 decimals. */
    private static BigDecimal amount(String name, String raw) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a decimal amount like 250.00");
        }
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw ApiException.badRequest(name + " must be a positive amount with at most 2 decimals");
        }
        return Discounts.money(amount);
    }

    private static CouponStatus status(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return CouponStatus.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of UNUSED, LOCKED, USED, EXPIRED");
        }
    }
}
