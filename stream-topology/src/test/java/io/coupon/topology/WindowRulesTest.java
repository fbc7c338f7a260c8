package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.END;
import static io.coupon.topology.TopologyFixture.OPEN;
import static io.coupon.topology.TopologyFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.message.Claim;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WindowRulesTest extends TopologyTest {

    @BeforeEach
    void start() {
        topology.define(aTemplate(42).totalCount(10).build());
    }

    @Test
    void claimBeforeStartTimeIsNotStarted() {
        assertEquals(ClaimStatus.NOT_STARTED, topology.claim(42, 1001, "r-1", START.minusMillis(1)).status());
    }

    @Test
    void claimAtStartTimeIsGranted() {
        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1", START).status());
    }

    @Test
    void claimJustBeforeEndTimeIsGranted() {
        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1", END.minusMillis(1)).status());
    }

    @Test
    void claimAtEndTimeIsEnded() {
        assertEquals(ClaimStatus.ENDED, topology.claim(42, 1001, "r-1", END).status());
    }

    @Test
    void claimAfterEndTimeIsEnded() {
        assertEquals(ClaimStatus.ENDED, topology.claim(42, 1001, "r-1", END.plusSeconds(3600)).status());
    }

    @Test
    void claimOutsideWindowTakesNothing() {
        topology.claim(42, 1001, "r-1", START.minusSeconds(1));
        topology.claim(42, 1002, "r-2", END);

        assertEquals(new Stock(10, 0), topology.stock(42));
        assertEquals(0, topology.claimCount(42, 1001));
        assertEquals(0, topology.claimCount(42, 1002));
    }

    @Test
    void notStartedClaimDoesNotUseUpTheUsersLimit() {
        topology.claim(42, 1001, "r-1", START.minusSeconds(1));

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-2", OPEN).status());
    }

    @Test
    void windowIsJudgedAtRequestedAtNotAtArrival() {
        Claim acceptedInTime = new Claim("r-1", 42, 1001, END.minusMillis(1));

        assertEquals(ClaimStatus.GRANTED, topology.claim(acceptedInTime, END.plusSeconds(5)).status());
    }

    @Test
    void claimAcceptedAfterEndIsEndedEvenIfItArrivesEarly() {
        Claim acceptedLate = new Claim("r-1", 42, 1001, END);

        assertEquals(ClaimStatus.ENDED, topology.claim(acceptedLate, OPEN).status());
    }
}
