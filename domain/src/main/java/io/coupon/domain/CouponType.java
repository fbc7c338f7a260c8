package io.coupon.domain;

/** How a coupon takes money off an order. */
public enum CouponType {
    /** A fixed amount off, with no threshold. */
    CASH,
    /** 满减: a fixed amount off once the order reaches the threshold. */
    THRESHOLD,
    /** 折扣: the customer pays {@code discount} × amount, optionally above a threshold and under a cap. */
    DISCOUNT
}
