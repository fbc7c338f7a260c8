package io.coupon.bench.baseline;

import java.time.Instant;

/**
 * How the baseline decided a claim.
 *
 * @param status    {@code GRANTED}, {@code SOLD_OUT}, {@code LIMIT_EXCEEDED}, {@code NOT_STARTED} or {@code ENDED}
 * @param couponId  set only when granted
 * @param expiresAt set only when granted
 */
public record ClaimResult(String status, String couponId, Instant expiresAt) {

    public static final String GRANTED = "GRANTED";
    public static final String SOLD_OUT = "SOLD_OUT";
    public static final String LIMIT_EXCEEDED = "LIMIT_EXCEEDED";

    static ClaimResult rejected(String status) {
        return new ClaimResult(status, null, null);
    }

    public boolean granted() {
        return GRANTED.equals(status);
    }
}
