package io.coupon.contract.message;

import io.coupon.domain.CouponDiscount;
import io.coupon.domain.Order;
import io.coupon.domain.RedemptionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer to one redemption command, on {@code redemption-results} keyed by user id. The amounts and
 * {@code lockedUntil} are those of the order (null when there is none).
 *
 * @param couponId  the order's first coupon; for a rejected Try, the coupon it was rejected for
 * @param couponIds every coupon of the order (or of the Try); null when unknown
 * @param coupons   each coupon of a locked order with its part of the discount; null otherwise
 * @param moved     this command moved the order into another status; false when it found the order already
 *                  there (a repeat), or found none. Absent in answers written before it existed: false
 */
public record RedemptionResult(
        String requestId,
        long userId,
        String orderId,
        String couponId,
        RedemptionStatus status,
        BigDecimal discountAmount,
        BigDecimal payAmount,
        Instant lockedUntil,
        List<String> couponIds,
        List<CouponDiscount> coupons,
        boolean moved) {

    /** An answer without the multi-coupon fields, that moved nothing. */
    public RedemptionResult(String requestId, long userId, String orderId, String couponId, RedemptionStatus status,
                            BigDecimal discountAmount, BigDecimal payAmount, Instant lockedUntil) {
        this(requestId, userId, orderId, couponId, status, discountAmount, payAmount, lockedUntil, null, null, false);
    }

    /**
     * @param couponId the coupon a Try named (or was rejected for); null for the other steps, which name the
     *                 order's
     * @param moved    the command moved the order into another status
     */
    public static RedemptionResult of(RedemptionCommand command, String couponId, RedemptionStatus status,
                                      Order order, boolean moved) {
        boolean ownOrder = order != null && status == RedemptionStatus.LOCKED;
        List<String> ids = order != null ? order.couponIds()
                : command instanceof TryRedemption attempt ? attempt.toRequest().allCouponIds() : null;
        return new RedemptionResult(command.requestId(), command.userId(), command.orderId(),
                couponId != null ? couponId : order != null ? order.couponId() : null, status,
                ownOrder ? order.discountAmount() : null, ownOrder ? order.payAmount() : null,
                ownOrder ? order.lockedUntil() : null, ids, ownOrder ? order.couponDiscounts() : null, moved);
    }
}
