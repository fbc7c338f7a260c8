package io.coupon.contract.message;

import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.WalletCoupon;
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

    /** The event that publishes {@code change} of the coupon held by {@code userId}, at {@code at}. */
    public static CouponEvent of(long userId, CouponChange change, Instant at) {
        WalletCoupon c = change.coupon();
        return new CouponEvent(change.eventType(), c.couponId(), userId, c.templateId(), c.status(), c.version(), at,
                c.expiresAt(), c.orderId());
    }
}
