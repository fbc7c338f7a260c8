package io.coupon.domain;

import java.math.BigDecimal;

/**
 * What a coupon is worth, copied from its template.
 *
 * @param threshold   null or zero: none
 * @param maxDiscount null: uncapped (only {@link CouponType#DISCOUNT} has one)
 */
public record CouponTerms(CouponType type, BigDecimal discount, BigDecimal threshold, BigDecimal maxDiscount) {
}
