package io.coupon.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The discount maths of the contract, exactly, in {@link BigDecimal}: {@code CASH} and {@code THRESHOLD} take
 * their amount off; {@code DISCOUNT} makes the customer pay half-up(amount × factor) and takes the rest, capped
 * at {@code maxDiscount}. No coupon ever takes more than the order, so nobody pays below zero.
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
        BigDecimal amount = money(base);
        BigDecimal off;
        if (terms.type() == CouponType.DISCOUNT) {
            BigDecimal pay = money(amount.multiply(terms.discount()));
            off = amount.subtract(pay);
            if (terms.maxDiscount() != null && off.compareTo(terms.maxDiscount()) > 0) {
                off = terms.maxDiscount();
            }
        } else {
            off = terms.discount();
        }
        return money(off.min(amount));
    }
}
