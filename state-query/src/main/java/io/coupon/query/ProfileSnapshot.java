package io.coupon.query;

import io.coupon.domain.Profile;
import io.coupon.domain.UserStats;

/**
 * A user's profile and stats, read together from the user's partition.
 *
 * @param profile null when no profile was ever PUT
 * @param stats   null when the user has no coupon transitions yet
 */
public record ProfileSnapshot(Profile profile, UserStats stats) {
}
