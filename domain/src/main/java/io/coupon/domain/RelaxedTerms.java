package io.coupon.domain;

/**
 * What some coupons can take at most, relaxed so that it adds up coupon by coupon: fixed amounts (and any scoped
 * coupon) take at most their standalone take, and a whole-order {@code DISCOUNT} leaves at least
 * {@code factor × left − ½ cent}. So the order keeps at least {@code (total − fixed) × factor − scoped − ½ cent per
 * factor}, whatever the order they apply in. It is what bounds the quote search where the sum of standalone takes
 * exceeds the order, as it does for wallets of many whole-order coupons.
 *
 * @param fixed  the fixed amounts' takes
 * @param factor the whole-order factors' product, each at most 1
 * @param scoped the scoped discounts' takes
 * @param halves the whole-order factors, each worth ½ cent of rounding
 */
record RelaxedTerms(long fixed, double factor, long scoped, int halves) {

    static final RelaxedTerms NONE = new RelaxedTerms(0, 1.0, 0, 0);

    /** One coupon's: {@code whole} when it covers the whole order, taking {@code alone} on its own. */
    static RelaxedTerms of(CentRule terms, boolean whole, long alone) {
        if (terms.fixed()) {
            return new RelaxedTerms(alone, 1.0, 0, 0);
        }
        if (whole) {
            return new RelaxedTerms(0, Math.min(1.0, Math.max(0.0, terms.factor().doubleValue())), 0, 1);
        }
        return new RelaxedTerms(0, 1.0, alone, 0);
    }

    /** These and {@code others}, of other coupons (of other stack groups). */
    RelaxedTerms plus(RelaxedTerms others) {
        return new RelaxedTerms(fixed + others.fixed, factor * others.factor, scoped + others.scoped,
                halves + others.halves);
    }

    /**
     * Terms at least as loose as any one coupon's of {@code group} (one coupon of a group at the most): its largest
     * fixed take, smallest factor and largest scoped take at once.
     */
    static RelaxedTerms loosest(PricedCoupon[] group) {
        long fixed = 0;
        double factor = 1.0;
        long scoped = 0;
        int halves = 0;
        for (PricedCoupon coupon : group) {
            RelaxedTerms its = coupon.relaxed();
            fixed = Math.max(fixed, its.fixed);
            factor = Math.min(factor, its.factor);
            scoped = Math.max(scoped, its.scoped);
            halves = Math.max(halves, its.halves);
        }
        return new RelaxedTerms(fixed, factor, scoped, halves);
    }
}
