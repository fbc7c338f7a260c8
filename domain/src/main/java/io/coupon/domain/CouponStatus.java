package io.coupon.domain;

/** The lifecycle of one coupon in a wallet. */
public enum CouponStatus {
    UNUSED, LOCKED, USED, EXPIRED
}
