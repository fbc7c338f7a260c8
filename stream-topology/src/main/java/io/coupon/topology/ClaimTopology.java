package io.coupon.topology;

import static io.coupon.contract.Stores.BLOCKLIST_STORE;
import static io.coupon.contract.Stores.CLAIM_COUNT_STORE;
import static io.coupon.contract.Stores.EXPERIMENT_REPORT_STORE;
import static io.coupon.contract.Stores.EXPERIMENT_USERS_STORE;
import static io.coupon.contract.Stores.EXPIRY_INDEX_STORE;
import static io.coupon.contract.Stores.ISSUANCE_JOB_STORE;
import static io.coupon.contract.Stores.ISSUANCE_PROGRESS_STORE;
import static io.coupon.contract.Stores.PROFILE_STORE;
import static io.coupon.contract.Stores.USER_STATS_STORE;
import static io.coupon.contract.Stores.IDEMPOTENCY_STORE;
import static io.coupon.contract.Stores.ORDER_STORE;
import static io.coupon.contract.Stores.STOCK_STORE;
import static io.coupon.contract.Stores.TEMPLATE_MINUTES_STORE;
import static io.coupon.contract.Stores.TEMPLATE_STORE;
import static io.coupon.contract.Stores.WALLET_STORE;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.Topic;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.contract.message.IssuanceJob;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.IssuanceProgress;
import io.coupon.domain.Order;
import io.coupon.domain.Profile;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.UserStats;
import io.coupon.domain.Wallet;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The claim pipeline, in the order a claim travels it:
 * <ol>
 *   <li>{@code claim-requests} (keyed by template) feeds {@code decide-claim}, which owns the template, its
 *       stock, the per-user counts, the idempotency records and the blocklist, and decides in one step;</li>
 *   <li>every outcome goes to {@code claim-results} and a fresh grant also to {@code wallet-commands}, keyed by
 *       user, in one transaction; the API answers as soon as the answer is written (a grant from its wallet
 *       record, anything else from claim-results), without waiting for the commit: the decider reads one
 *       topic and no clock, so a replay after a crash writes the same answers again
 *       ({@link io.coupon.contract.ClaimAnswers});</li>
 *   <li>{@code wallet-commands} also carries Try / Confirm / Cancel / Refund from the API, so a user's steps
 *       follow the grants they name in the partition; {@code route-wallet-command} hands grants to
 *       {@code add-to-wallet}, which puts the coupon in the wallet and publishes it to {@code coupon-events}, and
 *       redemptions to {@code redeem-coupon}, which runs them and the lock and expiry timers against the same
 *       {@code wallet-store}, answers on {@code redemption-results} and publishes every transition.</li>
 * </ol>
 * A wallet read waits until the wallet step has applied what its partition held when the read began
 * ({@link io.coupon.contract.WalletProgress}), so the coupon of a 201 is in the next wallet read.
 * The analysts' per-minute statistics are summed in the decider's task, from its decisions and from the uses
 * the wallet's step sends to the template's partition, and published on {@code template-stats}.
 * Template definitions ride the same partition as the claims, so every claim after a definition sees it.
 * The two steps are separate sub-topologies, each reading one input topic, so a task never waits to align the
 * timestamps of two.
 */
public final class ClaimTopology {

