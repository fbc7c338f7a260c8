package io.coupon.topology;

import static io.coupon.contract.Stores.BLOCKLIST_STORE;
import static io.coupon.contract.Stores.CLAIM_COUNT_STORE;
import static io.coupon.contract.Stores.EXPIRY_INDEX_STORE;
import static io.coupon.contract.Stores.IDEMPOTENCY_EXPIRY_STORE;
import static io.coupon.contract.Stores.IDEMPOTENCY_STORE;
import static io.coupon.contract.Stores.ORDER_STORE;
import static io.coupon.contract.Stores.STOCK_STORE;
import static io.coupon.contract.Stores.TEMPLATE_STORE;
import static io.coupon.contract.Stores.WALLET_STORE;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The claim pipeline, in the order a claim travels it:
 * <ol>
 *   <li>{@code claim-requests} (keyed by template) feeds {@code decide-claim}, which owns the template, its
 *       stock, the per-user counts, the idempotency records and the blocklist, and decides in one step;</li>
 *   <li>rejections go to {@code claim-results}; grants go to {@code claim-grants}, keyed by user;</li>
 *   <li>{@code add-to-wallet} puts the coupon in the user's wallet, then publishes the outcome to
 *       {@code claim-results} and the new coupon to {@code coupon-events};</li>
 *   <li>{@code redemption-requests} (keyed by user, co-partitioned with {@code claim-grants}) feeds
 *       {@code redeem-coupon}, which runs Try / Confirm / Cancel and the lock and expiry timers against the
 *       same {@code wallet-store}, answers on {@code redemption-results} and publishes every transition to
 *       {@code coupon-events}.</li>
 * </ol>
 * The analysts' per-minute statistics ({@link TemplateStatsTopology}) read {@code claim-results} and
 * {@code coupon-events} back and publish {@code template-stats}.
 * Template definitions ride the same partition as the claims, so every claim after a definition sees it.
 * The two steps are separate sub-topologies (each writes {@code claim-results} through its own sink), so a
 * task reads one input partition and never waits to align the timestamps of two.
 */
public final class ClaimTopology {

    public static final String CLAIM_REQUESTS_SOURCE = "claim-requests-source";
    public static final String DECIDE_CLAIM = "decide-claim";
    public static final String CLAIM_RESULTS_SINK = "claim-results-sink";
    public static final String CLAIM_GRANTS_SINK = "claim-grants-sink";
    public static final String TEMPLATE_RESULTS_SINK = "template-results-sink";
    public static final String COUPON_TEMPLATES_SINK = "coupon-templates-sink";
    public static final String CLAIM_GRANTS_SOURCE = "claim-grants-source";
    public static final String ADD_TO_WALLET = "add-to-wallet";
    public static final String GRANTED_RESULTS_SINK = "granted-results-sink";
    public static final String COUPON_EVENTS_SINK = "coupon-events-sink";
    public static final String REDEMPTION_REQUESTS_SOURCE = "redemption-requests-source";
    public static final String REDEEM_COUPON = "redeem-coupon";
    public static final String REDEMPTION_RESULTS_SINK = "redemption-results-sink";

    private ClaimTopology() {
    }

    public static Topology build(TopologySettings settings) {
        Serde<Long> ids = Serdes.Long();
        StreamsBuilder analysts = new StreamsBuilder();
        TemplateStatsTopology.addTo(analysts);
        Topology topology = analysts.build();

        topology.addSource(CLAIM_REQUESTS_SOURCE, ids.deserializer(), JsonSerdes.claimCommand().deserializer(),
                Topics.CLAIM_REQUESTS);
        topology.addProcessor(DECIDE_CLAIM, () -> new DecideClaimProcessor(settings), CLAIM_REQUESTS_SOURCE);
        topology.addStateStore(store(TEMPLATE_STORE, ids, JsonSerdes.template()), DECIDE_CLAIM);
        topology.addStateStore(store(STOCK_STORE, ids, JsonSerdes.stock()), DECIDE_CLAIM);
        topology.addStateStore(store(CLAIM_COUNT_STORE, Serdes.String(), Serdes.Integer()), DECIDE_CLAIM);
        topology.addStateStore(store(IDEMPOTENCY_STORE, Serdes.String(), JsonSerdes.claimOutcome()), DECIDE_CLAIM);
        topology.addStateStore(store(IDEMPOTENCY_EXPIRY_STORE, Serdes.String(), Serdes.String()), DECIDE_CLAIM);
        topology.addStateStore(store(BLOCKLIST_STORE, ids, Serdes.Long()), DECIDE_CLAIM);
        topology.addSink(CLAIM_RESULTS_SINK, Topics.CLAIM_RESULTS, ids.serializer(), JsonSerdes.serializer(),
                DECIDE_CLAIM);
        topology.addSink(CLAIM_GRANTS_SINK, Topics.CLAIM_GRANTS, ids.serializer(), JsonSerdes.serializer(),
                DECIDE_CLAIM);
        topology.addSink(TEMPLATE_RESULTS_SINK, Topics.TEMPLATE_RESULTS, ids.serializer(), JsonSerdes.serializer(),
                DECIDE_CLAIM);
        topology.addSink(COUPON_TEMPLATES_SINK, Topics.COUPON_TEMPLATES, ids.serializer(), JsonSerdes.serializer(),
                DECIDE_CLAIM);

        topology.addSource(CLAIM_GRANTS_SOURCE, ids.deserializer(), JsonSerdes.claimGrant().deserializer(),
                Topics.CLAIM_GRANTS);
        topology.addProcessor(ADD_TO_WALLET, AddToWalletProcessor::new, CLAIM_GRANTS_SOURCE);
        topology.addSink(GRANTED_RESULTS_SINK, Topics.CLAIM_RESULTS, ids.serializer(), JsonSerdes.serializer(),
                ADD_TO_WALLET);

        topology.addSource(REDEMPTION_REQUESTS_SOURCE, ids.deserializer(),
                JsonSerdes.redemptionCommand().deserializer(), Topics.REDEMPTION_REQUESTS);
        topology.addProcessor(REDEEM_COUPON, () -> new RedeemCouponProcessor(settings), REDEMPTION_REQUESTS_SOURCE);
        topology.addSink(REDEMPTION_RESULTS_SINK, Topics.REDEMPTION_RESULTS, ids.serializer(),
                JsonSerdes.serializer(), REDEEM_COUPON);

        topology.addStateStore(store(WALLET_STORE, ids, JsonSerdes.wallet()), ADD_TO_WALLET, REDEEM_COUPON);
        topology.addStateStore(store(EXPIRY_INDEX_STORE, Serdes.String(), Serdes.String()), ADD_TO_WALLET,
                REDEEM_COUPON);
        topology.addStateStore(store(ORDER_STORE, Serdes.String(), JsonSerdes.order()), REDEEM_COUPON);
        topology.addSink(COUPON_EVENTS_SINK, Topics.COUPON_EVENTS, ids.serializer(), JsonSerdes.serializer(),
                ADD_TO_WALLET, REDEEM_COUPON);
        return topology;
    }

    private static <K, V> StoreBuilder<KeyValueStore<K, V>> store(String name, Serde<K> keys, Serde<V> values) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values);
    }
}
