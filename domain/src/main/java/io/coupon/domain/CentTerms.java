package io.coupon.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** A coupon's terms in whole cents, see {@link CentRule}. */
record CentTerms(boolean fixed, long amount, long cap, BigDecimal factor, long numerator, long denominator)
        implements CentRule {

    /** A factor of up to 9 decimals is held in longs; one of more (the contract writes 2) goes through BigDecimal. */
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    static CentTerms of(CouponTerms terms) {
        if (terms.fixedAmount()) {
            return new CentTerms(true, Discounts.cents(terms.discount()), Long.MAX_VALUE, null, -1, -1);
        }
        BigDecimal factor = terms.discount();
        long cap = terms.maxDiscount() == null ? Long.MAX_VALUE : Discounts.cents(terms.maxDiscount());
        BigInteger unscaled = factor.unscaledValue();
        boolean inLongs = factor.signum() >= 0 && factor.scale() >= 0 && factor.scale() < POWERS_OF_TEN.length
                && unscaled.bitLength() <= 63;
        return inLongs
                ? new CentTerms(false, 0, cap, factor, unscaled.longValue(), POWERS_OF_TEN[factor.scale()])
                : new CentTerms(false, 0, cap, factor, -1, -1);
    }
}
