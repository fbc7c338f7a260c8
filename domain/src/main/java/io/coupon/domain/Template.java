package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A coupon template as its operator defined it. Immutable: the live figures (stock) are kept apart,
 * in {@link Stock}, because they change with every claim while the definition does not.
 *
 * @param threshold   null when absent; zero means "no threshold" as well
 * @param maxDiscount only meaningful for {@link CouponType#DISCOUNT}; null when uncapped
 * @param validDays   null: coupons expire at {@code endTime}
 * @param audience    null: everyone may claim; else only users whose profile it matches
 * @param variants    null: no experiment; else 2 to 8 variants, the first the control
 * @param metadata    the operator's own JSON object (at most 4 KiB), echoed and published; null: none
 * @param scope       null: the whole order
 * @param stacking    null: {@link Stacking#EXCLUSIVE}
 * @param stackGroup  set exactly when STACKABLE
 * @param campaignStatus what the operator last set with a PATCH; null: ACTIVE
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
        List<Variant> variants,
        Map<String, Object> metadata,
        Scope scope,
        Stacking stacking,
        String stackGroup,
        CampaignStatus campaignStatus) {

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

    /** A template with no campaign-operations fields: no metadata, whole-order scope, exclusive, active. */
    public Template(long id, String name, CouponType type, BigDecimal discount, BigDecimal threshold,
                    BigDecimal maxDiscount, long totalCount, int perUserLimit, Instant startTime, Instant endTime,
                    Integer validDays, Audience audience, List<Variant> variants) {
        this(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime, endTime,
                validDays, audience, variants, null, null, null, null, null);
    }

    public Stacking stackingOrDefault() {
        return stacking == null ? Stacking.EXCLUSIVE : stacking;
    }

    public CampaignStatus campaignStatusOrDefault() {
        return campaignStatus == null ? CampaignStatus.ACTIVE : campaignStatus;
    }

    /** The same template with what a PATCH may change replaced. */
    public Template patched(String newName, long newTotalCount, Instant newEndTime, Map<String, Object> newMetadata,
                            CampaignStatus newStatus) {
        return new Template(id, newName, type, discount, threshold, maxDiscount, newTotalCount, perUserLimit,
                startTime, newEndTime, validDays, audience, variants, newMetadata, scope, stacking, stackGroup,
                newStatus);
    }

    /** Over its window, or ended early by its operator: either way no claim is granted any more. */
    public boolean finishedAt(Instant now) {
        return endedAt(now) || campaignStatusOrDefault() == CampaignStatus.ENDED;
    }

    public boolean paused() {
        return campaignStatusOrDefault() == CampaignStatus.PAUSED;
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
            return new CouponTerms(type, discount, threshold, maxDiscount, scope, stacking, stackGroup);
        }
        return new CouponTerms(type, v.discount() != null ? v.discount() : discount,
                v.threshold() != null ? v.threshold() : threshold,
                v.maxDiscount() != null ? v.maxDiscount() : maxDiscount, scope, stacking, stackGroup);
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

    /** ENDED wins over PAUSED, PAUSED over NOT_STARTED and SOLD_OUT. */
    public TemplateStatus statusAt(Instant now, Stock stock) {
        if (finishedAt(now)) {
            return TemplateStatus.ENDED;
        }
        if (paused()) {
            return TemplateStatus.PAUSED;
        }
        if (notStartedAt(now)) {
            return TemplateStatus.NOT_STARTED;
        }
        return stock.remaining() == 0 ? TemplateStatus.SOLD_OUT : TemplateStatus.ACTIVE;
    }
}
