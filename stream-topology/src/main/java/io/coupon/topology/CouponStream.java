package io.coupon.topology;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.Stores;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.config.StreamsSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream, assembled for one instance: the topology with this instance's settings, what it tells the API
 * (whether it decides alone), its metrics, and a close that leaves the group.
 */
public final class CouponStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouponStream.class);
    private static final List<String> GAUGED_STORES = List.of(Stores.TEMPLATE_STORE, Stores.STOCK_STORE,
            Stores.CLAIM_COUNT_STORE, Stores.IDEMPOTENCY_STORE, Stores.WALLET_STORE, Stores.ORDER_STORE,
            Stores.EXPIRY_INDEX_STORE, Stores.PROFILE_STORE, Stores.USER_STATS_STORE);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final RestoredRecords restored = new RestoredRecords();

    private CouponStream(KafkaStreams streams) {
        this.streams = streams;
    }

    /**
     * @param advertisedServer host:port other instances use to forward interactive queries here
     * @param answers          where the decisions are handed over in process, if this instance decides alone
     */
    public static CouponStream start(StreamsSettings settings, KafkaConnection kafka, String advertisedServer,
                                     int replication, WalletProgress walletProgress, LocalAnswers answers,
                                     MeterRegistry meters) {
        KafkaStreams ks = new KafkaStreams(
                ClaimTopology.build(TopologySettings.of(settings.idempotencyRetention(), settings.lockTimeout())
                        .withIssuanceRate(settings.issuanceRate()), walletProgress, answers),
                StreamsProperties.of(settings, kafka, advertisedServer, replication, answers.active()),
                new WalletProgressClientSupplier(walletProgress));
        CouponStream stream = new CouponStream(ks);
        try {
            stream.wire(answers, meters);
            ks.start();
            return stream;
        } catch (RuntimeException | Error e) {
            stream.close();
            throw e;
        }
    }

    /** Tells the API whether this instance decides alone, replaces a dead thread, counts restores, gauges stores. */
    private void wire(LocalAnswers answers, MeterRegistry meters) {
        // Only the sole instance of the stream decides every claim and applies every grant it answers: another
        // instance joining starts a rebalance here before it can take a task, and this stops handing over.
        streams.setStateListener((now, before) -> answers.alone(now == KafkaStreams.State.RUNNING
                && streams.metadataForAllStreamsClients().size() == 1));
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread died; replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.setGlobalStateRestoreListener(restored);
        FunctionCounter.builder("coupon.state.restored.records", restored, RestoredRecords::total)
                .description("Changelog records replayed into this instance's state stores since it started")
                .register(meters);
        for (String store : GAUGED_STORES) {
            Gauge.builder("coupon.store.entries", () -> approximateEntries(store))
                    .description("Approximate entries of a state store on this instance").tag("store", store)
                    .register(meters);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** How many changelog records this instance has replayed into its state stores since it started. */
    public long restoredRecords() {
        return restored.total();
    }

    /** The stream's Kafka clients' metrics, for the server to publish at scrape time. */
    public Supplier<Map<MetricName, ? extends Metric>> kafkaMetrics() {
        return streams::metrics;
    }

    private double approximateEntries(String store) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.<Object, Object>keyValueStore())).approximateNumEntries();
        } catch (RuntimeException notQueryableNow) {
            return Double.NaN;
        }
    }

    /** Leaving the group lets a restart take its partitions back at once instead of after the session timeout. */
    @Override
    public void close() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_WAIT));
    }
}
