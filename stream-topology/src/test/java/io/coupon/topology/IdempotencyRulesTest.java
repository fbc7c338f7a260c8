package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.END;
import static io.coupon.topology.TopologyFixture.OPEN;
import static io.coupon.topology.TopologyFixture.RETENTION;
import static io.coupon.topology.TopologyFixture.SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver's wall clock starts at {@link TopologyFixture#OPEN}, the instant the first claims are made. */
class IdempotencyRulesTest extends TopologyTest {

    private static final Duration SHORT_RETENTION = Duration.ofHours(1);

    @Override
    TopologyFixture fixture(Path stateDir) {
        return new TopologyFixture(stateDir, OPEN);
    }

    @BeforeEach
    void start() {
        topology.define(aTemplate(42).totalCount(10).perUserLimit(2).build());
    }

    @Test
    void replaysFirstOutcomeForSameIdempotencyKey() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1", OPEN);

        ClaimOutcome retry = topology.claim(42, 1001, "key-1", OPEN.plusSeconds(3));

        assertEquals(ClaimStatus.GRANTED, first.status());
        assertEquals(first.asReplay(), retry);
    }

    @Test
    void aDecisionIsPublishedAsFreshAndItsRetriesAsReplays() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1");

        ClaimOutcome retry = topology.claim(42, 1001, "key-1");

        assertFalse(first.replayed(), "the decision");
        assertTrue(retry.replayed(), "the same answer again, not a second grant");
    }

    @Test
    void replayTakesStockOnlyOnce() {
        topology.claim(42, 1001, "key-1");

        topology.claim(42, 1001, "key-1");
        topology.claim(42, 1001, "key-1");

        assertEquals(new Stock(10, 1), topology.stock(42));
        assertEquals(1, topology.claimCount(42, 1001));
    }

    @Test
    void replayPublishesNoSecondCouponEvent() {
        topology.claim(42, 1001, "key-1");
        topology.couponEvents();

        topology.claim(42, 1001, "key-1");

        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void replayAddsNoSecondCouponToTheWallet() {
        topology.claim(42, 1001, "key-1");

        topology.claim(42, 1001, "key-1");

        assertEquals(1, topology.wallet(1001).coupons().size());
    }

    @Test
    void replaysFirstRejectionToo() {
        topology.block(1001);
        ClaimOutcome first = topology.claim(42, 1001, "key-1", OPEN);
        topology.unblock(1001);

        ClaimOutcome retry = topology.claim(42, 1001, "key-1", OPEN.plusSeconds(3));

        assertEquals(ClaimStatus.BLOCKED, first.status());
        assertEquals(first.asReplay(), retry);
    }

    @Test
    void replaysGrantEvenAfterTheWindowClosed() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1", OPEN);

        assertEquals(first.asReplay(), topology.claim(42, 1001, "key-1", END.plusSeconds(60)));
    }

    @Test
    void sameKeyFromAnotherUserIsKeyReused() {
        topology.claim(42, 1001, "key-1", OPEN);

        ClaimOutcome other = topology.claim(42, 1002, "key-1", OPEN.plusSeconds(1));

        assertEquals(new ClaimOutcome("key-1", 42, 1002, ClaimStatus.KEY_REUSED, null, null, OPEN.plusSeconds(1)),
                other);
    }

    @Test
    void keyReusedTakesNothingAndLeavesTheFirstOutcomeInPlace() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1");

        topology.claim(42, 1002, "key-1");

        assertEquals(new Stock(10, 1), topology.stock(42));
        assertNull(topology.wallet(1002));
        assertEquals(first.asReplay(), topology.claim(42, 1001, "key-1"));
    }

    @Test
    void sameKeyOnAnotherTemplateIsAnotherRequest() {
        topology.define(aTemplate(43).totalCount(10).build());
        topology.claim(42, 1001, "key-1");

        ClaimOutcome onOther = topology.claim(43, 1002, "key-1");

        assertEquals(ClaimStatus.GRANTED, onOther.status());
        assertEquals("43-1", onOther.couponId());
    }

    @Test
    void remembersKeyUntilRetentionHasPassed() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1", OPEN);

        assertEquals(first.asReplay(), topology.claim(42, 1001, "key-1", OPEN.plus(RETENTION).minusSeconds(1)));
    }

    @Test
    void retryAfterRetentionIsDecidedAfreshNotReplayed() {
        ClaimOutcome first = topology.claim(42, 1001, "key-1", OPEN);

        ClaimOutcome afresh = topology.claim(42, 1001, "key-1", OPEN.plus(RETENTION).plusSeconds(60));

        assertEquals("42-1", first.couponId());
        assertEquals(ClaimStatus.ENDED, afresh.status());
    }

    @Test
    void forgottenKeyGrantsAgainWithinLimit() {
        try (TopologyFixture shortMemory = shortRetention()) {
            shortMemory.claim(42, 1001, "key-1", OPEN);

            ClaimOutcome afresh = shortMemory.claim(42, 1001, "key-1", OPEN.plus(SHORT_RETENTION).plusSeconds(1));

            assertEquals(ClaimStatus.GRANTED, afresh.status());
            assertEquals("42-2", afresh.couponId());
            assertEquals(new Stock(10, 2), shortMemory.stock(42));
        }
    }

    @Test
    void forgottenKeyMayBeUsedByAnotherUser() {
        try (TopologyFixture shortMemory = shortRetention()) {
            shortMemory.claim(42, 1001, "key-1", OPEN);

            ClaimOutcome other = shortMemory.claim(42, 1002, "key-1", OPEN.plus(SHORT_RETENTION).plusSeconds(1));

            assertEquals(ClaimStatus.GRANTED, other.status());
        }
    }

    @Test
    void anOutcomeDecidedAfreshIsRememberedForItsOwnRetention() {
        try (TopologyFixture shortMemory = shortRetention()) {
            shortMemory.claim(42, 1001, "key-1", OPEN);
            Instant again = OPEN.plus(SHORT_RETENTION).plusSeconds(1);
            ClaimOutcome afresh = shortMemory.claim(42, 1001, "key-1", again);

            shortMemory.claim(42, 1009, "later", again.plus(SHORT_RETENTION.multipliedBy(2)).minusSeconds(1));

            assertEquals(afresh.asReplay(), shortMemory.claim(42, 1001, "key-1",
                    again.plus(SHORT_RETENTION).minusSeconds(1)));
        }
    }

    @Test
    void theSweepDropsOnlyOutcomesAMarginPastTheirRetention() {
        try (TopologyFixture shortMemory = shortRetention()) {
            shortMemory.claim(42, 1001, "old", OPEN);
            shortMemory.claim(42, 1002, "recent", OPEN.plus(Duration.ofMinutes(50)));

            Instant late = OPEN.plus(SHORT_RETENTION.multipliedBy(2)).plus(Duration.ofMinutes(40));
            shortMemory.claim(42, 1009, "late", late);

            assertNull(shortMemory.rememberedOutcome(42, "old"));
            assertNotNull(shortMemory.rememberedOutcome(42, "recent"));
        }
    }

    @Test
    void anOldOutcomeWrittenAfterASweepFoundNothingToDropIsStillDroppedPastItsRetention() {
        try (TopologyFixture shortMemory = shortRetention()) {
            shortMemory.claim(42, 1001, "recent", OPEN.plus(Duration.ofMinutes(30)));
            shortMemory.claim(42, 1002, "swept", OPEN.plus(Duration.ofMinutes(32)));
            shortMemory.claim(42, 1003, "requested-earlier", OPEN);

            shortMemory.claim(42, 1009, "late", OPEN.plus(SHORT_RETENTION.multipliedBy(2)).plus(Duration.ofMinutes(20)));

            assertNull(shortMemory.rememberedOutcome(42, "requested-earlier"));
            assertNotNull(shortMemory.rememberedOutcome(42, "recent"));
        }
    }

    private TopologyFixture shortRetention() {
        TopologyFixture fixture = new TopologyFixture(stateDir.resolve("short"),
                TopologySettings.withRetention(SHORT_RETENTION));
        fixture.define(aTemplate(42).totalCount(10).perUserLimit(2).build());
        return fixture;
    }
}
