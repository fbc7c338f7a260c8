package io.coupon.domain;

import java.math.BigDecimal;

/** What one coupon takes off one order. */
public record CouponDiscount(String couponId, BigDecimal discountAmount) {
}
