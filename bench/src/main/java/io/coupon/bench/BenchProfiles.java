package io.coupon.bench;

/**
 * The profiles the precision-marketing scenarios PUT, and the audience they test against. Which users are inside
 * is a pure function of the user id and the share, so a later run (or a run with {@code --profiles 0} on a server
 * an earlier run loaded) knows who is inside without asking the server.
 *
 * <p>A user is inside when a SplitMix64 mix of its id, read as a fraction of [0, 1), is below the share; inside
 * users are {@code gold} or {@code silver} (half each), the others {@code bronze}. Every profile also carries
 * {@link #tag} of the number of users loaded in {@code benchRun}, so an issuance can target exactly the users a
 * load of that size left on the server (and a later run can reuse them with {@code --load-profiles false}).
 */
final class BenchProfiles {

    /** The flash-sale audience, as the contract spells a rule: tier is gold or silver. */
    static final String AUDIENCE = "{\"attr\": \"tier\", \"op\": \"in\", \"value\": [\"gold\", \"silver\"]}";

    private BenchProfiles() {
    }

    /** Whether the user's profile puts it inside {@link #AUDIENCE} at this share. */
    static boolean inside(long userId, double share) {
        return fraction(userId) < share;
    }

    /** The user's tier: {@code gold} or {@code silver} inside the audience, {@code bronze} outside. */
    static String tier(long userId, double share) {
        if (!inside(userId, share)) {
            return "bronze";
        }
        return (mix(userId) & 1) == 0 ? "gold" : "silver";
    }

    /** The tag of a load of users 1..{@code profiles}: the same for every load of that size. */
    static String tag(long profiles) {
        return "users-1-" + profiles;
    }

    /** The body of the user's {@code PUT /v1/users/{id}/profile}. */
    static String profileJson(long userId, double share, String run) {
        return "{\"attributes\": {\"tier\": \"" + tier(userId, share) + "\", \"benchRun\": \"" + run + "\"}}";
    }

    /** The issuance audience that matches exactly the users whose profile carries the tag {@code run}. */
    static String runAudience(String run) {
        return "{\"attr\": \"benchRun\", \"op\": \"eq\", \"value\": \"" + run + "\"}";
    }

    /** The mix's top 53 bits as a fraction of [0, 1). */
    static double fraction(long userId) {
        return (mix(userId) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: neighbouring ids land far apart. */
    private static long mix(long userId) {
        long z = userId * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
