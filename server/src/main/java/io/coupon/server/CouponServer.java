package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.ClaimAnswers;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.config.CouponConfig;
import io.coupon.contract.config.Role;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.ingest.IssuanceService;
import io.coupon.ingest.MarketingRoutes;
import io.coupon.ingest.ProfileService;
import io.coupon.query.MarketingQueryRoutes;
import io.coupon.query.TemplateSnapshot;
import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.ClaimOutcome;
import io.coupon.contract.Stores;
import io.coupon.ingest.ClaimRateLimiter;
import io.coupon.ingest.ClaimService;
import io.coupon.ingest.CommandPublisher;
import io.coupon.ingest.IngestRoutes;
import io.coupon.ingest.KafkaCircuit;
import io.coupon.ingest.OutcomeListener;
import io.coupon.ingest.PendingReplies;
import io.coupon.ingest.RedemptionRoutes;
import io.coupon.ingest.RedemptionService;
import io.coupon.ingest.TemplateService;
import io.coupon.ingest.UndecidedClaims;
import io.coupon.query.InternalCalls;
import io.coupon.query.OwnerRoutedReader;
import io.coupon.query.QueryRoutes;
import io.coupon.query.RemoteReader;
import io.coupon.query.StoreReader;
import io.coupon.query.TemplateCatalog;
import io.coupon.query.TemplateListRoutes;
import io.coupon.query.WalletCatchUp;
import io.coupon.server.dashboard.ActivitySampler;
import io.coupon.server.dashboard.DashboardRoutes;
import io.coupon.topology.ClaimTopology;
import io.coupon.topology.StreamsProperties;
import io.coupon.topology.TopologySettings;
import io.coupon.topology.WalletProgressClientSupplier;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles one process for its role, through constructors only: the embedded broker when no cluster is
 * given, the topics, the stream, the API, the queries and the HTTP server. Closing stops them in reverse.
 */
