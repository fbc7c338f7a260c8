package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One coupon as its holder sees it. The template's terms are copied in at grant time, so a wallet answers
 * "what is this worth" without a join against the template's partition.
 */
public record WalletCoupon(
        String couponId,
        long templateId,
        CouponType type,
        BigDecimal discount,
        BigDecimal threshold,
        BigDecimal maxDiscount,
        CouponStatus status,
        Instant acquiredAt,
        Instant expiresAt,
        String orderId,
        Instant usedAt) {

    public static WalletCoupon granted(Template template, ClaimOutcome outcome) {
        return new WalletCoupon(outcome.couponId(), template.id(), template.type(), template.discount(),
                template.threshold(), template.maxDiscount(), CouponStatus.UNUSED, outcome.decidedAt(),
                outcome.expiresAt(), null, null);
    }

    /** The stored status, except that an unused or locked coupon shows EXPIRED from {@code expiresAt} on. */
    public CouponStatus statusAt(Instant now) {
        boolean live = status == CouponStatus.UNUSED || status == CouponStatus.LOCKED;
        return live && !now.isBefore(expiresAt) ? CouponStatus.EXPIRED : status;
    }

    public WalletCoupon withStatus(CouponStatus newStatus) {
        return new WalletCoupon(couponId, templateId, type, discount, threshold, maxDiscount, newStatus, acquiredAt,
                expiresAt, orderId, usedAt);
    }
}
