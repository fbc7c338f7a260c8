package io.coupon.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.Keys;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.Stores;
import io.coupon.contract.Topic;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.message.AudienceCheck;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.IssuanceJob;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.StartIssuance;
import io.coupon.contract.message.UserProfile;
import io.coupon.domain.IssuanceProgress;
import io.coupon.domain.Profile;
import io.coupon.domain.UserStats;
import java.util.Map;
import io.coupon.contract.message.BlockUser;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.TemplateResult;
import io.coupon.contract.message.TryRedemption;
import io.coupon.contract.message.UnblockUser;
import io.coupon.contract.message.WalletCommand;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Order;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.TemplateBuilder;
import io.coupon.domain.Wallet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The real topology in a {@link TopologyTestDriver}, with the real serdes and topic names, and helpers that
 * speak in commands and outcomes. Every helper that sends a command returns once the driver has processed
 * it completely, including the hop through {@code claim-grants}.
 */
final class TopologyFixture implements AutoCloseable {

    static final Duration RETENTION = Duration.ofHours(24);
    static final TopologySettings SETTINGS = TopologySettings.withRetention(RETENTION);

    /** The default template's window, so the moments below fall inside it. */
    static final Instant START = TemplateBuilder.START;
    static final Instant END = TemplateBuilder.END;
    /** A moment inside every default template's window. */
    static final Instant OPEN = START.plus(Duration.ofHours(1));
    /** When templates are defined: before they start, as an operator would. */
    static final Instant DEFINED_AT = START.minus(Duration.ofDays(1));

    private final TopologyTestDriver driver;
    private final TestInputTopic<Long, ClaimCommand> claimRequests;
    private final TestOutputTopic<Long, ClaimOutcome> claimResults;
    private final TestOutputTopic<Long, TemplateResult> templateResults;
    private final TestOutputTopic<Long, CouponEvent> couponEvents;
    private final TestOutputTopic<Long, Template> couponTemplates;
    private final TestInputTopic<Long, WalletCommand> redemptionRequests;
    private final TestOutputTopic<Long, RedemptionResult> redemptionResults;
    private int redemptionRequestSequence;
    private final TestInputTopic<Long, UserProfile> userProfiles;
    private final TestOutputTopic<Long, ProfileResult> profileResults;
    private final TestOutputTopic<Long, AudienceCheck> audienceChecks;
    private final TestInputTopic<Long, StartIssuance> issuanceRequests;
    private final TestOutputTopic<Long, IssuanceResult> issuanceResults;
    private final TestInputTopic<Long, IssuanceDelta> issuanceProgress;
    private int profileRequestSequence;

    /** A driver whose wall clock starts at {@link #OPEN}, so housekeeping is judged against the claims' times. */
    TopologyFixture(Path stateDir) {
        this(stateDir, OPEN);
    }

    TopologyFixture(Path stateDir, Instant wallClock) {
        this(properties(stateDir), wallClock);
    }

    /** A driver built with {@code settings} (a short lock timeout, say), its wall clock at {@link #OPEN}. */
    TopologyFixture(Path stateDir, TopologySettings settings) {
        this(properties(stateDir), OPEN, settings);
    }

    TopologyFixture(Properties properties, Instant wallClock) {
        this(properties, wallClock, SETTINGS);
    }

    TopologyFixture(Properties properties, Instant wallClock, TopologySettings settings) {
        this(properties, wallClock, settings, LocalAnswers.none());
    }

    /** A driver whose decider hands its rejections to {@code answers}, as the all-in-one's does. */
    TopologyFixture(Path stateDir, LocalAnswers answers) {
        this(properties(stateDir), OPEN, SETTINGS, answers);
    }

    TopologyFixture(Properties properties, Instant wallClock, TopologySettings settings, LocalAnswers answers) {
        driver = new TopologyTestDriver(ClaimTopology.build(settings, new WalletProgress(), answers), properties,
                wallClock);
        claimRequests = input(TopicCatalog.CLAIM_REQUESTS);
        claimResults = output(TopicCatalog.CLAIM_RESULTS);
        templateResults = output(TopicCatalog.TEMPLATE_RESULTS);
        couponEvents = output(TopicCatalog.COUPON_EVENTS);
        couponTemplates = output(TopicCatalog.COUPON_TEMPLATES);
        redemptionRequests = input(TopicCatalog.WALLET_COMMANDS);
        redemptionResults = output(TopicCatalog.REDEMPTION_RESULTS);
        userProfiles = input(TopicCatalog.USER_PROFILES);
        profileResults = output(TopicCatalog.PROFILE_RESULTS);
        audienceChecks = output(TopicCatalog.AUDIENCE_CHECKS);
        issuanceRequests = input(TopicCatalog.ISSUANCE_REQUESTS);
        issuanceProgress = input(TopicCatalog.ISSUANCE_PROGRESS);
        issuanceResults = output(TopicCatalog.ISSUANCE_RESULTS);
    }

