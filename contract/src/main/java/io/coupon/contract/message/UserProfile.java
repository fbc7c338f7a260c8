package io.coupon.contract.message;

import io.coupon.domain.Profile;
import java.time.Instant;

/**
 * A profile PUT, on {@code user-profiles} keyed by user id (compacted: the latest per user is the source of truth).
 * {@code requestId} names the HTTP request waiting for {@link ProfileResult}.
 */
public record UserProfile(String requestId, long userId, Profile profile, Instant at) {
}
