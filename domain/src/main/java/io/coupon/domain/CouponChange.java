package io.coupon.domain;

/** One transition of one coupon, to be published: {@code coupon} is the coupon after it. */
public record CouponChange(String eventType, WalletCoupon coupon) {

    public static final String GRANTED = "GRANTED";
    public static final String LOCKED = "LOCKED";
    public static final String USED = "USED";
    public static final String CANCELLED = "CANCELLED";
    public static final String LOCK_TIMED_OUT = "LOCK_TIMED_OUT";
    public static final String EXPIRED = "EXPIRED";
    /** A used coupon given back by a refund: its status is UNUSED, or EXPIRED if its time ran out meanwhile. */
    public static final String REFUNDED = "REFUNDED";
}
