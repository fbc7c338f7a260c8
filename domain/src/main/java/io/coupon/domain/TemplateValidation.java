package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The rules a template definition must satisfy before it is accepted. Returns problems, never throws. */
public final class TemplateValidation {

    /**
     * The instants every part of the system can store: Kafka's timestamps start at the epoch, and MySQL's
     * {@code DATETIME(3)} columns of the sink end with year 9999. A coupon's expiry is never after its template's
     * {@code endTime}, so it stays inside too.
     */
    public static final Instant EARLIEST_TIME = Instant.EPOCH;
    public static final Instant LATEST_TIME = Instant.parse("9999-12-31T23:59:59.999Z");

    private TemplateValidation() {
    }

    /** The problem with a client's instant, or null when every store can hold it. */
    public static String timeProblem(String field, Instant value) {
        if (value.isBefore(EARLIEST_TIME) || value.isAfter(LATEST_TIME)) {
            return field + " must be between " + EARLIEST_TIME + " and " + LATEST_TIME;
        }
        return null;
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
        problems.addAll(termProblems("", t.type(), t.discount(), t.threshold(), t.maxDiscount()));
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
            Stream.of(timeProblem("startTime", t.startTime()), timeProblem("endTime", t.endTime()))
                    .filter(Objects::nonNull).forEach(problems::add);
            if (!t.endTime().isAfter(t.startTime())) {
                problems.add("endTime must be after startTime");
            }
            if (!t.endTime().isAfter(now)) {
                problems.add("endTime is already past");
            }
        }
        problems.addAll(variantProblems(t));
        return problems;
    }

    /** The rules of a coupon's terms; {@code where} prefixes each problem (a variant's position, or nothing). */
    static List<String> termProblems(String where, CouponType type, BigDecimal discount, BigDecimal threshold,
                                     BigDecimal maxDiscount) {
        List<String> problems = new ArrayList<>();
        if (discount == null) {
            problems.add(where + "discount is required");
        } else if (discount.signum() <= 0) {
            problems.add(where + "discount must be positive");
        } else if (type == CouponType.DISCOUNT && discount.compareTo(BigDecimal.ONE) >= 0) {
            problems.add(where + "discount of a DISCOUNT coupon is the factor paid and must be between 0 and 1");
        }
        if (threshold != null && threshold.signum() < 0) {
            problems.add(where + "threshold must not be negative");
        }
        if (type == CouponType.CASH && threshold != null && threshold.signum() != 0) {
            problems.add(where + "a CASH coupon has no threshold (use THRESHOLD)");
        }
        if (type == CouponType.THRESHOLD && (threshold == null || threshold.signum() <= 0)) {
            problems.add(where + "a THRESHOLD coupon needs a positive threshold");
        }
        if (maxDiscount != null) {
            if (type != CouponType.DISCOUNT) {
                problems.add(where + "maxDiscount applies to DISCOUNT coupons only");
            } else if (maxDiscount.signum() <= 0) {
                problems.add(where + "maxDiscount must be positive");
            }
        }
        return problems;
    }

    /** 2 to 8 variants, named uniquely, positively weighted, each with valid terms once its overrides apply. */
    static List<String> variantProblems(Template t) {
        List<String> problems = new ArrayList<>();
        if (t.variants() == null) {
            return problems;
        }
        List<Variant> variants = t.variants();
        if (variants.size() < Variant.MIN_VARIANTS || variants.size() > Variant.MAX_VARIANTS) {
            problems.add("variants must hold " + Variant.MIN_VARIANTS + " to " + Variant.MAX_VARIANTS + " variants");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String where = "variants[" + i + "].";
            if (v.name() == null || v.name().isBlank() || v.name().length() > 64) {
                problems.add(where + "name must be 1 to 64 characters");
            } else if (!names.add(v.name())) {
                problems.add(where + "name '" + v.name() + "' is used twice");
            }
            if (v.weight() < 1) {
                problems.add(where + "weight must be at least 1");
            }
            if (t.type() != null && t.discount() != null) {
                CouponTerms terms = t.termsFor(v.name());
                problems.addAll(termProblems(where, terms.type(), terms.discount(), terms.threshold(),
                        terms.maxDiscount()));
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
