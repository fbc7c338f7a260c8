package io.coupon.domain;

/** Whether a coupon combines with others on one order. */
public enum Stacking {
    /** Used alone (the default). */
    EXCLUSIVE,
    /** Combines with stackable coupons of other stack groups: at most one coupon of a group per order. */
    STACKABLE
}
