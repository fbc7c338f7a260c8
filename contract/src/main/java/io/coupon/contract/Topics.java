package io.coupon.contract;

import java.util.List;
import java.util.Set;

/**
 * Every topic the platform owns: its name, what it is keyed by, and whether it is compacted. Partition counts
 * come from configuration ({@code COUPON_PARTITIONS}); the README documents each topic's fields.
 */
public final class Topics {

    /**
     * Commands for the template-keyed decider: template definitions, claims, broadcast block/unblock, and the
     * template's confirmed uses for its statistics.
     */
    public static final String CLAIM_REQUESTS = "claim-requests";
    /**
     * Everything that changes a wallet, keyed by user id: grants from the decider and Try / Confirm / Cancel /
     * Refund from the API. One topic, so a user's redemption that follows a grant's answer is always behind the
     * grant in the partition and is decided against a wallet that holds the coupon.
     */
    public static final String WALLET_COMMANDS = "wallet-commands";
    /** Every claim outcome, granted or rejected, keyed by template id. */
    public static final String CLAIM_RESULTS = "claim-results";
    /** Outcomes of template definitions, keyed by template id: the API's 201 waits on these. */
    public static final String TEMPLATE_RESULTS = "template-results";
    /** Every coupon state change, keyed by user id. */
    public static final String COUPON_EVENTS = "coupon-events";
    /** The latest definition of every template, keyed by template id. Compacted: the source of truth. */
    public static final String COUPON_TEMPLATES = "coupon-templates";
    /** Blocked users, keyed by user id; an unblock is a tombstone. Compacted: the source of truth. */
    public static final String USER_BLOCKLIST = "user-blocklist";

    /** The answer to every redemption command, keyed by user id. */
    public static final String REDEMPTION_RESULTS = "redemption-results";
    /** Per template per minute: requests, grants, rejections by reason, redemptions, discount total. */
    public static final String TEMPLATE_STATS = "template-stats";
    /** Users' profiles as clients last PUT them, keyed by user id. Compacted: the source of truth. */
    public static final String USER_PROFILES = "user-profiles";
    /** The answer to a profile PUT once the user-keyed step stored it, keyed by user id. */
    public static final String PROFILE_RESULTS = "profile-results";
    /** Claims of templates with an audience, on their way to be judged where the user's profile lives. */
    public static final String AUDIENCE_CHECKS = "audience-checks";
    /** Targeted issuances, written to every partition (keyed by user id): each walks its own users. */
    public static final String ISSUANCE_REQUESTS = "issuance-requests";
    /** What the walkers and the decider report of each issuance, keyed by template id. */
    public static final String ISSUANCE_PROGRESS = "issuance-progress";
    /** The answer to an issuance's start once its progress is recorded, keyed by template id. */
    public static final String ISSUANCE_RESULTS = "issuance-results";
    /** Changes to an experiment's counts per variant (tries, grants, uses, refunds), keyed by template id. */
    public static final String EXPERIMENT_EVENTS = "experiment-events";
    /** Records the topology could not read, with the reason in headers (Kafka Streams' dead-letter queue). */
    public static final String DEAD_LETTERS = "coupon-dead-letters";
    /**
     * Coupon events and templates the MySQL sink could not write (Kafka Connect's dead-letter queue). Created
     * with the others, so the sink never starts against a missing topic.
     */
    public static final String SINK_DEAD_LETTERS = "coupon-sink-dead-letters";

    public record Spec(String name, boolean compacted) {
    }

    /**
     * The command topics only our own steps read, written in Smile (binary JSON, the same fields): the claim
     * path decodes every record of them. Everything else is JSON text for analysts and other systems.
     */
    public static final Set<String> COMPACT = Set.of(CLAIM_REQUESTS, WALLET_COMMANDS, AUDIENCE_CHECKS);

    public static boolean isCompact(String topic) {
        return COMPACT.contains(topic);
    }

    public static final List<Spec> ALL = List.of(
            new Spec(CLAIM_REQUESTS, false),
            new Spec(WALLET_COMMANDS, false),
            new Spec(CLAIM_RESULTS, false),
            new Spec(TEMPLATE_RESULTS, false),
            new Spec(COUPON_EVENTS, false),
            new Spec(REDEMPTION_RESULTS, false),
            new Spec(TEMPLATE_STATS, false),
            new Spec(COUPON_TEMPLATES, true),
            new Spec(USER_BLOCKLIST, true),
            new Spec(USER_PROFILES, true),
            new Spec(PROFILE_RESULTS, false),
            new Spec(AUDIENCE_CHECKS, false),
            new Spec(ISSUANCE_REQUESTS, false),
            new Spec(ISSUANCE_PROGRESS, false),
            new Spec(ISSUANCE_RESULTS, false),
            new Spec(EXPERIMENT_EVENTS, false),
            new Spec(DEAD_LETTERS, false),
            new Spec(SINK_DEAD_LETTERS, false));

    private Topics() {
    }
}
