package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One coupon as its holder sees it, and its lifecycle:
 * <pre>
 *   UNUSED ──lock──▶ LOCKED ──use──▶ USED
 *     ▲                 │
 *     └──── unlock ─────┘            (cancel, or the lock timed out)
 *   UNUSED, LOCKED ──expire──▶ EXPIRED
 *   USED ──refund──▶ UNUSED, or EXPIRED if past expiresAt
 * </pre>
 * Nothing leaves EXPIRED, and USED only by a refund. A transition the lifecycle does not allow throws: deciders check first, so
 * reaching one is a bug, not an outcome. The template's terms are copied in at grant time, so a wallet answers
 * "what is this worth" without a join against the template's partition.
 *
 * @param orderId     the order holding or having used the coupon; null while UNUSED
 * @param lockedUntil set only while LOCKED
 * @param version     1 when granted, +1 with every transition: consumers of coupon-events drop older versions
 * @param variant     the experiment variant the coupon was granted in, else null
 * @param scope       copied from the template; null: the whole order
 * @param stacking    copied from the template; null (a template that never said) is stored and shown as EXCLUSIVE
 * @param stackGroup  copied from the template
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
        Instant usedAt,
        Instant lockedUntil,
        long version,
        String variant,
        Scope scope,
        Stacking stacking,
        String stackGroup) {

    public WalletCoupon {
        // the template's default spelled out, so wallets and events say what the coupon does rather than null
        stacking = stacking == null ? Stacking.EXCLUSIVE : stacking;
    }

    public WalletCoupon(String couponId, long templateId, CouponType type, BigDecimal discount, BigDecimal threshold,
                        BigDecimal maxDiscount, CouponStatus status, Instant acquiredAt, Instant expiresAt,
                        String orderId, Instant usedAt, Instant lockedUntil, long version) {
        this(couponId, templateId, type, discount, threshold, maxDiscount, status, acquiredAt, expiresAt, orderId,
                usedAt, lockedUntil, version, null);
    }

    /** A whole-order, exclusive coupon, maybe of a variant. */
    public WalletCoupon(String couponId, long templateId, CouponType type, BigDecimal discount, BigDecimal threshold,
                        BigDecimal maxDiscount, CouponStatus status, Instant acquiredAt, Instant expiresAt,
                        String orderId, Instant usedAt, Instant lockedUntil, long version, String variant) {
        this(couponId, templateId, type, discount, threshold, maxDiscount, status, acquiredAt, expiresAt, orderId,
                usedAt, lockedUntil, version, variant, null, null, null);
    }

    /** The coupon a grant puts in the wallet, with the terms of the user's variant when the template has some. */
    public static WalletCoupon granted(Template template, ClaimOutcome outcome) {
        CouponTerms terms = template.termsFor(outcome.variant());
        return new WalletCoupon(outcome.couponId(), template.id(), terms.type(), terms.discount(),
                terms.threshold(), terms.maxDiscount(), CouponStatus.UNUSED, outcome.decidedAt(),
                outcome.expiresAt(), null, null, null, 1, outcome.variant(), terms.scope(), terms.stacking(),
                terms.stackGroup());
    }

    public CouponTerms terms() {
        return new CouponTerms(type, discount, threshold, maxDiscount, scope, stacking, stackGroup);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * The coupon as it is at {@code now}: an unused or locked coupon shows EXPIRED from {@code expiresAt} on, and
     * a lock past its {@code lockedUntil} shows as released, even before the timers have written either.
     */
    public WalletCoupon seenAt(Instant now) {
        if ((status == CouponStatus.UNUSED || status == CouponStatus.LOCKED) && expiredAt(now)) {
            return with(CouponStatus.EXPIRED, null, null, null, version);
        }
        if (status == CouponStatus.LOCKED && lockedUntil != null && !now.isBefore(lockedUntil)) {
            return with(CouponStatus.UNUSED, null, null, null, version);
        }
        return this;
    }

    /** The status {@link #seenAt} shows. */
    public CouponStatus statusAt(Instant now) {
        return seenAt(now).status();
    }

    public WalletCoupon lock(String order, Instant until) {
        require(status == CouponStatus.UNUSED, "lock");
        return with(CouponStatus.LOCKED, order, null, until, version + 1);
    }

    public WalletCoupon use(Instant at) {
        require(status == CouponStatus.LOCKED, "use");
        return with(CouponStatus.USED, orderId, at, null, version + 1);
    }

    public WalletCoupon unlock() {
        require(status == CouponStatus.LOCKED, "unlock");
        return with(CouponStatus.UNUSED, null, null, null, version + 1);
    }

    public WalletCoupon expire() {
        require(status == CouponStatus.UNUSED || status == CouponStatus.LOCKED, "expire");
        return with(CouponStatus.EXPIRED, null, null, null, version + 1);
    }

    /**
     * A refund gives a used coupon back: UNUSED, or EXPIRED if its time ran out meanwhile (a refund never
     * revives a coupon past its {@code expiresAt}).
     */
    public WalletCoupon refund(Instant at) {
        require(status == CouponStatus.USED, "refund");
        return with(expiredAt(at) ? CouponStatus.EXPIRED : CouponStatus.UNUSED, null, null, null, version + 1);
    }

    /** Only for views and tests: the same coupon shown in another status, nothing else changed. */
    public WalletCoupon withStatus(CouponStatus newStatus) {
        return with(newStatus, orderId, usedAt, lockedUntil, version);
    }

    private WalletCoupon with(CouponStatus newStatus, String newOrderId, Instant newUsedAt, Instant newLockedUntil,
                              long newVersion) {
        return new WalletCoupon(couponId, templateId, type, discount, threshold, maxDiscount, newStatus, acquiredAt,
                expiresAt, newOrderId, newUsedAt, newLockedUntil, newVersion, variant, scope, stacking, stackGroup);
    }

    private void require(boolean allowed, String transition) {
        if (!allowed) {
            throw new IllegalTransitionException(couponId, status, transition);
        }
    }
}
