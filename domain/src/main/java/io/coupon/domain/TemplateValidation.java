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
        problems.addAll(stackingProblems(t));
        problems.addAll(scopeProblems(t.scope()));
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

    /** At most this many skus and categories together, each 1 to {@value #MAX_NAME} characters. */
    public static final int MAX_SCOPE_ENTRIES = 1000;
    private static final int MAX_NAME = 64;

    private static List<String> stackingProblems(Template t) {
        List<String> problems = new ArrayList<>();
        boolean grouped = t.stackGroup() != null;
        if (t.stackingOrDefault() == Stacking.STACKABLE) {
            if (!grouped || t.stackGroup().isBlank() || t.stackGroup().length() > MAX_NAME) {
                problems.add("a STACKABLE template needs a stackGroup of 1 to " + MAX_NAME + " characters");
            }
        } else if (grouped) {
            problems.add("stackGroup applies to STACKABLE templates only");
        }
        return problems;
    }

    private static List<String> scopeProblems(Scope scope) {
        List<String> problems = new ArrayList<>();
        if (scope == null) {
            return problems;
        }
        if (scope.skus().isEmpty() && scope.categories().isEmpty()) {
            problems.add("a scope lists at least one sku or category (leave scope out for the whole order)");
        }
        if (scope.skus().size() + scope.categories().size() > MAX_SCOPE_ENTRIES) {
            problems.add("a scope lists at most " + MAX_SCOPE_ENTRIES + " skus and categories");
        }
        for (String entry : concat(scope.skus(), scope.categories())) {
            if (entry == null || entry.isBlank() || entry.length() > MAX_NAME) {
                problems.add("scope entries are 1 to " + MAX_NAME + " characters");
                break;
            }
        }
        return problems;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
