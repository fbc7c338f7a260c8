package io.coupon.contract.message;

import java.time.Instant;

/** The value of {@code user-blocklist}: present while the user is blocked. */
public record BlocklistEntry(long userId, Instant blockedAt) {
}
