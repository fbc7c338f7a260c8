package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether one coupon of a wallet can be used on a cart at an instant, and if not, why: the reasons a Try gives,
 * in the order it gives them. Shared by Try and the quote, so a quote's 409 is the Try's.
 */
public final class CouponCheck {

    private CouponCheck() {
    }

    /** Null when usable; {@code seen} is the coupon as it is at {@code at} ({@link WalletCoupon#seenAt}). */
    public static RedemptionStatus reason(WalletCoupon seen, Cart cart, Instant at) {
        switch (seen.status()) {
            case USED: return RedemptionStatus.ALREADY_USED;
            case EXPIRED: return RedemptionStatus.EXPIRED;
            case LOCKED: return RedemptionStatus.LOCKED_BY_ANOTHER_ORDER;
            default: break;
        }
        if (at.isBefore(seen.acquiredAt())) {
            return RedemptionStatus.NOT_YET_VALID;
        }
        return applicability(seen.terms(), cart);
    }

    /** NOT_APPLICABLE, BELOW_THRESHOLD (judged on the in-scope subtotal), or null when the terms apply. */
    public static RedemptionStatus applicability(CouponTerms terms, Cart cart) {
        Optional<BigDecimal> subtotal = cart.subtotal(terms.scope());
        if (subtotal.isEmpty()) {
            return RedemptionStatus.NOT_APPLICABLE;
        }
        if (terms.threshold() != null && subtotal.get().compareTo(terms.threshold()) < 0) {
            return RedemptionStatus.BELOW_THRESHOLD;
        }
        return null;
    }
}
