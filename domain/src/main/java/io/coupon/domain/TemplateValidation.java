package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules a template definition must satisfy before it is accepted. Returns problems, never throws. */
public final class TemplateValidation {

    private TemplateValidation() {
    }

    public static List<String> problems(Template t, Instant now) {
        List<String> problems = new ArrayList<>();
        if (t.id() < 1) {
            problems.add("id must be a positive integer");
        }
        if (t.name() == null || t.name().isBlank()) {
            problems.add("name is required");
        } else if (t.name().length() > 200) {
            problems.add("name must be at most 200 characters");
        }
        if (t.type() == null) {
            problems.add("type is required");
        }
        if (t.discount() == null) {
            problems.add("discount is required");
        } else if (t.discount().signum() <= 0) {
            problems.add("discount must be positive");
        } else if (t.type() == CouponType.DISCOUNT && t.discount().compareTo(BigDecimal.ONE) >= 0) {
            problems.add("discount of a DISCOUNT coupon is the factor paid and must be between 0 and 1");
        }
        if (t.threshold() != null && t.threshold().signum() < 0) {
            problems.add("threshold must not be negative");
        }
        if (t.type() == CouponType.CASH && t.threshold() != null && t.threshold().signum() != 0) {
            problems.add("a CASH coupon has no threshold (use THRESHOLD)");
        }
        if (t.type() == CouponType.THRESHOLD && (t.threshold() == null || t.threshold().signum() <= 0)) {
            problems.add("a THRESHOLD coupon needs a positive threshold");
        }
        if (t.maxDiscount() != null) {
            if (t.type() != CouponType.DISCOUNT) {
                problems.add("maxDiscount applies to DISCOUNT coupons only");
            } else if (t.maxDiscount().signum() <= 0) {
                problems.add("maxDiscount must be positive");
            }
        }
        if (t.totalCount() < 1) {
            problems.add("totalCount must be at least 1");
        }
        if (t.perUserLimit() < 1) {
            problems.add("perUserLimit must be at least 1");
        }
        if (t.validDays() != null && t.validDays() < 1) {
            problems.add("validDays must be at least 1");
        }
        if (t.startTime() == null || t.endTime() == null) {
            problems.add("startTime and endTime are required");
        } else {
            if (!t.endTime().isAfter(t.startTime())) {
                problems.add("endTime must be after startTime");
            }
            if (!t.endTime().isAfter(now)) {
                problems.add("endTime is already past");
            }
        }
        return problems;
    }
}
