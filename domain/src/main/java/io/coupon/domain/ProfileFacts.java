package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A profile and the user's stats as an audience sees them at one instant: attributes by name, and the stats as
 * {@code stats.claimed}, {@code stats.used}, {@code stats.discountTotal}, {@code stats.used30d} (numbers) and
 * {@code stats.lastUsedAt} (an ISO-8601 string, missing until the first use). A user without a profile has no
 * attributes; the stats always exist.
 */
public final class ProfileFacts implements Audience.Facts {

    public static final String STATS_PREFIX = "stats.";
    public static final List<String> STATS = List.of("stats.claimed", "stats.used", "stats.discountTotal",
            "stats.lastUsedAt", "stats.used30d");

    private final Profile profile;
    private final UserStats.View stats;

    private ProfileFacts(Profile profile, UserStats.View stats) {
        this.profile = profile;
        this.stats = stats;
    }

    /** @param profile null when no profile was ever PUT; @param stats null when the user has none yet */
    public static ProfileFacts of(Profile profile, UserStats stats, Instant at) {
        return new ProfileFacts(profile, (stats == null ? UserStats.empty() : stats).viewAt(at));
    }

    @Override
    public Object get(String attr) {
        if (attr.startsWith(STATS_PREFIX)) {
            switch (attr) {
                case "stats.claimed": return BigDecimal.valueOf(stats.claimed());
                case "stats.used": return BigDecimal.valueOf(stats.used());
                case "stats.discountTotal": return stats.discountTotal();
                case "stats.used30d": return BigDecimal.valueOf(stats.used30d());
                case "stats.lastUsedAt": return stats.lastUsedAt() == null ? null : stats.lastUsedAt().toString();
                default: return null;
            }
        }
        return profile == null ? null : profile.normalised(attr);
    }

    /** Whether the user is inside {@code audience}; no audience lets everyone in. */
    public static boolean inside(Audience audience, Profile profile, UserStats stats, Instant at) {
        return audience == null || audience.matches(of(profile, stats, at));
    }
}
