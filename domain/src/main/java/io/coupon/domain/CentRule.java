package io.coupon.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a coupon takes off a base, in whole cents: the contract's rule (see {@link Discounts}) for
 * {@link Discounts#off}, {@link StackedDiscounts} and the quote search alike. Money has two decimals, so whole cents
 * in longs are exact; they make a take a few arithmetic operations rather than a round of BigDecimals, which the
 * quote search needs since it prices a combination at every node. Amounts reach longs of cents with room to spare
 * (the contract keeps every amount below 10¹²). An interface so that the search's {@link PricedCoupon} carries the
 * terms in itself ({@link CentTerms} are the terms alone): reaching them through one more object costs a hard
 * quote some 3 %.
 */
interface CentRule {

    boolean fixed();

    /** A fixed amount's cents. */
    long amount();

    /** A {@code DISCOUNT}'s cap in cents; {@link Long#MAX_VALUE} when uncapped. */
    long cap();

    /** A {@code DISCOUNT}'s factor paid; null for a fixed amount. */
    BigDecimal factor();

    /** The factor as numerator / denominator (a power of ten) where longs hold it; -1 where not. */
    long numerator();

    long denominator();

    /** What the coupon takes off {@code base} cents: never more than the base. */
    default long take(long base) {
        if (fixed()) {
            return Math.min(amount(), base);
        }
        return Math.min(Math.min(base - pay(base), cap()), base);
    }

    /** half-up(base × factor), in cents. */
    private long pay(long base) {
        if (numerator() >= 0 && base >= 0) { // integer division rounds half up only on what is not negative
            try {
                long twice = Math.multiplyExact(Math.multiplyExact(base, numerator()), 2L);
                return Math.addExact(twice, denominator()) / (2 * denominator());
            } catch (ArithmeticException tooLarge) {
                // an order beyond what longs multiply: fall through to BigDecimal
            }
        }
        return BigDecimal.valueOf(base).multiply(factor()).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
