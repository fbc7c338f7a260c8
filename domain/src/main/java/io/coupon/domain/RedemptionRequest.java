package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A Try: lock {@code couponIds} (or the single {@code couponId}) for {@code orderId}, priced on {@code items} or,
 * without them, on {@code orderAmount}. {@code at} is when the API accepted it.
 *
 * @param couponId  the first (or only) coupon
 * @param couponIds null for a single-coupon Try
 * @param items     null: priced on {@code orderAmount}
 */
public record RedemptionRequest(String orderId, long userId, String couponId, BigDecimal orderAmount, Instant at,
                                List<String> couponIds, List<OrderItem> items) {

    public RedemptionRequest(String orderId, long userId, String couponId, BigDecimal orderAmount, Instant at) {
        this(orderId, userId, couponId, orderAmount, at, null, null);
    }

    public List<String> allCouponIds() {
        return couponIds != null ? couponIds : List.of(couponId);
    }

    public Cart cart() {
        return items != null ? Cart.ofItems(items) : Cart.ofAmount(orderAmount);
    }
}