    // --- precision marketing

    /** A profile PUT at {@code at}; returns its single answer on {@code profile-results}. */
    ProfileResult putProfile(long userId, Map<String, Object> attributes, Instant at) {
        String requestId = "profile-" + ++profileRequestSequence;
        userProfiles.pipeInput(userId, new UserProfile(requestId, userId, Profile.of(attributes), at), at);
        TestRecord<Long, ProfileResult> result = single(profileResults.readRecordsToList(), "profile-results");
        assertEquals(requestId, result.value().requestId());
        return result.value();
    }

    /**
     * Starts an issuance as the API does (its start on {@code issuance-progress}, the job on every partition of
     * {@code issuance-requests}; the driver has one); returns the answer on {@code issuance-results}.
     */
    IssuanceResult startIssuance(StartIssuance start) {
        issuanceProgress.pipeInput(start.templateId(), IssuanceDelta.started(start), start.at());
        issuanceRequests.pipeInput(null, start, start.at());
        return single(issuanceResults.readRecordsToList(), "issuance-results").value();
    }

    /** Drains {@code audience-checks}: the claims sent to be judged against an audience. */
    List<AudienceCheck> audienceChecks() {
        return audienceChecks.readValuesToList();
    }

    Profile profile(long userId) {
        KeyValueStore<Long, Profile> store = driver.getKeyValueStore(Stores.PROFILE_STORE);
        return store.get(userId);
    }

    UserStats stats(long userId) {
        KeyValueStore<Long, UserStats> store = driver.getKeyValueStore(Stores.USER_STATS_STORE);
        return store.get(userId);
    }

    IssuanceProgress issuance(long templateId, String issuanceId) {
        KeyValueStore<String, IssuanceProgress> store = driver.getKeyValueStore(Stores.ISSUANCE_PROGRESS_STORE);
        return store.get(Keys.templateRequest(templateId, issuanceId));
    }

    KeyValueStore<String, IssuanceJob> issuanceJobs() {
        return driver.getKeyValueStore(Stores.ISSUANCE_JOB_STORE);
    }

    ExperimentTally experiment(long templateId) {
        KeyValueStore<Long, ExperimentTally> store = driver.getKeyValueStore(Stores.EXPERIMENT_REPORT_STORE);
        return store.get(templateId);
    }