    public static final String CLAIM_REQUESTS_SOURCE = "claim-requests-source";
    public static final String DECIDE_CLAIM = "decide-claim";
    public static final String CLAIM_RESULTS_SINK = "claim-results-sink";
    public static final String WALLET_COMMANDS_SINK = "wallet-commands-sink";
    public static final String TEMPLATE_RESULTS_SINK = "template-results-sink";
    public static final String COUPON_TEMPLATES_SINK = "coupon-templates-sink";
    public static final String WALLET_COMMANDS_SOURCE = "wallet-commands-source";
    public static final String ROUTE_WALLET_COMMAND = "route-wallet-command";
    public static final String ADD_TO_WALLET = "add-to-wallet";
    public static final String COUPON_EVENTS_SINK = "coupon-events-sink";
    public static final String REDEEM_COUPON = "redeem-coupon";
    public static final String REDEMPTION_RESULTS_SINK = "redemption-results-sink";
    public static final String AUDIENCE_CHECKS_SINK = "audience-checks-sink";
    public static final String DECISION_ISSUANCE_PROGRESS_SINK = "decision-issuance-progress-sink";
    public static final String DECISION_EXPERIMENT_EVENTS_SINK = "decision-experiment-events-sink";
    public static final String AUDIENCE_CHECKS_SOURCE = "audience-checks-source";
    public static final String CHECK_AUDIENCE = "check-audience";
    public static final String CLAIM_REQUESTS_SINK = "claim-requests-sink";
    public static final String USER_PROFILES_SOURCE = "user-profiles-source";
    public static final String STORE_PROFILE = "store-profile";
    public static final String PROFILE_RESULTS_SINK = "profile-results-sink";
    public static final String ISSUANCE_REQUESTS_SOURCE = "issuance-requests-source";
    public static final String WALK_ISSUANCES = "walk-issuances";
    public static final String ISSUANCE_PROGRESS_SINK = "issuance-progress-sink";
    public static final String ISSUANCE_PROGRESS_SOURCE = "issuance-progress-source";
    public static final String SUM_ISSUANCE_PROGRESS = "sum-issuance-progress";
    public static final String ISSUANCE_RESULTS_SINK = "issuance-results-sink";
    public static final String EXPERIMENT_EVENTS_SINK = "experiment-events-sink";
    public static final String EXPERIMENT_EVENTS_SOURCE = "experiment-events-source";
    public static final String COUNT_EXPERIMENT = "count-experiment";
    public static final String SUM_STATS = "sum-stats";
    public static final String TEMPLATE_STATS_SINK = "template-stats-sink";

    private ClaimTopology() {
    }

    public static Topology build(TopologySettings settings) {
        return build(settings, new WalletProgress(), LocalAnswers.none());
    }

