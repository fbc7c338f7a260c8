package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claims of a template with an audience pass the user's partition, where the profile lives, before the decider:
 * a profile change is seen by the next claim, a user outside takes nothing, and templates without an audience
 * never take that detour.
 */
class AudienceRulesTest extends TopologyTest {

    private static final long VIP_ONLY = 42;
    private static final long OPEN_TO_ALL = 43;
    private static final long USER = 1001;

    @BeforeEach
    void start() {
        topology.define(aTemplate(VIP_ONLY).totalCount(10)
                .audience(Map.of("attr", "level", "op", "gte", "value", 3)).build());
        topology.define(aTemplate(OPEN_TO_ALL).totalCount(10).build());
    }

    @Test
    void aClaimAfterAProfileChangeSeesTheChange() {
        topology.putProfile(USER, Map.of("level", 1), OPEN.minusSeconds(10));
        assertEquals(ClaimStatus.NOT_ELIGIBLE, topology.claim(VIP_ONLY, USER, "r-1", OPEN).status());

        topology.putProfile(USER, Map.of("level", 5), OPEN.plusSeconds(1));

        assertEquals(ClaimStatus.GRANTED, topology.claim(VIP_ONLY, USER, "r-2", OPEN.plusSeconds(2)).status());
    }

    @Test
    void aUserWithoutAProfileIsOutside() {
        assertEquals(ClaimStatus.NOT_ELIGIBLE, topology.claim(VIP_ONLY, USER, "r-1").status());
    }

    @Test
    void notEligibleTakesNoStockAndCountsNothing() {
        topology.putProfile(USER, Map.of("level", 1), OPEN.minusSeconds(10));

        ClaimOutcome outcome = topology.claim(VIP_ONLY, USER, "r-1");

        assertEquals(ClaimStatus.NOT_ELIGIBLE, outcome.status());
        assertNull(outcome.couponId());
        assertEquals(0, topology.stock(VIP_ONLY).granted());
        assertEquals(0, topology.claimCount(VIP_ONLY, USER));
        assertNull(topology.wallet(USER));
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstOutcomeEvenAfterTheProfileChanged() {
        topology.putProfile(USER, Map.of("level", 5), OPEN.minusSeconds(10));
        ClaimOutcome first = topology.claim(VIP_ONLY, USER, "r-1");
        topology.putProfile(USER, Map.of("level", 1), OPEN.plusSeconds(1));

        ClaimOutcome retry = topology.claim(VIP_ONLY, USER, "r-1", OPEN.plusSeconds(2));

        assertEquals(first.asReplay(), retry);
        assertEquals(1, topology.stock(VIP_ONLY).granted());
    }

    @Test
    void aBlockedUserInsideTheAudienceIsBlocked() {
        topology.putProfile(USER, Map.of("level", 5), OPEN.minusSeconds(10));
        topology.block(USER);

        assertEquals(ClaimStatus.BLOCKED, topology.claim(VIP_ONLY, USER, "r-1").status());
    }

    @Test
    void onlyClaimsOfTemplatesWithAnAudienceTakeTheDetour() {
        topology.putProfile(USER, Map.of("level", 5), OPEN.minusSeconds(10));

        topology.claim(OPEN_TO_ALL, USER, "r-1");
        assertTrue(topology.audienceChecks().isEmpty(), "a template without an audience goes straight to the decider");

        topology.claim(VIP_ONLY, USER, "r-2");
        assertEquals(1, topology.audienceChecks().size());
    }
}
