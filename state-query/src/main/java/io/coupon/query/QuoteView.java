package io.coupon.query;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.RedemptionAnswers;
import io.coupon.domain.Cart;
import io.coupon.domain.CartQuote;
import io.coupon.domain.CouponDiscount;
import io.coupon.domain.CouponSelection;
import io.coupon.domain.QuoteOptimizer;
import io.coupon.domain.StackedDiscounts;
import io.coupon.domain.Wallet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/orders/quote}: the given coupons checked and priced as a Try would, or, without them, the best
 * combination of the user's usable coupons. Reads the wallet only; changes nothing.
 */
final class QuoteView {

    private QuoteView() {
    }

    /** @param couponIds null: find the best combination */
    static Map<String, Object> of(Wallet wallet, Cart cart, List<String> couponIds, Instant now) {
        CartQuote quote;
        if (couponIds == null) {
            quote = QuoteOptimizer.best(wallet, cart, now);
        } else {
            CouponSelection selection = CouponSelection.of(wallet, couponIds, cart, now);
            if (!selection.usable()) {
                String status = RedemptionAnswers.contractStatus(selection.rejection());
                throw new ApiException(409, status, RedemptionAnswers.message(selection.rejection()),
                        Map.of("status", status, "couponId", selection.rejectedCouponId()), Map.of());
            }
            CartQuote priced = StackedDiscounts.apply(cart, selection.coupons());
            quote = new CartQuote(couponIds.stream()
                    .map(id -> new CouponDiscount(id, priced.discountFor(id))).toList(),
                    priced.discountAmount(), priced.payAmount(), priced.expiryKeys());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("coupons", RedemptionAnswers.coupons(quote.coupons()));
        body.put("discountAmount", quote.discountAmount());
        body.put("payAmount", quote.payAmount());
        return body;
    }
}
