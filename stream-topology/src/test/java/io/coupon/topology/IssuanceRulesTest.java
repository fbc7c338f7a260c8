package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.contract.message.IssuanceJob;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.contract.message.StartIssuance;
import io.coupon.domain.AudienceParser;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.IssuanceProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Targeted issuance: the walker of a partition emits one claim per matching user, a few per tick, and the
 * progress adds up what it matched and what the decider decided. The driver's one partition walks every user.
 */
class IssuanceRulesTest extends TopologyTest {

    private static final long TEMPLATE = 42;
    private static final int CLAIMS_PER_TICK = 2;
    private static final Duration TICK = TopologySettings.DEFAULT_ISSUANCE_TICK;

    @Override
    TopologyFixture fixture(Path stateDir) {
        return new TopologyFixture(stateDir, TopologyFixture.SETTINGS.withIssuanceRate(
                (int) (CLAIMS_PER_TICK * 1000 / TICK.toMillis())));
    }

    @BeforeEach
    void start() {
        topology.define(aTemplate(TEMPLATE).totalCount(100).build());
        for (long user = 1; user <= 6; user++) {
            topology.putProfile(user, Map.of("level", user % 2 == 0 ? 5 : 1), OPEN.minusSeconds(60));
        }
    }

    private StartIssuance vips(String issuanceId) {
        return new StartIssuance("req-" + issuanceId, TEMPLATE, issuanceId,
                AudienceParser.parse(Map.of("attr", "level", "op", "gte", "value", 3)), null, 1, OPEN);
    }

    private void tick(int times) {
        for (int i = 0; i < times; i++) {
            topology.advanceWallClockTime(TICK);
        }
    }

    @Test
    void grantsEveryMatchingUserAtTheBoundedRate() {
        IssuanceResult started = topology.startIssuance(vips("spring-push"));
        assertEquals(IssuanceProgress.Status.RUNNING, started.progress().status());

        tick(1);
        assertEquals(CLAIMS_PER_TICK, topology.claimResults().size(), "one tick emits at most its share of the rate");
        tick(3);

        IssuanceProgress progress = topology.issuance(TEMPLATE, "spring-push");
        assertEquals(new IssuanceProgress(TEMPLATE, "spring-push", 1, 1, 3, 3, Map.of()), progress);
        assertEquals(IssuanceProgress.Status.DONE, progress.status());
        for (long user = 1; user <= 6; user++) {
            assertEquals(user % 2 == 0 ? 1 : 0, topology.claimCount(TEMPLATE, user));
        }
    }

    @Test
    void aRepeatedRequestStartsNothingNew() {
        topology.startIssuance(vips("spring-push"));
        tick(4);

        IssuanceResult again = topology.startIssuance(vips("spring-push"));
        tick(4);

        assertEquals(IssuanceProgress.Status.DONE, again.progress().status());
        assertEquals(3, topology.stock(TEMPLATE).granted());
    }

    @Test
    void anIssuanceReplayedAfterACrashGrantsEachUserOnce() {
        topology.startIssuance(vips("spring-push"));
        tick(4);
        List<ClaimOutcome> first = topology.claimResults();
        assertEquals(3, first.size());

        // A crash between emitting claims and committing the cursor loses the cursor with the transaction, and the
        // restarted task walks the job from its start again: here the job is forgotten and delivered again.
        KeyValueStore<String, IssuanceJob> jobs = topology.issuanceJobs();
        jobs.all().forEachRemaining(job -> jobs.delete(job.key));
        topology.startIssuance(vips("spring-push"));
        tick(4);

        List<ClaimOutcome> replayed = topology.claimResults();
        assertEquals(first.stream().map(ClaimOutcome::couponId).toList(),
                replayed.stream().map(ClaimOutcome::couponId).toList(), "the same coupons, answered again");
        assertEquals(3, topology.stock(TEMPLATE).granted());
        for (long user = 2; user <= 6; user += 2) {
            assertEquals(1, topology.wallet(user).coupons().size());
        }
    }

    @Test
    void aListOfUsersIsIssuedToUnderTheTemplatesRules() {
        topology.block(5);
        topology.startIssuance(new StartIssuance("req-list", TEMPLATE, "list", null, List.of(5L, 7L, 8L), 1, OPEN));
        tick(3);

        IssuanceProgress progress = topology.issuance(TEMPLATE, "list");
        assertEquals(3, progress.matched());
        assertEquals(2, progress.granted());
        assertEquals(Map.of(ClaimStatus.BLOCKED, 1L), progress.rejected());
        assertEquals(IssuanceProgress.Status.DONE, progress.status());
        assertNull(topology.wallet(5));
    }

    @Test
    void stopsGrantingWhenTheStockRunsOut() {
        topology.define(aTemplate(50).totalCount(2).build());
        topology.startIssuance(new StartIssuance("req-all", 50, "everyone", null, null, 1, OPEN));
        tick(5);

        IssuanceProgress progress = topology.issuance(50, "everyone");
        assertEquals(6, progress.matched());
        assertEquals(2, progress.granted());
        assertEquals(Map.of(ClaimStatus.SOLD_OUT, 4L), progress.rejected());
    }
}
