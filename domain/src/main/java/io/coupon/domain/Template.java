package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A coupon template as its operator defined it. Immutable: the live figures (stock) are kept apart,
 * in {@link Stock}, because they change with every claim while the definition does not.
 *
 * @param threshold   null when absent; zero means "no threshold" as well
 * @param maxDiscount only meaningful for {@link CouponType#DISCOUNT}; null when uncapped
 * @param validDays   null: coupons expire at {@code endTime}
 * @param audience    null: everyone may claim; else only users whose profile it matches
 * @param variants    null: no experiment; else 2 to 8 variants, the first the control
 */
public record Template(
        long id,
        String name,
        CouponType type,
        BigDecimal discount,
        BigDecimal threshold,
        BigDecimal maxDiscount,
        long totalCount,
        int perUserLimit,
        Instant startTime,
        Instant endTime,
        Integer validDays,
        Audience audience,
        List<Variant> variants) {

    public static final int DEFAULT_PER_USER_LIMIT = 1;

    public Template {
        variants = variants == null ? null : List.copyOf(variants);
    }

    /** A template with no audience and no experiment. */
    public Template(long id, String name, CouponType type, BigDecimal discount, BigDecimal threshold,
                    BigDecimal maxDiscount, long totalCount, int perUserLimit, Instant startTime, Instant endTime,
                    Integer validDays) {
        this(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime, endTime,
                validDays, null, null);
    }

    public boolean hasAudience() {
        return audience != null;
    }

    /** Whether the template runs an A/B experiment. */
    public boolean experiment() {
        return variants != null;
    }

    /** The user's variant ({@link VariantAssignment}); null when the template runs no experiment. */
    public Variant variantFor(long userId) {
        return experiment() ? VariantAssignment.assign(id, userId, variants) : null;
    }

    /** The terms a coupon of the named variant carries: the variant's overrides, else the template's own. */
    public CouponTerms termsFor(String variantName) {
        Variant v = variantName == null || !experiment() ? null
                : variants.stream().filter(x -> x.name().equals(variantName)).findFirst().orElse(null);
        if (v == null) {
            return new CouponTerms(type, discount, threshold, maxDiscount);
        }
        return new CouponTerms(type, v.discount() != null ? v.discount() : discount,
                v.threshold() != null ? v.threshold() : threshold,
                v.maxDiscount() != null ? v.maxDiscount() : maxDiscount);
    }

    /** A coupon claimed at {@code claimedAt} expires {@code validDays} later, but never after the template ends. */
    public Instant couponExpiry(Instant claimedAt) {
        if (validDays == null) {
            return endTime;
        }
        Instant byValidity = claimedAt.plus(Duration.ofDays(validDays));
        return byValidity.isBefore(endTime) ? byValidity : endTime;
    }

    public boolean notStartedAt(Instant now) {
        return now.isBefore(startTime);
    }

    public boolean endedAt(Instant now) {
        return !now.isBefore(endTime);
    }

    public TemplateStatus statusAt(Instant now, Stock stock) {
        if (endedAt(now)) {
            return TemplateStatus.ENDED;
        }
        if (notStartedAt(now)) {
            return TemplateStatus.NOT_STARTED;
        }
        return stock.remaining() == 0 ? TemplateStatus.SOLD_OUT : TemplateStatus.ACTIVE;
    }
}
