package io.coupon.domain;

import java.math.BigDecimal;

/**
 * What a coupon is worth, copied from its template.
 *
 * @param threshold   null or zero: none
 * @param maxDiscount null: uncapped (only {@link CouponType#DISCOUNT} has one)
 * @param scope       null: the whole order
 * @param stacking    null: {@link Stacking#EXCLUSIVE}
 * @param stackGroup  set when STACKABLE
 */
public record CouponTerms(CouponType type, BigDecimal discount, BigDecimal threshold, BigDecimal maxDiscount,
                          Scope scope, Stacking stacking, String stackGroup) {

    /** Terms of a whole-order, exclusive coupon. */
    public CouponTerms(CouponType type, BigDecimal discount, BigDecimal threshold, BigDecimal maxDiscount) {
        this(type, discount, threshold, maxDiscount, null, null, null);
    }

    public boolean scoped() {
        return scope != null;
    }

    public boolean stackable() {
        return stacking == Stacking.STACKABLE;
    }

    /** A fixed amount off ({@code CASH}, {@code THRESHOLD}), as opposed to a {@code DISCOUNT} factor. */
    public boolean fixedAmount() {
        return type != CouponType.DISCOUNT;
    }
}
