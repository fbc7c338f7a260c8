package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A coupon that can be used on an order right now, with what it would take off. */
public record UsableCoupon(WalletCoupon coupon, Quote quote) {

    /** Best first: the largest discount, then the one expiring first, then by id so the order is total. */
    public static final Comparator<UsableCoupon> BEST_FIRST = Comparator
            .comparing((UsableCoupon u) -> u.quote().discountAmount()).reversed()
            .thenComparing(u -> u.coupon().expiresAt())
            .thenComparing(u -> u.coupon().couponId());

    /**
     * Every coupon of the wallet that is UNUSED, valid at {@code now} and applicable to the amount, best first. A
     * plain amount says nothing about what is in the order, so scoped coupons are never applicable here.
     */
    public static List<UsableCoupon> rank(Wallet wallet, BigDecimal orderAmount, Instant now) {
        List<UsableCoupon> usable = new ArrayList<>();
        for (WalletCoupon stored : wallet.coupons()) {
            WalletCoupon seen = stored.seenAt(now);
            if (seen.status() != CouponStatus.UNUSED || now.isBefore(seen.acquiredAt()) || seen.terms().scoped()) {
                continue;
            }
            Discounts.quote(seen.terms(), orderAmount).ifPresent(q -> usable.add(new UsableCoupon(seen, q)));
        }
        usable.sort(BEST_FIRST);
        return usable;
    }

    public static Optional<UsableCoupon> best(Wallet wallet, BigDecimal orderAmount, Instant now) {
        List<UsableCoupon> ranked = rank(wallet, orderAmount, now);
        return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
    }
}
