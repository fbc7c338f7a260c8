package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownTemplateTest extends TopologyTest {

    @Test
    void claimOfUndefinedTemplateIsUnknownTemplate() {
        ClaimOutcome outcome = topology.claim(99, 1001, "r-1");

        assertEquals(new ClaimOutcome("r-1", 99, 1001, ClaimStatus.UNKNOWN_TEMPLATE, null, null,
                TopologyFixture.OPEN), outcome);
    }

    @Test
    void claimOfAnotherTemplateIdIsUnknownTemplate() {
        topology.define(aTemplate(42).build());

        assertEquals(ClaimStatus.UNKNOWN_TEMPLATE, topology.claim(43, 1001, "r-1").status());
    }

    @Test
    void unknownTemplateCreatesNoStockWalletOrEvent() {
        topology.claim(99, 1001, "r-1");

        assertNull(topology.stock(99));
        assertNull(topology.wallet(1001));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void unknownTemplateIsNotRememberedSoSameRequestIdIsDecidedOnceTemplateExists() {
        topology.claim(99, 1001, "r-1");
        topology.define(aTemplate(99).build());

        assertEquals(ClaimStatus.GRANTED, topology.claim(99, 1001, "r-1").status());
    }
}
