package io.coupon.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The discount maths of the contract, exactly: {@code CASH} and {@code THRESHOLD} take their amount off;
 * {@code DISCOUNT} makes the customer pay half-up(amount × factor), to the cent, and takes the rest, capped at
 * {@code maxDiscount}. No coupon ever takes more than the order, so nobody pays below zero. Money comes and goes in
 * {@link BigDecimal}; the rule itself is {@link CentRule}, in whole cents, which the quote search shares.
 */
public final class Discounts {

    private Discounts() {
    }

    /** Money as the contract writes it: 2 decimals, half-up. */
    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Empty when the order does not reach the coupon's threshold. */
    public static Optional<Quote> quote(CouponTerms terms, BigDecimal orderAmount) {
        BigDecimal amount = money(orderAmount);
        if (terms.threshold() != null && amount.compareTo(terms.threshold()) < 0) {
            return Optional.empty();
        }
        BigDecimal off = off(terms, amount);
        return Optional.of(new Quote(off, money(amount.subtract(off))));
    }

    /**
     * What the coupon takes off {@code base}, the threshold aside (callers judge it): never more than the base.
     * Grows (or stays) as the base grows, which is what lets the quote optimizer bound a coupon by its take alone.
     */
    public static BigDecimal off(CouponTerms terms, BigDecimal base) {
        return fromCents(CentTerms.of(terms).take(cents(base)));
    }

    /** Money, rounded as the contract rounds it, in whole cents. */
    static long cents(BigDecimal amount) {
        return money(amount).movePointRight(2).longValueExact();
    }

    static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
