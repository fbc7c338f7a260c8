package io.coupon.domain;

import java.math.BigDecimal;

/** What one coupon takes off one order: {@code discountAmount + payAmount} is the order amount. */
public record Quote(BigDecimal discountAmount, BigDecimal payAmount) {

    public static Quote none(BigDecimal orderAmount) {
        return new Quote(Discounts.money(BigDecimal.ZERO), Discounts.money(orderAmount));
    }
}
