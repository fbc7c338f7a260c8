package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.LocalAnswers;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the all-in-one's decider hands its own API, beside what it writes to claim-results. */
class LocalAnswersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;
    private final BlockingQueue<ClaimOutcome> handed = new LinkedBlockingQueue<>();
    private final LocalAnswers answers = LocalAnswers.inProcess();
    private TopologyFixture topology;

    @BeforeEach
    void start() {
        answers.connect(handed::add);
        answers.alone(true);
        topology = new TopologyFixture(stateDir, answers);
        topology.define(aTemplate(42).totalCount(1).build());
    }

    @AfterEach
    void stop() {
        topology.close();
        answers.close();
    }

    @Test
    void aRejectionIsHandedOverAsTheOutcomeClaimResultsCarries() throws Exception {
        topology.claim(42, 1001, "r-1");
        next();
        ClaimOutcome soldOut = topology.claim(42, 1002, "r-2");

        assertEquals(ClaimStatus.SOLD_OUT, soldOut.status());
        assertEquals(soldOut, next());
    }

    @Test
    void aGrantIsHandedOverAsTheOutcomeClaimResultsCarries() throws Exception {
        ClaimOutcome granted = topology.claim(42, 1001, "r-1");

        assertEquals(ClaimStatus.GRANTED, granted.status());
        assertEquals(granted, next());
    }

    @Test
    void theWalletStepReleasesTheReadsAGrantHeldOnceItAppliesIt() throws Exception {
        ClaimOutcome granted = topology.claim(42, 1001, "r-1");

        assertTrue(answers.grantsApplied(1001, WAIT).isDone(), "the wallet step reported the grant it applied");
        assertTrue(topology.wallet(1001).find(granted.couponId()).isPresent(), "the coupon is in the wallet");
    }

    @Test
    void aRetriedRejectionIsHandedOverAsTheReplayItIs() throws Exception {
        topology.claim(42, 1001, "r-1");
        topology.claim(42, 1002, "r-2");
        ClaimOutcome retried = topology.claim(42, 1002, "r-2");

        assertTrue(retried.replayed());
        assertEquals(ClaimStatus.GRANTED, next().status());
        assertEquals(ClaimStatus.SOLD_OUT, next().status());
        assertEquals(retried, next());
    }

    private ClaimOutcome next() throws InterruptedException {
        ClaimOutcome outcome = handed.poll(10, TimeUnit.SECONDS);
        assertTrue(outcome != null, "an outcome was handed over");
        return outcome;
    }
}
