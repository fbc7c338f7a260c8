package io.coupon.topology;

import io.coupon.contract.ClaimAnswers;
import io.coupon.contract.LocalAnswers;
import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.AudienceCheck;
import io.coupon.contract.message.BlockUser;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.CountUse;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.contract.message.PatchTemplate;
import io.coupon.contract.message.TemplateResult;
import io.coupon.contract.message.TemplateStats;
import io.coupon.contract.message.UnblockUser;
import io.coupon.domain.ClaimDecider;
import io.coupon.domain.ClaimDecision;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimRequest;
import io.coupon.domain.ClaimState;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.TemplateLifecycle;
import io.coupon.domain.WalletCoupon;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The template-keyed decider: reads the stores, lets {@link ClaimDecider} decide, writes what changed and
 * routes the outcome. One task owns each partition, so these reads and writes are one atomic step, and
 * exactly-once makes the step happen once however often it is retried.
 * <p>
 * Its output is {@code Object}: it forwards outcomes, templates, template answers, grants, audience checks,
 * issuance and experiment reports to their sinks and statistics to {@code sum-stats}, and the outcomes and
 * templates are domain types, which no message interface of the contract can take in. Each sink's topic in
 * {@link ClaimTopology} says what it takes.
 */
final class DecideClaimProcessor implements Processor<Long, ClaimCommand, Long, Object> {

    /** Templates (and their stock) kept decoded per task: far more than run at once. */
    private static final int HOT_TEMPLATES = 10_000;
    /** The most the idempotency sweep keeps an outcome past its retention (see {@link #sweepMargin()}). */
    private static final Duration SWEEP_MARGIN = Duration.ofHours(1);
    /**
     * Stored outcomes the sweep reads per claim decided: more than one, so one pass over the store takes at most
     * half a retention whatever the claim rate, and the store stays near one retention's worth of outcomes.
     */
    private static final int SWEEP_READS_PER_CLAIM = 2;
    /** The sweep runs in steps of this many reads (or at the housekeeping punctuation), so a seek serves many. */
    private static final int SWEEP_STEP = 512;

    private final TopologySettings settings;
    private final LocalAnswers answers;
    private ProcessorContext<Long, Object> context;
    private DecodedValues<Long, Template> templates;
    private DecodedValues<Long, Stock> stock;
    private KeyValueStore<String, Integer> claimCounts;
    private KeyValueStore<String, ClaimOutcome> outcomes;
    /** Where the sweep goes on (null: the store's start), and how many reads the claims since have earned. */
    private String sweepCursor;
    private long sweepCredit;
    /**
     * No stored outcome was decided before this (null: not known yet, since this task started; {@link Instant#MAX}:
     * the store was empty). While the sweep's cutoff is not past it there is nothing to drop, and the sweep reads
     * nothing: in a sale shorter than the retention, it stops reading after its first pass.
     */
    private Instant oldestStored;
    /** The earliest decision the pass under way kept or saw written (null: none yet). */
    private Instant oldestThisPass;
    private KeyValueStore<Long, Long> blocklist;
    private DecisionReports reports;

    DecideClaimProcessor(TopologySettings settings, LocalAnswers answers) {
        this.settings = settings;
        this.answers = answers;
    }

    @Override
    public void init(ProcessorContext<Long, Object> context) {
        this.context = context;
        templates = new DecodedValues<>(context.getStateStore(Stores.TEMPLATE_STORE), HOT_TEMPLATES, false);
        stock = new DecodedValues<>(context.getStateStore(Stores.STOCK_STORE), HOT_TEMPLATES, true);
        claimCounts = context.getStateStore(Stores.CLAIM_COUNT_STORE);
        outcomes = context.getStateStore(Stores.IDEMPOTENCY_STORE);
        blocklist = context.getStateStore(Stores.BLOCKLIST_STORE);
        reports = new DecisionReports(context);
        // Stream time, never the wall clock: the API answers from this step's outcomes before they commit, which
        // is sound only if replaying the same claims from the same committed state decides exactly the same.
        context.schedule(settings.housekeepingInterval(), PunctuationType.STREAM_TIME,
                streamTime -> sweep(streamTime, Math.max(sweepCredit, SWEEP_STEP)));
    }