    /**
     * @param progress where the wallet step reports what it applied, for the wallet reads of this process
     * @param answers  where the decider hands the outcomes it decides, for the API of this process, and the
     *                 wallet step reports the grants it applied
     */
    public static Topology build(TopologySettings settings, WalletProgress progress, LocalAnswers answers) {
        Serde<Long> ids = Serdes.Long();
        Topology topology = new Topology();

        source(topology, CLAIM_REQUESTS_SOURCE, TopicCatalog.CLAIM_REQUESTS);
        topology.addProcessor(DECIDE_CLAIM, () -> new DecideClaimProcessor(settings, answers), CLAIM_REQUESTS_SOURCE);
        // A flash sale reads its template and takes its stock on every claim: cached, they are read from memory
        // and written to their changelogs once per commit rather than once per claim.
        topology.addStateStore(store(TEMPLATE_STORE, ids, JsonSerdes.stored(Template.class)).withCachingEnabled(),
                DECIDE_CLAIM);
        topology.addStateStore(store(STOCK_STORE, ids, JsonSerdes.stored(Stock.class)).withCachingEnabled(),
                DECIDE_CLAIM);
        topology.addStateStore(store(CLAIM_COUNT_STORE, Serdes.String(), Serdes.Integer()), DECIDE_CLAIM);
        topology.addStateStore(store(IDEMPOTENCY_STORE, Serdes.String(), JsonSerdes.stored(ClaimOutcome.class)),
                DECIDE_CLAIM);
        topology.addStateStore(store(BLOCKLIST_STORE, ids, Serdes.Long()), DECIDE_CLAIM);
        topology.addStateStore(store(EXPERIMENT_USERS_STORE, Serdes.String(), Serdes.Long()), DECIDE_CLAIM);
        sink(topology, CLAIM_RESULTS_SINK, TopicCatalog.CLAIM_RESULTS, DECIDE_CLAIM);
        sink(topology, WALLET_COMMANDS_SINK, TopicCatalog.WALLET_COMMANDS, DECIDE_CLAIM);
        sink(topology, TEMPLATE_RESULTS_SINK, TopicCatalog.TEMPLATE_RESULTS, DECIDE_CLAIM);
        sink(topology, COUPON_TEMPLATES_SINK, TopicCatalog.COUPON_TEMPLATES, DECIDE_CLAIM);
        sink(topology, AUDIENCE_CHECKS_SINK, TopicCatalog.AUDIENCE_CHECKS, DECIDE_CLAIM);
        // The decider's own sinks, even where another step writes the same topic: a sink shared with a user-keyed
        // step would fuse both into one sub-topology, whose tasks would read five topics instead of one.
        sink(topology, DECISION_ISSUANCE_PROGRESS_SINK, TopicCatalog.ISSUANCE_PROGRESS, DECIDE_CLAIM);
        sink(topology, DECISION_EXPERIMENT_EVENTS_SINK, TopicCatalog.EXPERIMENT_EVENTS, DECIDE_CLAIM);

        source(topology, WALLET_COMMANDS_SOURCE, TopicCatalog.WALLET_COMMANDS);
        topology.addProcessor(ROUTE_WALLET_COMMAND, () -> new RouteWalletCommandProcessor(progress, answers),
                WALLET_COMMANDS_SOURCE);
        topology.addProcessor(ADD_TO_WALLET, AddToWalletProcessor::new, ROUTE_WALLET_COMMAND);
        topology.addProcessor(REDEEM_COUPON, () -> new RedeemCouponProcessor(settings), ROUTE_WALLET_COMMAND);
        sink(topology, REDEMPTION_RESULTS_SINK, TopicCatalog.REDEMPTION_RESULTS, REDEEM_COUPON);

        topology.addStateStore(store(WALLET_STORE, ids, JsonSerdes.stored(Wallet.class)), ADD_TO_WALLET,
                REDEEM_COUPON);
        topology.addStateStore(store(EXPIRY_INDEX_STORE, Serdes.String(), Serdes.String()), ADD_TO_WALLET,
                REDEEM_COUPON);
        topology.addStateStore(store(ORDER_STORE, Serdes.String(), JsonSerdes.stored(Order.class)), REDEEM_COUPON);
        sink(topology, COUPON_EVENTS_SINK, TopicCatalog.COUPON_EVENTS, ADD_TO_WALLET, REDEEM_COUPON);

        addPrecisionMarketing(topology, settings);
        // What the user-keyed steps send to the templates' partitions: claims judged against their audience,
        // claims of a targeted issuance, and confirmed uses for the statistics.
        sink(topology, CLAIM_REQUESTS_SINK, TopicCatalog.CLAIM_REQUESTS, CHECK_AUDIENCE, WALK_ISSUANCES,
                REDEEM_COUPON);
        addTemplateStats(topology);
        return topology;
    }

    /**
     * The analysts' per-minute statistics, summed beside the decisions they count: the decider hands
     * {@code sum-stats} each fresh decision and each confirmed use it receives, so nothing reads a result topic
     * back. {@code sum-stats} publishes a minute once it closes; its wall-clock check touches only its own store
     * and {@code template-stats}, which no decision reads, so the decider's answers stay a function of its input.
     */
    private static void addTemplateStats(Topology topology) {
        topology.addProcessor(SUM_STATS, SumTemplateStatsProcessor::new, DECIDE_CLAIM);
        topology.addStateStore(store(TEMPLATE_MINUTES_STORE, Serdes.String(), JsonSerdes.stored(TemplateStats.class))
                .withCachingEnabled(), SUM_STATS);
        sink(topology, TEMPLATE_STATS_SINK, TopicCatalog.TEMPLATE_STATS, SUM_STATS);
    }

