package io.coupon.domain;

/** A coupon was asked to make a move its lifecycle forbids; deciders rule these out, so this is a bug. */
public final class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String couponId, CouponStatus from, String transition) {
        super("coupon " + couponId + " cannot " + transition + " from " + from);
    }
}