    @Override
    public void process(Record<Long, ClaimCommand> record) {
        ClaimCommand command = record.value();
        if (command instanceof Claim claim) {
            decide(record, claim);
        } else if (command instanceof DefineTemplate define) {
            define(record, define);
        } else if (command instanceof BlockUser block) {
            blocklist.put(block.userId(), block.at().toEpochMilli());
        } else if (command instanceof UnblockUser unblock) {
            blocklist.delete(unblock.userId());
        } else if (command instanceof PatchTemplate patch) {
            patch(record, patch);
        } else if (command instanceof CountUse count) {
            context.forward(record.withValue(TemplateStats.empty().withRedemption(count.use())),
                    ClaimTopology.SUM_STATS);
        }
    }

    private void decide(Record<Long, ClaimCommand> record, Claim claim) {
        ClaimRequest request = claim.toRequest();
        String requestKey = Keys.templateRequest(request.templateId(), request.requestId());
        String countKey = Keys.templateUser(request.templateId(), request.userId());
        Template template = templates.get(request.templateId());
        ClaimOutcome stored = outcomes.get(requestKey);
        ClaimOutcome previous = remembered(stored, request.requestedAt());
        if (template != null && template.hasAudience() && claim.eligible() == null && previous == null) {
            // The profile lives in the user's partition: judge the claim there first; it comes back marked.
            context.forward(record.withKey(request.userId()).withValue(new AudienceCheck(claim, template.audience())),
                    ClaimTopology.AUDIENCE_CHECKS_SINK);
            return;
        }
        Integer held = claimCounts.get(countKey);
        ClaimState state = new ClaimState(template, template == null ? null : stock.get(template.id()),
                held == null ? 0 : held, blocklist.get(request.userId()) != null, previous,
                Boolean.FALSE.equals(claim.eligible()));

        ClaimDecision decision = ClaimDecider.decide(state, request);
        reports.decided(record, claim, template, decision);

        ClaimOutcome outcome = decision.outcome();
        if (decision.fresh()) {
            outcomes.put(requestKey, outcome);
            stored(outcome.decidedAt());
            sweepCredit += SWEEP_READS_PER_CLAIM;
            if (sweepCredit >= SWEEP_STEP) {
                sweep(context.currentStreamTimeMs(), sweepCredit);
            }
        }
        if (decision.freshGrant()) {
            stock.put(template.id(), decision.stockAfter());
            claimCounts.put(countKey, decision.userClaimsAfter());
        }
        if (decision.freshGrant()) {
            // The grant's wallet record is its answer: a client holding the 201 finds the grant in the user's
            // partition ahead of its next wallet read or redemption.
            ClaimGrant grant = new ClaimGrant(outcome, WalletCoupon.granted(template, outcome));
            context.forward(record.withKey(outcome.userId()).withValue(grant).withHeaders(ClaimAnswers.answersClaim()),
                    ClaimTopology.WALLET_COMMANDS_SINK);
        }
        context.forward(record.withKey(outcome.templateId()).withValue(outcome)
                .withHeaders(decision.freshGrant() ? ClaimAnswers.answeredOnWallet() : new RecordHeaders()),
                ClaimTopology.CLAIM_RESULTS_SINK);
        answers.decided(outcome);
        if (!outcome.replayed()) {
            // A replayed answer to a retry is not a decision, and is not a request in the statistics.
            context.forward(record.withKey(outcome.templateId()).withValue(TemplateStats.empty().withClaim(outcome)),
                    ClaimTopology.SUM_STATS);
        }
    }

    private void define(Record<Long, ClaimCommand> record, DefineTemplate define) {
        Template requested = define.template();
        Template existing = templates.get(requested.id());
        TemplateResult result;
        if (existing == null) {
            Stock initial = Stock.of(requested);
            templates.put(requested.id(), requested);
            stock.put(requested.id(), initial);
            context.forward(record.withKey(requested.id()).withValue(requested), ClaimTopology.COUPON_TEMPLATES_SINK);
            result = new TemplateResult(define.requestId(), TemplateResult.Status.CREATED, requested, initial);
        } else {
            result = new TemplateResult(define.requestId(), TemplateResult.Status.ALREADY_EXISTS, existing,
                    stock.get(existing.id()));
        }
        context.forward(record.withKey(requested.id()).withValue(result), ClaimTopology.TEMPLATE_RESULTS_SINK);
    }

