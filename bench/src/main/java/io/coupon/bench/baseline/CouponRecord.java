package io.coupon.bench.baseline;

import java.time.Instant;

/** One {@code coupon_record} row as the claim inserts it: {@code UNUSED}, no order yet. */
public record CouponRecord(String couponId, long templateId, long userId, Instant acquiredAt, Instant expiresAt) {
}
