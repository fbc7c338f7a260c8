package io.coupon.contract.http;

import io.coupon.domain.Profile;
import io.coupon.domain.UserStats;
import java.time.Instant;
import java.util.Map;

/** A profile as the contract shows it: the attributes a client PUT, and the stats the system keeps, at {@code now}. */
public record ProfileView(long userId, Map<String, Object> attributes, UserStats.View stats) {

    public static ProfileView of(long userId, Profile profile, UserStats stats, Instant now) {
        return new ProfileView(userId, profile.attributes(), (stats == null ? UserStats.empty() : stats).viewAt(now));
    }
}
