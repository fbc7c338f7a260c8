package io.coupon.domain;

import java.math.BigDecimal;

/**
 * A coupon against one cart, in whole cents (see {@link CentRule} for why cents and why its terms are in it).
 *
 * @param rank    its place in {@link StackedDiscounts#APPLICATION_ORDER} among the coupons priced together
 * @param lines   which lines of the cart it covers, as bits; null: all of them, so it shares a line with every
 *                coupon (a whole-order coupon, or any coupon on a plain amount, whose one implicit line all cover)
 * @param alone   what it takes on its own
 * @param relaxed its part in the quote search's relaxed bound, worked out once as the search meets it at every node
 */
record PricedCoupon(WalletCoupon coupon, int rank, String expiryKey, long subtotal, long[] lines, boolean fixed,
                    long amount, long cap, BigDecimal factor, long numerator, long denominator, long alone,
                    RelaxedTerms relaxed) implements CentRule {

    static PricedCoupon of(WalletCoupon coupon, int rank, Cart cart) {
        long subtotal = Discounts.cents(cart.subtotal(coupon.scope()).orElse(BigDecimal.ZERO));
        CentTerms terms = CentTerms.of(coupon.terms());
        long[] lines = lines(cart, coupon.scope());
        long alone = terms.take(subtotal);
        return new PricedCoupon(coupon, rank, CartQuote.expiryKey(coupon.expiresAt(), coupon.couponId()), subtotal,
                lines, terms.fixed(), terms.amount(), terms.cap(), terms.factor(), terms.numerator(),
                terms.denominator(), alone, RelaxedTerms.of(terms, lines == null, alone));
    }

    boolean whole() {
        return lines == null;
    }

    boolean overlaps(PricedCoupon other) {
        if (lines == null || other.lines == null) {
            return true;
        }
        for (int i = 0; i < lines.length; i++) {
            if ((lines[i] & other.lines[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static long[] lines(Cart cart, Scope scope) {
        if (scope == null || cart.items() == null) {
            return null;
        }
        long[] bits = new long[(cart.items().size() + 63) / 64];
        for (int i = 0; i < cart.items().size(); i++) {
            if (scope.covers(cart.items().get(i))) {
                bits[i / 64] |= 1L << (i % 64);
            }
        }
        return bits;
    }
}
