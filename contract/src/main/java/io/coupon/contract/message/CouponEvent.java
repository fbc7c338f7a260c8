package io.coupon.contract.message;

import io.coupon.domain.CouponStatus;
import java.time.Instant;

/**
 * One state change of one coupon, on {@code coupon-events} keyed by user id. {@code version} grows with every
 * change of the coupon, so a consumer can drop an event older than what it holds.
 */
public record CouponEvent(
        String eventType,
        String couponId,
        long userId,
        long templateId,
        CouponStatus status,
        long version,
        Instant at,
        Instant expiresAt,
        String orderId) {

    public static final String GRANTED = "GRANTED";
}
