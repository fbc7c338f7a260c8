package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a combination of coupons takes off a cart: each coupon's part in the order they apply, the total, and what
 * is left to pay ({@code discountAmount + payAmount} is the cart's total, and {@code payAmount} is never negative).
 *
 * @param expiryKeys each coupon's {@link #expiryKey}, sorted: soonest-expiring first, which is how ties between
 *                   combinations are broken (the first entry is the combination's earliest expiry)
 */
public record CartQuote(List<CouponDiscount> coupons, BigDecimal discountAmount, BigDecimal payAmount,
                        List<String> expiryKeys) {

    public CartQuote {
        coupons = List.copyOf(coupons);
        expiryKeys = expiryKeys.stream().sorted().toList();
    }

    public static CartQuote none(Cart cart) {
        return new CartQuote(List.of(), Discounts.money(BigDecimal.ZERO), cart.total(), List.of());
    }

    /** A key whose text order is the coupon's (expiresAt, couponId) order. */
    public static String expiryKey(Instant expiresAt, String couponId) {
        // offset so that every instant from year -1000 on is a positive number of the same width
        String seconds = Long.toString(expiresAt.getEpochSecond() + 100_000_000_000L);
        String nanos = Integer.toString(expiresAt.getNano());
        return "0".repeat(Math.max(0, 20 - seconds.length())) + seconds + "." + "0".repeat(9 - nanos.length()) + nanos
                + "|" + couponId;
    }

    public List<String> couponIds() {
        return coupons.stream().map(CouponDiscount::couponId).toList();
    }

    public BigDecimal discountFor(String couponId) {
        return coupons.stream().filter(c -> c.couponId().equals(couponId)).map(CouponDiscount::discountAmount)
                .findFirst().orElse(null);
    }
}
