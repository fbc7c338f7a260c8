package io.coupon.contract;

import io.coupon.contract.message.AudienceCheck;
import io.coupon.contract.message.BlocklistEntry;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.ExperimentDelta;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.StartIssuance;
import io.coupon.contract.message.TemplateResult;
import io.coupon.contract.message.TemplateStats;
import io.coupon.contract.message.UserProfile;
import io.coupon.contract.message.WalletCommand;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Template;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What each of the platform's topics carries, for everything that writes or reads one: every key is an id as 8
 * big-endian bytes, every value is written by {@link JsonSerdes}. The names, what each topic means and how it is
 * created are in {@link Topics}. The two dead-letter topics are not here: Kafka Streams and Kafka Connect write
 * them as the bytes they could not read, and nothing of ours reads them.
 */
public final class TopicCatalog {

    private static final Serde<Long> IDS = Serdes.Long();

    public static final Topic<Long, ClaimCommand> CLAIM_REQUESTS = topic(Topics.CLAIM_REQUESTS, ClaimCommand.class);
    public static final Topic<Long, WalletCommand> WALLET_COMMANDS =
            topic(Topics.WALLET_COMMANDS, WalletCommand.class);
    public static final Topic<Long, ClaimOutcome> CLAIM_RESULTS = topic(Topics.CLAIM_RESULTS, ClaimOutcome.class);
    public static final Topic<Long, TemplateResult> TEMPLATE_RESULTS =
            topic(Topics.TEMPLATE_RESULTS, TemplateResult.class);
    public static final Topic<Long, CouponEvent> COUPON_EVENTS = topic(Topics.COUPON_EVENTS, CouponEvent.class);
    public static final Topic<Long, Template> COUPON_TEMPLATES = topic(Topics.COUPON_TEMPLATES, Template.class);
    public static final Topic<Long, BlocklistEntry> USER_BLOCKLIST =
            topic(Topics.USER_BLOCKLIST, BlocklistEntry.class);
    public static final Topic<Long, RedemptionResult> REDEMPTION_RESULTS =
            topic(Topics.REDEMPTION_RESULTS, RedemptionResult.class);
    public static final Topic<Long, TemplateStats> TEMPLATE_STATS = topic(Topics.TEMPLATE_STATS, TemplateStats.class);
    public static final Topic<Long, UserProfile> USER_PROFILES = topic(Topics.USER_PROFILES, UserProfile.class);
    public static final Topic<Long, ProfileResult> PROFILE_RESULTS =
            topic(Topics.PROFILE_RESULTS, ProfileResult.class);
    public static final Topic<Long, AudienceCheck> AUDIENCE_CHECKS =
            topic(Topics.AUDIENCE_CHECKS, AudienceCheck.class);
    public static final Topic<Long, StartIssuance> ISSUANCE_REQUESTS =
            topic(Topics.ISSUANCE_REQUESTS, StartIssuance.class);
    public static final Topic<Long, IssuanceDelta> ISSUANCE_PROGRESS =
            topic(Topics.ISSUANCE_PROGRESS, IssuanceDelta.class);
    public static final Topic<Long, IssuanceResult> ISSUANCE_RESULTS =
            topic(Topics.ISSUANCE_RESULTS, IssuanceResult.class);
    public static final Topic<Long, ExperimentDelta> EXPERIMENT_EVENTS =
            topic(Topics.EXPERIMENT_EVENTS, ExperimentDelta.class);

    private TopicCatalog() {
    }

    private static <V> Topic<Long, V> topic(String name, Class<V> type) {
        return new Topic<>(name, IDS, JsonSerdes.of(type));
    }
}
