package io.coupon.ingest;

import io.coupon.contract.ClaimAnswers;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.config.HttpSettings;
import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Template;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side, assembled: the publisher that makes requests durable, the services that wait for their
 * decisions, the listeners that bring the decisions back, and the routes. The server gives it what it needs and
 * composes it with the other modules; closing it stops what it started, in reverse.
 */
public final class IngestApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestApi.class);

    /** How long the broker gathers the answers this process was not handed, when it hands its own over. */
    private static final Duration HANDED_OVER_FALLBACK_WAIT = Duration.ofMillis(100);
    /** Template changes and issuances waiting for their decision at once: operators' calls, a few at a time. */
    private static final int OPERATOR_CALLS_IN_FLIGHT = 1_000;
    /** Failed sends in a row that open the circuit, and how long it then refuses before trying Kafka again. */
    private static final int CIRCUIT_FAILURES = 3;
    private static final Duration CIRCUIT_OPEN = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<Supplier<Map<MetricName, ? extends Metric>>> kafkaMetrics = new ArrayList<>();
    private ClaimService claims;
    private IngestRoutes ingestRoutes;
    private RedemptionRoutes redemptionRoutes;
    private MarketingRoutes marketingRoutes;

    private IngestApi() {
    }

    /**
     * @param templates a template as the stream holds it (an issuance is checked against it before it starts)
     * @param answers   the stream's decisions handed over in process, where this process decides them all
     */
    public static IngestApi start(KafkaConnection kafka, HttpSettings http, String instanceId,
                                  LongFunction<CompletableFuture<Optional<Template>>> templates, LocalAnswers answers,
                                  MeterRegistry meters, Clock clock) {
        IngestApi api = new IngestApi();
        try {
            api.startParts(kafka, http, instanceId, templates, answers, meters, clock);
            return api;
        } catch (RuntimeException | Error e) {
            api.close();
            throw e;
        }
    }

    private void startParts(KafkaConnection kafka, HttpSettings http, String instanceId,
                            LongFunction<CompletableFuture<Optional<Template>>> templateLookup, LocalAnswers answers,
                            MeterRegistry meters, Clock clock) {
        CommandPublisher publisher = new CommandPublisher(kafka, instanceId,
                new KafkaCircuit(CIRCUIT_FAILURES, CIRCUIT_OPEN, clock));
        started.push(publisher);
        kafkaMetrics.addAll(publisher.metrics());
        PendingReplies<ClaimOutcome> pendingClaims = new PendingReplies<>(http.maxInFlight());
        PendingReplies<RedemptionResult> pendingRedemptions = new PendingReplies<>(http.maxInFlight());
        Gauge.builder("coupon.inflight.requests", () -> pendingClaims.size() + pendingRedemptions.size())
                .description("Requests waiting for their decision").register(meters);
        claims = new ClaimService(publisher, pendingClaims, new UndecidedClaims(http.undecidedClaims()),
                http.claimWait(), clock, meters);
        TemplateService templates = new TemplateService(publisher,
                new PendingReplies<TemplateResult>(OPERATOR_CALLS_IN_FLIGHT), http.templateWait(), clock);
        RedemptionService redemptions = new RedemptionService(publisher, pendingRedemptions, http.claimWait(), meters,
                answers, http.walletCatchUp());
        ProfileService profiles = new ProfileService(publisher,
                new PendingReplies<ProfileResult>(http.maxInFlight()), http.claimWait(), clock);
        IssuanceService issuances = new IssuanceService(publisher,
                new PendingReplies<IssuanceResult>(OPERATOR_CALLS_IN_FLIGHT), templateLookup, http.templateWait(),
                clock);
        startListeners(kafka, answers, templates, profiles, issuances, redemptions);
        ClaimRateLimiter limiter = new ClaimRateLimiter(http.globalClaimsPerSecond(), http.userClaimsPerSecond(),
                meters);
        ingestRoutes = new IngestRoutes(templates, claims, publisher, limiter, clock);
        redemptionRoutes = new RedemptionRoutes(redemptions, clock);
        marketingRoutes = new MarketingRoutes(profiles, issuances, clock);
    }

    private void startListeners(KafkaConnection kafka, LocalAnswers answers, TemplateService templates,
                                ProfileService profiles, IssuanceService issuances, RedemptionService redemptions) {
        // The decider's answers, as written: a claim is answered without waiting for its transaction to commit.
        // Where this process hands its own decisions to its API, the two topics are read for what it does not
        // hand over (a claim decided by another instance that joined it), in batched fetches: a fetch per
        // decision would be a third of the broker's work.
        List<OutcomeListener.Subscription<?>> decisions = List.of(
                new OutcomeListener.Subscription<>(TopicCatalog.CLAIM_RESULTS, ClaimAnswers::answersOnClaimResults,
                        claims::decided),
                new OutcomeListener.Subscription<>(TopicCatalog.WALLET_COMMANDS,
                        ClaimAnswers::answersOnWalletCommands,
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
        listeners.add(new OutcomeListener(kafka, OutcomeListener.Isolation.COMMITTED, "results",
                List.of(new OutcomeListener.Subscription<>(TopicCatalog.PROFILE_RESULTS, profiles::stored),
                        new OutcomeListener.Subscription<>(TopicCatalog.ISSUANCE_RESULTS, issuances::recorded),
                        new OutcomeListener.Subscription<>(TopicCatalog.REDEMPTION_RESULTS,
                                redemptions::decided))));
        for (OutcomeListener listener : listeners) {
            started.push(listener);
            kafkaMetrics.add(listener::metrics);
            listener.start();
        }
    }

    /** The write side's routes: templates, claims, the blocklist, redemptions, profiles and issuances. */
    public void register(RoutesConfig routes) {
        ingestRoutes.register(routes);
        redemptionRoutes.register(routes);
        marketingRoutes.register(routes);
    }

    /** Whether this instance accepted the claim and has not seen it decided (a lookup then answers 202). */
    public boolean isUndecided(long templateId, String requestId) {
        return claims.isUndecided(templateId, requestId);
    }

    /** The Kafka clients' metrics of the write side, for the server to publish at scrape time. */
    public List<Supplier<Map<MetricName, ? extends Metric>>> kafkaMetrics() {
        return List.copyOf(kafkaMetrics);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Closing goes on: what is left open must still be closed.
                LOG.warn("error while stopping the write side", e);
            }
        }
    }
}
