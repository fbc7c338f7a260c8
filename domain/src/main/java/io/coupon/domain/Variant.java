package io.coupon.domain;

import java.math.BigDecimal;

/**
 * One arm of an A/B experiment on a template: its name, its weight in the assignment, and the terms it
 * overrides (null: the template's own).
 */
public record Variant(String name, int weight, BigDecimal discount, BigDecimal threshold, BigDecimal maxDiscount) {

    public static final int MIN_VARIANTS = 2;
    public static final int MAX_VARIANTS = 8;
}
