package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.IssuanceJob;
import io.coupon.contract.message.StartIssuance;
import io.coupon.domain.Profile;
import io.coupon.domain.ProfileFacts;
import io.coupon.domain.UserStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The targeted issuance job of one partition of the users. A start (written to every partition) becomes a job in
 * {@code issuance-job-store}; a wall-clock tick walks the job's users in id order, from the profiles of this
 * partition (those matching the audience) or from this partition's share of a user list, and emits one claim per
 * user with the idempotency key {@link Keys#issuanceRequest}, at most {@link TopologySettings#issuanceClaimsPerTick}
 * per tick across all jobs. The cursor moves in the same transaction as the claims, so a crash resumes right after
 * the last committed claim; and a claim emitted again would meet its own key and grant nothing new.
 * <p>
 * Its output is {@code Object}: claims go to {@code claim-requests} and progress to {@code issuance-progress},
 * two messages with no common type of their own; each sink's topic in {@link ClaimTopology} says what it takes.
 */
final class WalkIssuancesProcessor implements Processor<Long, StartIssuance, Long, Object> {

    /** How many profiles a tick may read per claim it may emit, so a narrow audience cannot stall a tick. */
    private static final int SCAN_PER_CLAIM = 20;
    private static final LongSerializer IDS = new LongSerializer();

    private final TopologySettings settings;
    private ProcessorContext<Long, Object> context;
    private KeyValueStore<String, IssuanceJob> jobs;
    private KeyValueStore<Long, Profile> profiles;
    private KeyValueStore<Long, UserStats> stats;
    /** The tick, scheduled only while a job is being walked: every tick makes the task commit a transaction. */
    private Cancellable ticking;

    WalkIssuancesProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Long, Object> context) {
        this.context = context;
        jobs = context.getStateStore(Stores.ISSUANCE_JOB_STORE);
        profiles = context.getStateStore(Stores.PROFILE_STORE);
        stats = context.getStateStore(Stores.USER_STATS_STORE);
        if (!running().isEmpty()) {
            startTicking();
        }
    }

    private void startTicking() {
        if (ticking == null) {
            ticking = context.schedule(settings.issuanceTick(), PunctuationType.WALL_CLOCK_TIME,
                    now -> step(Instant.ofEpochMilli(now)));
        }
    }

    private void stopTicking() {
        if (ticking != null) {
            ticking.cancel();
            ticking = null;
        }
    }

    @Override
    public void process(Record<Long, StartIssuance> record) {
        StartIssuance start = record.value();
        String key = Keys.templateRequest(start.templateId(), start.issuanceId());
        if (jobs.get(key) == null) {
            jobs.put(key, new IssuanceJob(start, null, false));
            startTicking();
        }
    }

    private List<KeyValue<String, IssuanceJob>> running() {
        List<KeyValue<String, IssuanceJob>> running = new ArrayList<>();
        try (KeyValueIterator<String, IssuanceJob> all = jobs.all()) {
            all.forEachRemaining(job -> {
                if (!job.value.walked()) {
                    running.add(job);
                }
            });
        }
        return running;
    }

    private void step(Instant now) {
        List<KeyValue<String, IssuanceJob>> running = running();
        if (running.isEmpty()) {
            stopTicking();
            return;
        }
        int budget = settings.issuanceClaimsPerTick();
        for (KeyValue<String, IssuanceJob> job : running) {
            if (budget == 0) {
                return;
            }
            budget -= walk(job.key, job.value, budget, now);
        }
    }

    /** Emits up to {@code budget} claims of the job; returns how many. */
    private int walk(String key, IssuanceJob job, int budget, Instant now) {
        StartIssuance start = job.start();
        List<Long> matched = new ArrayList<>();
        Long cursor = job.cursor();
        boolean finished;
        if (start.userIds() != null) {
            finished = true;
            for (long user : start.userIds().stream().sorted().toList()) {
                if ((cursor != null && user <= cursor) || !mine(user, start.partitions())) {
                    continue;
                }
                if (matched.size() == budget) {
                    finished = false;
                    break;
                }
                matched.add(user);
                cursor = user;
            }
        } else {
            finished = true;
            int scanned = 0;
            try (KeyValueIterator<Long, Profile> it = profiles.range(cursor == null ? null : cursor + 1, null)) {
                while (it.hasNext()) {
                    if (matched.size() == budget || scanned == budget * SCAN_PER_CLAIM) {
                        finished = false;
                        break;
                    }
                    KeyValue<Long, Profile> next = it.next();
                    scanned++;
                    cursor = next.key;
                    if (ProfileFacts.inside(start.audience(), next.value, stats.get(next.key), now)) {
                        matched.add(next.key);
                    }
                }
            }
        }
        for (long user : matched) {
            Claim claim = new Claim(Keys.issuanceRequest(start.issuanceId(), user), start.templateId(), user, now,
                    null, start.issuanceId());
            context.forward(new Record<>(start.templateId(), claim, now.toEpochMilli()),
                    ClaimTopology.CLAIM_REQUESTS_SINK);
        }
        if (!matched.isEmpty() || finished) {
            context.forward(new Record<>(start.templateId(), IssuanceDelta.walked(start.templateId(),
                    start.issuanceId(), matched.size(), finished), now.toEpochMilli()),
                    ClaimTopology.ISSUANCE_PROGRESS_SINK);
        }
        jobs.put(key, job.advancedTo(cursor, finished));
        return matched.size();
    }

    /** Whether the user's records land in this task's partition: Kafka's default partitioner on the 8-byte key. */
    private boolean mine(long userId, int partitions) {
        int partition = Utils.toPositive(Utils.murmur2(IDS.serialize(null, userId))) % partitions;
        return partition == context.taskId().partition();
    }
}