    /**
     * Profiles, audiences, targeted issuance and experiments. The user-keyed steps (storing a profile, judging a
     * claim against an audience, walking an issuance) share the stores of the wallet's step, so they run in the
     * task that owns the user and see the user's stats as the wallet's transitions left them. The issuance
     * progress and the experiment counts are summed in template-keyed steps of their own.
     */
    private static void addPrecisionMarketing(Topology topology, TopologySettings settings) {
        Serde<Long> ids = Serdes.Long();
        source(topology, USER_PROFILES_SOURCE, TopicCatalog.USER_PROFILES);
        topology.addProcessor(STORE_PROFILE, StoreProfileProcessor::new, USER_PROFILES_SOURCE);
        sink(topology, PROFILE_RESULTS_SINK, TopicCatalog.PROFILE_RESULTS, STORE_PROFILE);

        source(topology, AUDIENCE_CHECKS_SOURCE, TopicCatalog.AUDIENCE_CHECKS);
        topology.addProcessor(CHECK_AUDIENCE, CheckAudienceProcessor::new, AUDIENCE_CHECKS_SOURCE);

        source(topology, ISSUANCE_REQUESTS_SOURCE, TopicCatalog.ISSUANCE_REQUESTS);
        topology.addProcessor(WALK_ISSUANCES, () -> new WalkIssuancesProcessor(settings), ISSUANCE_REQUESTS_SOURCE);
        sink(topology, ISSUANCE_PROGRESS_SINK, TopicCatalog.ISSUANCE_PROGRESS, WALK_ISSUANCES);
        sink(topology, EXPERIMENT_EVENTS_SINK, TopicCatalog.EXPERIMENT_EVENTS, REDEEM_COUPON);

        topology.addStateStore(store(PROFILE_STORE, ids, JsonSerdes.stored(Profile.class)), STORE_PROFILE,
                CHECK_AUDIENCE, WALK_ISSUANCES);
        topology.addStateStore(store(USER_STATS_STORE, ids, JsonSerdes.stored(UserStats.class)), ADD_TO_WALLET,
                REDEEM_COUPON, STORE_PROFILE, CHECK_AUDIENCE, WALK_ISSUANCES);
        topology.addStateStore(store(ISSUANCE_JOB_STORE, Serdes.String(), JsonSerdes.stored(IssuanceJob.class)),
                WALK_ISSUANCES);

        source(topology, ISSUANCE_PROGRESS_SOURCE, TopicCatalog.ISSUANCE_PROGRESS);
        topology.addProcessor(SUM_ISSUANCE_PROGRESS, SumIssuanceProgressProcessor::new, ISSUANCE_PROGRESS_SOURCE);
        topology.addStateStore(store(ISSUANCE_PROGRESS_STORE, Serdes.String(),
                        JsonSerdes.stored(IssuanceProgress.class)),
                SUM_ISSUANCE_PROGRESS);
        sink(topology, ISSUANCE_RESULTS_SINK, TopicCatalog.ISSUANCE_RESULTS, SUM_ISSUANCE_PROGRESS);

        source(topology, EXPERIMENT_EVENTS_SOURCE, TopicCatalog.EXPERIMENT_EVENTS);
        topology.addProcessor(COUNT_EXPERIMENT, CountExperimentProcessor::new, EXPERIMENT_EVENTS_SOURCE);
        topology.addStateStore(store(EXPERIMENT_REPORT_STORE, ids, JsonSerdes.stored(ExperimentTally.class)),
                COUNT_EXPERIMENT);
    }

    private static <K, V> void source(Topology topology, String name, Topic<K, V> topic) {
        topology.addSource(name, topic.keys().deserializer(), topic.values().deserializer(), topic.name());
    }

    /**
     * A sink writes whatever its parents forward to it, unchecked by the compiler: the parents' declared output
     * (see each processor) is what keeps it to the topic's value type.
     */
    private static <K, V> void sink(Topology topology, String name, Topic<K, V> topic, String... parents) {
        topology.addSink(name, topic.name(), topic.keys().serializer(), topic.values().serializer(), parents);
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }
}
