package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.config.CouponConfig;
import io.coupon.contract.config.Role;
import io.coupon.ingest.IngestApi;
import io.coupon.query.QueryApi;
import io.coupon.query.TemplateCatalog;
import io.coupon.server.dashboard.ActivitySampler;
import io.coupon.server.dashboard.DashboardRoutes;
import io.coupon.topology.CouponStream;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles one process for its role, through constructors only: the embedded broker when no cluster is
 * given, the topics, the stream, the API, the queries and the HTTP server. Closing stops them in reverse.
 */
public final class CouponServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouponServer.class);
    /** How often start-up looks whether the stream runs: a claim sent at "serving on" must find it running. */
    private static final Duration RUNNING_POLL = Duration.ofMillis(20);

    private final CouponConfig config;
    private final Clock clock;
    private final boolean warmUpCopy;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private CouponStream stream;
    private Javalin http;

    public CouponServer(CouponConfig config, Clock clock) {
        this(config, clock, false);
    }

    /** @param warmUpCopy a private copy for {@link StartupWarmUp}: it never says "serving on", which scripts wait for */
    CouponServer(CouponConfig config, Clock clock, boolean warmUpCopy) {
        this.config = config;
        this.clock = clock;
        this.warmUpCopy = warmUpCopy;
    }

    public CouponServer start() throws Exception {
        try {
            startEverything();
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Every method and path this server answers ({@code GET /v1/templates/{templateId}}), once started. */
    List<String> servedRoutes() {
        return http.unsafe.internalRouter.allHttpHandlers().stream()
                .map(handler -> handler.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .toList();
    }

    private void startEverything() throws Exception {
        String bootstrap = config.kafka().bootstrapServers();
        if (config.kafka().embedded()) {
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(config.kafka().brokerLogDir(),
                    config.kafka().embeddedPort(), config.kafka().embeddedControllerPort());
            started.push(broker);
            broker.start();
            bootstrap = broker.bootstrapServers();
        }
        KafkaConnection kafka = config.kafka().connection(bootstrap);
        Admin admin = Admin.create(kafka.properties());
        started.push(admin);
        int replication = TopicInitializer.replicationFactor(admin, config.kafka().replicationFactor());
        TopicInitializer.ensureTopics(admin, config.kafka().partitions(), replication);

        EmbeddedConnectWorker sink = null;
        if (config.role() == Role.ALL && config.mysql().sinkEnabled()) {
            sink = startSink(kafka, replication);
        }

        KafkaMetricsAtScrape meters = new KafkaMetricsAtScrape();
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);
        started.push(gc);

        // The all-in-one on its own broker decides every claim it takes, so it answers claims as it decides them
        // rather than reading them back from claim-results and wallet-commands (LocalAnswers says why that is
        // as safe).
        LocalAnswers answers = config.kafka().embedded() && config.role() == Role.ALL
                ? LocalAnswers.inProcess() : LocalAnswers.none();
        started.push(answers);
        QueryApi queries;
        if (config.role().runsStream()) {
            WalletProgress walletProgress = new WalletProgress();
            startStream(kafka, replication, meters, walletProgress, answers);
            queries = QueryApi.ofStream(config.http(), stream.streams(), admin, walletProgress, answers, clock);
        } else {
            queries = QueryApi.remote(config.http(), clock);
        }
        IngestApi ingest = startApi(kafka, meters, queries, answers);
        TemplateCatalog catalog = queries.catalog();
        List<Consumer<RoutesConfig>> routes = new ArrayList<>();
        routes.add(ingest::register);
        routes.add(r -> queries.register(r, ingest::isUndecided));
        ActivitySampler activity = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        started.push(activity.start());
        routes.add(new DashboardRoutes(catalog, activity, clock)::register);
        routes.add(new OpenApiRoutes()::register);
        routes.add(new ApiDocsRoutes()::register);

        http = HttpServer.start(config.http(), routes,
                new Health(streams(), admin, sink == null ? null : new SinkHealth(sink, config.mysql())), meters);
        started.push(http::stop);
        awaitRunning(streams(), config.streams().startWait());
        if (warmUpCopy) {
            LOG.info("warm-up copy ready on port {}", config.http().port());
        } else {
            LOG.info("coupon server ({}) serving on {}:{}", config.role(), config.http().host(), config.http().port());
            if (!config.http().apiKeys().required()) {
                LOG.warn("NO API KEYS ARE SET: anyone who reaches {}:{} may create campaigns, block users and claim "
                        + "as anyone. Set COUPON_API_KEYS before exposing this port.", config.http().host(),
                        config.http().port());
            }
        }
    }

    /**
     * "Serving" is said once the stream has its tasks and is processing: before that a claim is accepted but
     * undecided until the first assignment completes, and a flash sale that starts at the log line would be
     * answered 202. The HTTP port is open meanwhile, with /health DOWN, for probes.
     */
    private static void awaitRunning(KafkaStreams streams, Duration startWait) throws Exception {
        if (streams == null) {
            return;
        }
        if (!Poll.await(() -> streams.state() == KafkaStreams.State.RUNNING, startWait, RUNNING_POLL)) {
            LOG.warn("the stream is {} after {}; serving anyway, /health says DOWN until it runs", streams.state(),
                    startWait);
        }
    }

    /** The sink is not on the claim path: if it cannot start, claims are still served and health says why. */
    private EmbeddedConnectWorker startSink(KafkaConnection kafka, int replication) {
        EmbeddedConnectWorker sink = new EmbeddedConnectWorker(kafka, config.kafka().dataDir(), config.mysql(),
                replication);
        started.push(sink);
        try {
            return sink.start();
        } catch (Exception e) {
            LOG.error("THE MYSQL SINK DID NOT START; claims are served but nothing reaches MySQL until it does", e);
            return null;
        }
    }

    private void startStream(KafkaConnection kafka, int replication, KafkaMetricsAtScrape meters,
                             WalletProgress walletProgress, LocalAnswers answers) {
        stream = CouponStream.start(config.streams(), kafka, config.http().advertisedServer(), replication,
                walletProgress, answers, meters);
        started.push(stream);
        meters.watch(stream.kafkaMetrics());
    }

    private IngestApi startApi(KafkaConnection kafka, KafkaMetricsAtScrape meters, QueryApi queries,
                               LocalAnswers answers) {
        IngestApi api = IngestApi.start(kafka, config.http(), config.kafka().instanceId(), queries::template,
                answers, meters, clock);
        started.push(api);
        api.kafkaMetrics().forEach(meters::watch);
        return api;
    }

    public int httpPort() {
        return config.http().port();
    }

    /** How many changelog records this process has replayed into its state stores since it started. */
    public long restoredRecords() {
        return stream == null ? 0 : stream.restoredRecords();
    }

    /** The stream of this process, or null in the API role. */
    public KafkaStreams streams() {
        return stream == null ? null : stream.streams();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("error while stopping {}", next, e);
            }
        }
    }
}
