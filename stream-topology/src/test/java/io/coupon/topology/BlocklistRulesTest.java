package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.contract.message.BlockUser;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlocklistRulesTest extends TopologyTest {

    @BeforeEach
    void start() {
        topology.define(aTemplate(42).totalCount(10).build());
    }

    @Test
    void blockedUserIsBlocked() {
        topology.block(1001);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(42, 1001, "r-1").status());
    }

    @Test
    void blockedClaimTakesNoStockAndGivesNoCoupon() {
        topology.block(1001);

        topology.claim(42, 1001, "r-1");

        assertEquals(new Stock(10, 0), topology.stock(42));
        assertEquals(0, topology.claimCount(42, 1001));
        assertNull(topology.wallet(1001));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void blockAnswersNothing() {
        topology.block(1001);

        assertEquals(List.of(), topology.claimResults());
        assertEquals(List.of(), topology.templateResults());
    }

    @Test
    void blockWithoutKeyIsApplied() {
        topology.send(null, new BlockUser(1001, TopologyFixture.OPEN), TopologyFixture.OPEN);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(42, 1001, "r-1").status());
    }

    @Test
    void blockAppliesToEveryTemplate() {
        topology.define(aTemplate(43).build());
        topology.block(1001);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(43, 1001, "r-1").status());
    }

    @Test
    void blockingOneUserLeavesOthersFree() {
        topology.block(1001);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1002, "r-1").status());
    }

    @Test
    void unblockedUserCanClaimAgain() {
        topology.block(1001);
        topology.claim(42, 1001, "r-1");

        topology.unblock(1001);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-2").status());
    }

    @Test
    void unblockOfUserNeverBlockedChangesNothing() {
        topology.unblock(1001);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1").status());
    }

    @Test
    void retryOfBlockedClaimAfterUnblockStillAnswersBlocked() {
        topology.block(1001);
        topology.claim(42, 1001, "r-1");
        topology.unblock(1001);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(42, 1001, "r-1").status());
    }

    @Test
    void blockedUserOnSoldOutTemplateIsBlocked() {
        topology.define(aTemplate(7).totalCount(1).build());
        topology.claim(7, 1002, "r-1");
        topology.block(1001);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(7, 1001, "r-2").status());
    }

    @Test
    void blockedUserKeepsCouponsAlreadyHeld() {
        topology.claim(42, 1001, "r-1");

        topology.block(1001);

        assertEquals(1, topology.wallet(1001).coupons().size());
    }
}
