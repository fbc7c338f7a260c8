package io.coupon.bench.baseline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * A coupon template of the baseline, the {@code coupon_template} row.
 *
 * @param threshold null or zero: no threshold
 * @param validDays null: coupons expire at {@code endTime}
 */
public record BaselineTemplate(long id, String name, String type, BigDecimal discount, BigDecimal threshold,
        long totalCount, int perUserLimit, Instant startTime, Instant endTime, Integer validDays) {

    public Instant couponExpiry(Instant claimedAt) {
        if (validDays == null) {
            return endTime;
        }
        Instant byValidity = claimedAt.plus(Duration.ofDays(validDays));
        return byValidity.isBefore(endTime) ? byValidity : endTime;
    }

    /** {@code NOT_STARTED}, {@code ENDED}, {@code SOLD_OUT} or {@code ACTIVE}, as the platform names them. */
    public String statusAt(Instant now, long remaining) {
        if (!now.isBefore(endTime)) {
            return "ENDED";
        }
        if (now.isBefore(startTime)) {
            return "NOT_STARTED";
        }
        return remaining <= 0 ? "SOLD_OUT" : "ACTIVE";
    }

    /** What the coupon takes off an order of {@code amount}, or null when the order is below the threshold. */
    public BigDecimal discountOn(BigDecimal amount) {
        if (threshold != null && amount.compareTo(threshold) < 0) {
            return null;
        }
        BigDecimal off = "DISCOUNT".equals(type)
                ? amount.subtract(amount.multiply(discount).setScale(2, RoundingMode.HALF_UP))
                : discount;
        return off.min(amount).setScale(2, RoundingMode.HALF_UP);
    }
}
