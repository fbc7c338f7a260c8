package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order that locked a coupon. It exists only once a Try succeeded: a rejected Try creates none. The amounts
 * are kept so that a repeated Try is answered exactly as the first.
 */
public record Order(
        String orderId,
        long userId,
        String couponId,
        BigDecimal orderAmount,
        BigDecimal discountAmount,
        BigDecimal payAmount,
        OrderStatus status,
        Instant lockedUntil) {

    public Order withStatus(OrderStatus next) {
        return new Order(orderId, userId, couponId, orderAmount, discountAmount, payAmount, next, lockedUntil);
    }
}
