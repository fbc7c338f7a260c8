package io.coupon.domain;

import java.math.BigDecimal;

/**
 * The live figures of one variant of an experiment: users who tried to claim, coupons granted, coupons used and
 * what the uses took off and came to. Also the shape of one change to them (a delta), so the stream adds them up.
 */
public record VariantCounts(long assigned, long granted, long used, BigDecimal discountTotal,
                            BigDecimal orderAmountTotal) {

    public VariantCounts {
        discountTotal = Discounts.money(discountTotal == null ? BigDecimal.ZERO : discountTotal);
        orderAmountTotal = Discounts.money(orderAmountTotal == null ? BigDecimal.ZERO : orderAmountTotal);
    }

    public static VariantCounts zero() {
        return new VariantCounts(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public static VariantCounts tried() {
        return new VariantCounts(1, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public static VariantCounts grant() {
        return new VariantCounts(0, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A confirmed use ({@code sign} 1) or its refund ({@code sign} −1). */
    public static VariantCounts use(int sign, BigDecimal discountAmount, BigDecimal orderAmount) {
        BigDecimal s = BigDecimal.valueOf(sign);
        return new VariantCounts(0, 0, sign, orZero(discountAmount).multiply(s), orZero(orderAmount).multiply(s));
    }

    public VariantCounts plus(VariantCounts d) {
        return new VariantCounts(assigned + d.assigned, granted + d.granted, used + d.used,
                discountTotal.add(d.discountTotal), orderAmountTotal.add(d.orderAmountTotal));
    }

    /** used / granted; null while nothing was granted. */
    public Double redemptionRate() {
        return granted == 0 ? null : (double) used / granted;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
