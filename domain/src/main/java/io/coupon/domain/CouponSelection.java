package io.coupon.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The coupons a Try or a quote names, checked against the wallet and the cart as a Try checks them: each in the
 * order given (the first that fails gives the reason), then whether they may be used together.
 *
 * @param rejection        null when every coupon is usable and together they are combinable
 * @param rejectedCouponId the coupon the rejection is about (the first named for NOT_STACKABLE)
 * @param coupons          the coupons as stored in the wallet, in the order given; empty when rejected
 */
public record CouponSelection(RedemptionStatus rejection, String rejectedCouponId, List<WalletCoupon> coupons) {

    public static CouponSelection of(Wallet wallet, List<String> couponIds, Cart cart, Instant at) {
        List<WalletCoupon> coupons = new ArrayList<>();
        for (String couponId : couponIds) {
            Optional<WalletCoupon> held = wallet.find(couponId);
            if (held.isEmpty()) {
                return rejected(RedemptionStatus.COUPON_NOT_FOUND, couponId);
            }
            RedemptionStatus reason = CouponCheck.reason(held.get().seenAt(at), cart, at);
            if (reason != null) {
                return rejected(reason, couponId);
            }
            coupons.add(held.get());
        }
        if (!StackedDiscounts.combinable(coupons)) {
            return rejected(RedemptionStatus.NOT_STACKABLE, couponIds.get(0));
        }
        return new CouponSelection(null, null, coupons);
    }

    public boolean usable() {
        return rejection == null;
    }

    private static CouponSelection rejected(RedemptionStatus status, String couponId) {
        return new CouponSelection(status, couponId, List.of());
    }
}