public final class CouponServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CouponServer.class);
    /** How long the broker gathers the answers this process was not handed, when it hands its own over. */
    private static final Duration HANDED_OVER_FALLBACK_WAIT = Duration.ofMillis(100);
    /** Template changes and issuances waiting for their decision at once: operators' calls, a few at a time. */
    private static final int OPERATOR_CALLS_IN_FLIGHT = 1_000;

    private final CouponConfig config;
    private final Clock clock;
    private final boolean warmUpCopy;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final RestoredRecords restored = new RestoredRecords();
    private KafkaStreams streams;
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

        List<Consumer<RoutesConfig>> routes = new ArrayList<>();
        Duration forward = config.http().forwardTimeout();
        InternalCalls internalCalls = new InternalCalls(
                HttpClient.newBuilder().connectTimeout(forward).build(), config.http().internalSecret());
        OwnerRoutedReader ownReader = null;
        // The all-in-one on its own broker decides every claim it takes, so it answers claims as it decides them
        // rather than reading them back from claim-results and wallet-commands (LocalAnswers says why that is
        // as safe).
        LocalAnswers answers = config.kafka().embedded() && config.role() == Role.ALL
                ? LocalAnswers.inProcess() : LocalAnswers.none();
        started.push(answers);
        if (config.role().runsStream()) {
            WalletProgress walletProgress = new WalletProgress();
            streams = startStream(kafka, replication, meters, walletProgress, answers);
            ownReader = new OwnerRoutedReader(streams, HostInfo.buildFromEndpoint(config.http().advertisedServer()),
                    internalCalls, forward, new WalletCatchUp(admin, walletProgress, answers,
                    config.http().walletCatchUp()));
        }
        StoreReader reader = ownReader != null ? ownReader
                : new RemoteReader(internalCalls, config.http().queryUrls(), false, config.http().remoteReadTimeout());
        ClaimService claims = startApi(kafka, meters, routes, reader, answers);
        BiPredicate<Long, String> undecided = claims::isUndecided;
        QueryRoutes queries = new QueryRoutes(reader, ownReader, undecided, clock);
        routes.add(queries::register);
        routes.add(new MarketingQueryRoutes(reader, ownReader, clock)::register);
        TemplateCatalog catalog = streams != null
                ? TemplateCatalog.ofStreams(streams, HostInfo.buildFromEndpoint(config.http().advertisedServer()),
                        internalCalls, forward)
                : TemplateCatalog.remote(internalCalls, config.http().queryUrls(), config.http().remoteReadTimeout());
        routes.add(new TemplateListRoutes(catalog, clock)::register);
        ActivitySampler activity = new ActivitySampler(meters, clock, Duration.ofSeconds(5), Duration.ofMinutes(15));
        started.push(activity.start());
        routes.add(new DashboardRoutes(catalog, activity, clock)::register);
        routes.add(new OpenApiRoutes()::register);
        routes.add(new ApiDocsRoutes()::register);

        http = HttpServer.start(config.http(), routes,
                new Health(streams, admin, sink == null ? null : new SinkHealth(sink, config.mysql())), meters);
        started.push(http::stop);
        awaitRunning(streams, config.streams().startWait());
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
    private static void awaitRunning(KafkaStreams streams, Duration startWait) throws InterruptedException {
        if (streams == null) {
            return;
        }
        long deadline = System.nanoTime() + startWait.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        if (streams.state() != KafkaStreams.State.RUNNING) {
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

    private KafkaStreams startStream(KafkaConnection kafka, int replication, KafkaMetricsAtScrape meters,
                                     WalletProgress walletProgress, LocalAnswers answers) {
        KafkaStreams ks = new KafkaStreams(
                ClaimTopology.build(TopologySettings.of(config.streams().idempotencyRetention(),
                        config.streams().lockTimeout()).withIssuanceRate(config.streams().issuanceRate()),
                        walletProgress, answers),
                StreamsProperties.of(config.streams(), kafka, config.http().advertisedServer(), replication,
                        answers.active()),
                new WalletProgressClientSupplier(walletProgress));
        // Only the sole instance of the stream decides every claim and applies every grant it answers: another
        // instance joining starts a rebalance here before it can take a task, and this stops handing over.
        ks.setStateListener((now, before) -> answers.alone(now == KafkaStreams.State.RUNNING
                && ks.metadataForAllStreamsClients().size() == 1));
        ks.setUncaughtExceptionHandler(e -> {
            LOG.error("stream thread died; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        meters.watch(ks::metrics);
        ks.setGlobalStateRestoreListener(restored);
        FunctionCounter.builder("coupon.state.restored.records", restored, RestoredRecords::total)
                .description("Changelog records replayed into this instance's state stores since it started")
                .register(meters);
        for (String store : List.of(Stores.TEMPLATE_STORE, Stores.STOCK_STORE, Stores.CLAIM_COUNT_STORE,
                Stores.IDEMPOTENCY_STORE, Stores.WALLET_STORE, Stores.ORDER_STORE, Stores.EXPIRY_INDEX_STORE,
                Stores.PROFILE_STORE, Stores.USER_STATS_STORE)) {
            Gauge.builder("coupon.store.entries", () -> approximateEntries(ks, store))
                    .description("Approximate entries of a state store on this instance").tag("store", store)
                    .register(meters);
        }
        // Leaving the group on close lets a restart take its partitions back at once instead of after the
        // session timeout (45 s).
        started.push(() -> ks.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30))));
        ks.start();
        return ks;
    }

    private ClaimService startApi(KafkaConnection kafka, KafkaMetricsAtScrape meters,
                                  List<Consumer<RoutesConfig>> routes, StoreReader reader, LocalAnswers answers)
            throws Exception {
        CommandPublisher publisher = new CommandPublisher(kafka, config.kafka().instanceId(),
                new KafkaCircuit(3, Duration.ofSeconds(1), clock));
        started.push(publisher);
        publisher.metrics().forEach(meters::watch);
        PendingReplies<ClaimOutcome> pendingClaims = new PendingReplies<>(config.http().maxInFlight());
        PendingReplies<RedemptionResult> pendingRedemptions = new PendingReplies<>(config.http().maxInFlight());
        Gauge.builder("coupon.inflight.requests", () -> pendingClaims.size() + pendingRedemptions.size())
                .description("Requests waiting for their decision").register(meters);
        ClaimService claims = new ClaimService(publisher, pendingClaims,
                new UndecidedClaims(config.http().undecidedClaims()),
                config.http().claimWait(), clock, meters);
        TemplateService templates = new TemplateService(publisher,
                new PendingReplies<TemplateResult>(OPERATOR_CALLS_IN_FLIGHT), config.http().templateWait(), clock);
        RedemptionService redemptions = new RedemptionService(publisher, pendingRedemptions,
                config.http().claimWait(), meters, answers, config.http().walletCatchUp());
        ProfileService profiles = new ProfileService(publisher, new PendingReplies<ProfileResult>(
                config.http().maxInFlight()), config.http().claimWait(), clock);
        IssuanceService issuances = new IssuanceService(publisher,
                new PendingReplies<IssuanceResult>(OPERATOR_CALLS_IN_FLIGHT),
                templateId -> reader.template(templateId).thenApply(s -> s.map(TemplateSnapshot::template)),
                config.http().templateWait(), clock);
        // The decider's answers, as written: a claim is answered without waiting for its transaction to commit.
        // Where this process hands its own decisions to its API, the two topics are read for what it does not
        // hand over (a claim decided by another instance that joined it), in batched fetches: a fetch per
        // decision would be a third of the broker's work.
        List<OutcomeListener.Subscription<?>> decisions = List.of(
                new OutcomeListener.Subscription<>(TopicCatalog.CLAIM_RESULTS, ClaimAnswers::answersOnClaimResults,
                        claims::decided),
                new OutcomeListener.Subscription<>(TopicCatalog.WALLET_COMMANDS, ClaimAnswers::answersOnWalletCommands,
                        command -> claims.decided(((ClaimGrant) command).outcome())));
        List<OutcomeListener.Subscription<?>> asWritten = new ArrayList<>(List.of(
                new OutcomeListener.Subscription<>(TopicCatalog.TEMPLATE_RESULTS, templates::decided)));
        List<OutcomeListener> listeners = new ArrayList<>();
        if (answers.active()) {
            answers.connect(claims::decided);
            listeners.add(new OutcomeListener(kafka, OutcomeListener.Isolation.AS_WRITTEN, "decisions",
                    decisions, HANDED_OVER_FALLBACK_WAIT));
        } else {
            asWritten.addAll(decisions);
        }
        listeners.add(new OutcomeListener(kafka, OutcomeListener.Isolation.AS_WRITTEN, "answers", asWritten));
        // The user-keyed step runs wall-clock timers, so a replay may differ: its answers are read committed.
        OutcomeListener results = new OutcomeListener(kafka, OutcomeListener.Isolation.COMMITTED, "results",
                List.of(new OutcomeListener.Subscription<>(TopicCatalog.PROFILE_RESULTS, profiles::stored),
                        new OutcomeListener.Subscription<>(TopicCatalog.ISSUANCE_RESULTS, issuances::recorded),
                        new OutcomeListener.Subscription<>(TopicCatalog.REDEMPTION_RESULTS, redemptions::decided)));
        listeners.add(results);
        for (OutcomeListener listener : listeners) {
            started.push(listener);
            meters.watch(listener::metrics);
            listener.start();
        }
        ClaimRateLimiter limiter = new ClaimRateLimiter(config.http().globalClaimsPerSecond(),
                config.http().userClaimsPerSecond(), meters);
        routes.add(new IngestRoutes(templates, claims, publisher, limiter, clock)::register);
        routes.add(new RedemptionRoutes(redemptions, clock)::register);
        routes.add(new MarketingRoutes(profiles, issuances, clock)::register);
        return claims;
    }

    public int httpPort() {
        return config.http().port();
    }

    private static double approximateEntries(KafkaStreams ks, String store) {
        try {
            return ks.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.<Object, Object>keyValueStore())).approximateNumEntries();
        } catch (RuntimeException notQueryableNow) {
            return Double.NaN;
        }
    }

    /** How many changelog records this process has replayed into its state stores since it started. */
    public long restoredRecords() {
        return restored.total();
    }

    /** The stream of this process, or null in the API role. */
    public KafkaStreams streams() {
        return streams;
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
