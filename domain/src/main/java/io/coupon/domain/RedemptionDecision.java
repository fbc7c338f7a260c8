package io.coupon.domain;

import java.util.List;

/**
 * What a redemption step decided: the answer, and what to write.
 *
 * @param order    the order as it stands after the step; null when there is none (a rejected Try, an unknown order)
 * @param wallet   the wallet after the step
 * @param changes  coupon transitions to publish, in order
 * @param couponId the coupon a rejected Try was rejected for (the first that failed); null otherwise
 */
public record RedemptionDecision(RedemptionStatus status, Order order, Wallet wallet, List<CouponChange> changes,
                                 String couponId) {

    public RedemptionDecision(RedemptionStatus status, Order order, Wallet wallet, List<CouponChange> changes) {
        this(status, order, wallet, changes, null);
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /**
     * Whether this step moved the order into another status (made, confirmed, cancelled or refunded it), as
     * opposed to finding it where it already was, or finding none: a repeated step answers like the first, and
     * only the first did something.
     */
    public boolean movedOrder(Order before) {
        return order != null && (before == null || before.status() != order.status());
    }
}
