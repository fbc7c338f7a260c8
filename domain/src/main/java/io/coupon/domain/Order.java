package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order that locked coupons. It exists only once a Try succeeded: a rejected Try creates none. The amounts
 * are kept so that a repeated Try is answered exactly as the first.
 *
 * @param couponId the first coupon the Try named (the only one of a single-coupon Try)
 * @param coupons  every coupon of the order with its part of the discount, in the order the Try gave them; null on
 *                 orders stored before orders could hold several coupons (then {@code couponId} alone)
 */
public record Order(
        String orderId,
        long userId,
        String couponId,
        BigDecimal orderAmount,
        BigDecimal discountAmount,
        BigDecimal payAmount,
        OrderStatus status,
        Instant lockedUntil,
        List<CouponDiscount> coupons) {

    /** A single-coupon order. */
    public Order(String orderId, long userId, String couponId, BigDecimal orderAmount, BigDecimal discountAmount,
                 BigDecimal payAmount, OrderStatus status, Instant lockedUntil) {
        this(orderId, userId, couponId, orderAmount, discountAmount, payAmount, status, lockedUntil, null);
    }

    public Order withStatus(OrderStatus next) {
        return new Order(orderId, userId, couponId, orderAmount, discountAmount, payAmount, next, lockedUntil,
                coupons);
    }

    /** Every coupon of the order with its discount. */
    public List<CouponDiscount> couponDiscounts() {
        return coupons != null ? coupons : List.of(new CouponDiscount(couponId, discountAmount));
    }

    public List<String> couponIds() {
        return couponDiscounts().stream().map(CouponDiscount::couponId).toList();
    }

    /** What {@code id} took off this order; null if it is not one of its coupons. */
    public BigDecimal discountFor(String id) {
        return couponDiscounts().stream().filter(c -> c.couponId().equals(id)).map(CouponDiscount::discountAmount)
                .findFirst().orElse(null);
    }
}