    /**
     * Applies an operator's change in the template's partition, so every claim after it is decided against it;
     * the answer goes to template-results, and an applied change is published on coupon-templates.
     */
    private void patch(Record<Long, ClaimCommand> record, PatchTemplate patch) {
        Template current = templates.get(patch.templateId());
        TemplateLifecycle.Outcome outcome = TemplateLifecycle.apply(current,
                current == null ? null : stock.get(current.id()), patch.patch(), patch.at());
        if (outcome.applied() && !outcome.template().equals(current)) {
            templates.put(patch.templateId(), outcome.template());
            stock.put(patch.templateId(), outcome.stock());
            context.forward(record.withKey(patch.templateId()).withValue(outcome.template()),
                    ClaimTopology.COUPON_TEMPLATES_SINK);
        }
        TemplateResult result = new TemplateResult(patch.requestId(), PATCH_ANSWERS.get(outcome.result()),
                outcome.template(), outcome.stock(), outcome.message());
        context.forward(record.withKey(patch.templateId()).withValue(result), ClaimTopology.TEMPLATE_RESULTS_SINK);
    }

    private static final Map<TemplateLifecycle.Result, TemplateResult.Status> PATCH_ANSWERS = Map.of(
            TemplateLifecycle.Result.APPLIED, TemplateResult.Status.UPDATED,
            TemplateLifecycle.Result.UNKNOWN_TEMPLATE, TemplateResult.Status.NOT_FOUND,
            TemplateLifecycle.Result.ENDED, TemplateResult.Status.ENDED,
            TemplateLifecycle.Result.BELOW_GRANTED, TemplateResult.Status.BELOW_GRANTED,
            TemplateLifecycle.Result.INVALID, TemplateResult.Status.INVALID);

    /**
     * A request id answers with its first outcome for the retention, counted in claim time: whether a retry is
     * a replay depends on the two claims alone, not on when the sweep below happened to run.
     */
    private ClaimOutcome remembered(ClaimOutcome stored, Instant claimedAt) {
        return stored == null || stored.decidedAt().isBefore(claimedAt.minus(settings.idempotencyRetention()))
                ? null : stored;
    }

    /**
     * The sweep keeps outcomes this much past their retention, so it only drops what every claim up to that far
     * behind stream time already treats as forgotten (claims arrive in a partition nearly in time order).
     */
    private Duration sweepMargin() {
        Duration retention = settings.idempotencyRetention();
        return retention.compareTo(SWEEP_MARGIN) < 0 ? retention : SWEEP_MARGIN;
    }

    /**
     * Reads up to {@code reads} stored outcomes on from where the last step stopped, wrapping at the end, and drops
     * those decided a margin past their retention. The store is keyed by request, not time, so the sweep walks it
     * all, paid for by the claims that fill it, instead of keeping a second, time-ordered index written (and
     * logged) once per claim. When an outcome is dropped changes no answer: {@link #remembered} already treats
     * it as forgotten in claim time.
     */
    private void sweep(long streamTimeMs, long reads) {
        sweepCredit = 0;
        Instant cutoff = Instant.ofEpochMilli(streamTimeMs).minus(settings.idempotencyRetention()).minus(sweepMargin());
        if (oldestStored != null && !cutoff.isAfter(oldestStored)) {
            return;
        }
        String next = null;
        try (KeyValueIterator<String, ClaimOutcome> it = outcomes.range(sweepCursor, null)) {
            for (long read = 0; it.hasNext(); read++) {
                KeyValue<String, ClaimOutcome> entry = it.next();
                if (read == reads) {
                    next = entry.key;
                    break;
                }
                Instant decidedAt = entry.value.decidedAt();
                if (decidedAt.isBefore(cutoff)) {
                    outcomes.delete(entry.key);
                } else {
                    oldestThisPass = earlier(oldestThisPass, decidedAt);
                }
            }
        }
        sweepCursor = next;
        if (next == null) {
            // A whole pass is done: it read every outcome stored when it began or written ahead of it, and every
            // outcome written behind it was noted by stored().
            oldestStored = oldestThisPass == null ? Instant.MAX : oldestThisPass;
            oldestThisPass = null;
        }
    }

    /** Notes an outcome written to the store, for the sweep's bound. */
    private void stored(Instant decidedAt) {
        oldestThisPass = earlier(oldestThisPass, decidedAt);
        if (oldestStored != null) {
            oldestStored = earlier(oldestStored, decidedAt);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

}
