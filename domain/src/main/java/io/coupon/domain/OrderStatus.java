package io.coupon.domain;

/** Where an order's redemption stands: Try made it LOCKED, Confirm USED, Cancel or the lock timeout CANCELLED,
 * a refund after Confirm REFUNDED. */
public enum OrderStatus {
    LOCKED, USED, CANCELLED, REFUNDED
}
