package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * A coupon template as its operator defined it. Immutable: the live figures (stock) are kept apart,
 * in {@link Stock}, because they change with every claim while the definition does not.
 *
 * @param threshold   null when absent; zero means "no threshold" as well
 * @param maxDiscount only meaningful for {@link CouponType#DISCOUNT}; null when uncapped
 * @param validDays   null: coupons expire at {@code endTime}
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
        Integer validDays) {

    public static final int DEFAULT_PER_USER_LIMIT = 1;

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
