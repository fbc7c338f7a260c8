package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A Try: lock {@code couponId} for {@code orderId}. {@code at} is when the API accepted it. */
public record RedemptionRequest(String orderId, long userId, String couponId, BigDecimal orderAmount, Instant at) {
}