    static Properties properties(Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-" + UUID.randomUUID());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    // --- commands

    /** Defines a template and returns its single answer on {@code template-results}. */
    TemplateResult define(Template template) {
        return define("define-" + template.id(), template);
    }

    TemplateResult define(String requestId, Template template) {
        send(template.id(), new DefineTemplate(requestId, template), DEFINED_AT);
        TestRecord<Long, TemplateResult> result = single(templateResults.readRecordsToList(), "template-results");
        assertEquals(template.id(), result.key(), "template-results is keyed by template id");
        return result.value();
    }

    /** A claim at {@link #OPEN}. */
    ClaimOutcome claim(long templateId, long userId, String requestId) {
        return claim(templateId, userId, requestId, OPEN);
    }

    /** A claim accepted at {@code requestedAt}, piped with that record timestamp; returns its single answer. */
    ClaimOutcome claim(long templateId, long userId, String requestId, Instant requestedAt) {
        return claim(new Claim(requestId, templateId, userId, requestedAt), requestedAt);
    }

    /** A claim piped with a record timestamp of its own, to tell {@code requestedAt} from arrival. */
    ClaimOutcome claim(Claim claim, Instant recordTimestamp) {
        send(claim.templateId(), claim, recordTimestamp);
        TestRecord<Long, ClaimOutcome> result = single(claimResults.readRecordsToList(), "claim-results");
        assertEquals(claim.templateId(), result.key(), "claim-results is keyed by template id");
        return result.value();
    }

    /** The API broadcasts a block to every partition; the driver has one. */
    void block(long userId) {
        send(userId, new BlockUser(userId, OPEN), OPEN);
    }

    void unblock(long userId) {
        send(userId, new UnblockUser(userId, OPEN), OPEN);
    }

    void send(Long key, ClaimCommand command, Instant timestamp) {
        claimRequests.pipeInput(key, command, timestamp);
    }

    /** A Try accepted at {@code at}, keyed by user id; returns its single answer on {@code redemption-results}. */
    RedemptionResult tryRedemption(long userId, String orderId, String couponId, String orderAmount, Instant at) {
        return redeem(new TryRedemption(nextRedemptionRequestId(), userId, orderId, couponId,
                new BigDecimal(orderAmount), at));
    }

    RedemptionResult confirm(long userId, String orderId, Instant at) {
        return redeem(new ConfirmRedemption(nextRedemptionRequestId(), userId, orderId, at));
    }

    RedemptionResult cancel(long userId, String orderId, Instant at) {
        return redeem(new CancelRedemption(nextRedemptionRequestId(), userId, orderId, at));
    }

    /** Pipes a redemption command keyed by its user, with {@code at} as the record timestamp; returns its answer. */
    RedemptionResult redeem(RedemptionCommand command) {
        redemptionRequests.pipeInput(command.userId(), command, command.at());
        TestRecord<Long, RedemptionResult> result =
                single(redemptionResults.readRecordsToList(), "redemption-results");
        assertEquals(command.userId(), result.key(), "redemption-results is keyed by user id");
        assertEquals(command.requestId(), result.value().requestId(), "the answer names the request it answers");
        return result.value();
    }

    private String nextRedemptionRequestId() {
        return "redeem-" + ++redemptionRequestSequence;
    }

    void advanceWallClockTime(Duration advance) {
        driver.advanceWallClockTime(advance);
    }

    // --- what the topology published

    /** Drains {@code coupon-events}. */
    List<KeyValue<Long, CouponEvent>> couponEvents() {
        return couponEvents.readKeyValuesToList();
    }

    /** Drains {@code coupon-templates}. */
    List<KeyValue<Long, Template>> publishedTemplates() {
        return couponTemplates.readKeyValuesToList();
    }

    /** Drains {@code claim-results}; empty unless a command was sent with {@link #send}. */
    List<ClaimOutcome> claimResults() {
        return claimResults.readValuesToList();
    }

    /** Drains {@code redemption-results}; empty unless something other than the helpers wrote there. */
    List<RedemptionResult> redemptionResults() {
        return redemptionResults.readValuesToList();
    }

    /** Drains {@code template-results}; empty unless a command was sent with {@link #send}. */
    List<TemplateResult> templateResults() {
        return templateResults.readValuesToList();
    }

    // --- state

    /** The outcome the idempotency store still holds for a request id, or null once swept. */
    ClaimOutcome rememberedOutcome(long templateId, String requestId) {
        KeyValueStore<String, ClaimOutcome> store = driver.getKeyValueStore(Stores.IDEMPOTENCY_STORE);
        return store.get(Keys.templateRequest(templateId, requestId));
    }

    Stock stock(long templateId) {
        KeyValueStore<Long, Stock> store = driver.getKeyValueStore(Stores.STOCK_STORE);
        return store.get(templateId);
    }

    Template storedTemplate(long templateId) {
        KeyValueStore<Long, Template> store = driver.getKeyValueStore(Stores.TEMPLATE_STORE);
        return store.get(templateId);
    }

    /** How many coupons of the template the user holds, as the decider counts them (0 when never counted). */
    int claimCount(long templateId, long userId) {
        KeyValueStore<String, Integer> store = driver.getKeyValueStore(Stores.CLAIM_COUNT_STORE);
        Integer count = store.get(Keys.templateUser(templateId, userId));
        return count == null ? 0 : count;
    }

    /** The user's wallet, or null if the user never got a coupon. */
    Wallet wallet(long userId) {
        KeyValueStore<Long, Wallet> store = driver.getKeyValueStore(Stores.WALLET_STORE);
        return store.get(userId);
    }

    /** The user's order as {@code order-store} holds it, or null. */
    Order order(long userId, String orderId) {
        KeyValueStore<String, Order> store = driver.getKeyValueStore(Stores.ORDER_STORE);
        return store.get(Keys.userOrder(userId, orderId));
    }

    TopologyTestDriver driver() {
        return driver;
    }

    /** The topic as the API or another step writes it. */
    <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keys().serializer(), topic.values().serializer());
    }

    /** The topic as its readers read it. */
    <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keys().deserializer(), topic.values().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }

    private static <T> T single(List<T> records, String topic) {
        assertEquals(1, records.size(), "expected exactly one record on " + topic + ", got " + records);
        return records.get(0);
    }
}
