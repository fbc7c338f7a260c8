package io.coupon.contract.message;

import io.coupon.domain.Profile;
import io.coupon.domain.UserStats;

/** A profile as stored, with the user's stats, on {@code profile-results} keyed by user id. */
public record ProfileResult(String requestId, long userId, Profile profile, UserStats stats) {
}
