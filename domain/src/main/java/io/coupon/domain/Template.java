package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A coupon template as its operator defined it. Immutable: the live figures (stock) are kept apart,
 * in {@link Stock}, because they change with every claim while the definition does not.
 *
 * @param threshold   null when absent; zero means "no threshold" as well
 * @param maxDiscount only meaningful for {@link CouponType#DISCOUNT}; null when uncapped
 * @param validDays   null: coupons expire at {@code endTime}
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
        Map<String, Object> metadata,
        Scope scope,
        Stacking stacking,
        String stackGroup,
        CampaignStatus campaignStatus) {

    public static final int DEFAULT_PER_USER_LIMIT = 1;

    /** A plain template: no metadata, whole-order scope, exclusive, active. */
    public Template(long id, String name, CouponType type, BigDecimal discount, BigDecimal threshold,
                    BigDecimal maxDiscount, long totalCount, int perUserLimit, Instant startTime, Instant endTime,
                    Integer validDays) {
        this(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime, endTime, validDays,
                null, null, null, null, null);
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
                startTime, newEndTime, validDays, newMetadata, scope, stacking, stackGroup, newStatus);
    }

    /** Over its window, or ended early by its operator: either way no claim is granted any more. */
    public boolean finishedAt(Instant now) {
        return endedAt(now) || campaignStatusOrDefault() == CampaignStatus.ENDED;
    }

    public boolean paused() {
        return campaignStatusOrDefault() == CampaignStatus.PAUSED;
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
