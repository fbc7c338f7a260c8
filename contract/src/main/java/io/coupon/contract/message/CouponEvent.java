package io.coupon.contract.message;

import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.WalletCoupon;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One state change of one coupon, on {@code coupon-events} keyed by user id. {@code version} grows with every
 * change of the coupon, so a consumer can drop an event older than what it holds.
 *
 * @param discountAmount what the coupon took off its order; set on USED and REFUNDED events
 * @param variant        the experiment variant the coupon was granted in, else null
 * @param orderAmount    the amount of the order the coupon was used on; set on USED events only
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
        String orderId,
        BigDecimal discountAmount,
        String variant,
        BigDecimal orderAmount) {

    /** An event with no amount: every change but a use. */
    public CouponEvent(String eventType, String couponId, long userId, long templateId, CouponStatus status,
                       long version, Instant at, Instant expiresAt, String orderId) {
        this(eventType, couponId, userId, templateId, status, version, at, expiresAt, orderId, null);
    }

    public CouponEvent(String eventType, String couponId, long userId, long templateId, CouponStatus status,
                       long version, Instant at, Instant expiresAt, String orderId, BigDecimal discountAmount) {
        this(eventType, couponId, userId, templateId, status, version, at, expiresAt, orderId, discountAmount, null,
                null);
    }

    /** The event that publishes {@code change} of the coupon held by {@code userId}, at {@code at}. */
    public static CouponEvent of(long userId, CouponChange change, Instant at, BigDecimal discountAmount,
                                 BigDecimal orderAmount) {
        WalletCoupon c = change.coupon();
        return new CouponEvent(change.eventType(), c.couponId(), userId, c.templateId(), c.status(), c.version(), at,
                c.expiresAt(), c.orderId(), discountAmount, c.variant(), orderAmount);
    }

    public static CouponEvent of(long userId, CouponChange change, Instant at, BigDecimal discountAmount) {
        return of(userId, change, at, discountAmount, null);
    }

    public static CouponEvent of(long userId, CouponChange change, Instant at) {
        return of(userId, change, at, null, null);
    }

    public boolean used() {
        return CouponChange.USED.equals(eventType);
    }
}
