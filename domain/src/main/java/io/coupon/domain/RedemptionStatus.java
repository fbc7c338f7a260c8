package io.coupon.domain;

/** Every answer a Try, Confirm or Cancel can get. */
public enum RedemptionStatus {
    /** Try succeeded: the coupon is held for the order. */
    LOCKED,
    /** The order was confirmed: the coupon is spent. */
    USED,
    /** The order was cancelled, by its owner or by the lock timeout. */
    CANCELLED,
    /** Confirm or Cancel of an order this user does not have. */
    ORDER_NOT_FOUND,
    /** Try of a coupon this user does not hold. */
    COUPON_NOT_FOUND,
    ALREADY_USED,
    /** Try of a coupon another order holds. */
    LOCKED_BY_ANOTHER_ORDER,
    /** Try with an order id that already holds, or used, another coupon. */
    ORDER_CONFLICT,
    EXPIRED,
    NOT_YET_VALID,
    BELOW_THRESHOLD,
    /** The coupon's scope covers no line of the order (or the order is a plain amount and the coupon scoped). */
    NOT_APPLICABLE,
    /** The coupons asked for cannot be combined: an exclusive one with others, or two of one stack group. */
    NOT_STACKABLE,
    /** The order was confirmed, then refunded: its coupons went back to the wallet. */
    REFUNDED
}
