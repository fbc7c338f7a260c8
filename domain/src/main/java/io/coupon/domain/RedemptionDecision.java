package io.coupon.domain;

import java.util.List;

/**
 * What a redemption step decided: the answer, and what to write.
 *
 * @param order   the order as it stands after the step; null when there is none (a rejected Try, an unknown order)
 * @param wallet  the wallet after the step
 * @param changes coupon transitions to publish, in order
 */
public record RedemptionDecision(RedemptionStatus status, Order order, Wallet wallet, List<CouponChange> changes) {

    public boolean changed() {
        return !changes.isEmpty();
    }
}
