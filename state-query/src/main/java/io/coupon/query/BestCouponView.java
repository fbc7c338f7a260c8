package io.coupon.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coupon.domain.Quote;
import io.coupon.domain.UsableCoupon;
import java.math.BigDecimal;
import java.util.Optional;

/** The answer of {@code /coupons/best}: the coupon (or null) and what the order comes to with it. */
public record BestCouponView(ObjectNode coupon, BigDecimal discountAmount, BigDecimal payAmount) {

    public static BestCouponView of(Optional<UsableCoupon> best, BigDecimal orderAmount) {
        Quote quote = best.map(UsableCoupon::quote).orElse(Quote.none(orderAmount));
        return new BestCouponView(best.map(WalletView::withQuote).orElse(null), quote.discountAmount(),
                quote.payAmount());
    }
}
