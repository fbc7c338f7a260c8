package io.coupon.contract.message;

import io.coupon.domain.Order;
import io.coupon.domain.RedemptionStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The answer to one redemption command, on {@code redemption-results} keyed by user id. The amounts and
 * {@code lockedUntil} are those of the order (null when there is none).
 */
public record RedemptionResult(
        String requestId,
        long userId,
        String orderId,
        String couponId,
        RedemptionStatus status,
        BigDecimal discountAmount,
        BigDecimal payAmount,
        Instant lockedUntil) {

    /** @param couponId the coupon a Try asked for; null for Confirm and Cancel, which name the order's */
    public static RedemptionResult of(RedemptionCommand command, String couponId, RedemptionStatus status,
                                      Order order) {
        boolean ownOrder = order != null && status == RedemptionStatus.LOCKED;
        return new RedemptionResult(command.requestId(), command.userId(), command.orderId(),
                couponId != null ? couponId : order != null ? order.couponId() : null, status,
                ownOrder ? order.discountAmount() : null, ownOrder ? order.payAmount() : null,
                ownOrder ? order.lockedUntil() : null);
    }
}
