package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CouponIdRulesTest {

    @TempDir
    Path firstStateDir;
    @TempDir
    Path secondStateDir;

    @Test
    void couponIdIsTemplateIdDashGrantSequence() {
        try (TopologyFixture topology = new TopologyFixture(firstStateDir)) {
            topology.define(aTemplate(42).build());

            assertEquals("42-1", topology.claim(42, 1001, "r-1").couponId());
            assertEquals("42-2", topology.claim(42, 1002, "r-2").couponId());
        }
    }

    @Test
    void rejectionsDoNotAdvanceTheSequence() {
        try (TopologyFixture topology = new TopologyFixture(firstStateDir)) {
            topology.define(aTemplate(42).perUserLimit(1).build());
            topology.claim(42, 1001, "r-1");
            topology.claim(42, 1001, "r-2");
            topology.block(1003);
            topology.claim(42, 1003, "r-3");

            assertEquals("42-2", topology.claim(42, 1002, "r-4").couponId());
        }
    }

    @Test
    void twoDriversFedTheSameInputGrantIdenticalCouponIds() {
        List<ClaimOutcome> first;
        List<ClaimOutcome> second;
        try (TopologyFixture topology = new TopologyFixture(firstStateDir)) {
            first = runScenario(topology);
        }
        try (TopologyFixture topology = new TopologyFixture(secondStateDir)) {
            second = runScenario(topology);
        }

        assertEquals(first, second);
        assertEquals(24, first.stream().filter(o -> o.status() == ClaimStatus.GRANTED).count(),
                "the scenario grants every unit of both templates");
    }

    @Test
    void couponIdsAreUniqueAcrossUsersAndTemplates() {
        try (TopologyFixture topology = new TopologyFixture(firstStateDir)) {
            List<String> ids = new ArrayList<>();
            for (ClaimOutcome outcome : runScenario(topology)) {
                if (outcome.status().granted()) {
                    ids.add(outcome.couponId());
                }
            }

            assertEquals(24, ids.size());
            assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate coupon id in " + ids);
        }
    }

    /** Two templates (with ids 1 and 11, whose coupon ids could collide if badly joined), many users, some retries. */
    private static List<ClaimOutcome> runScenario(TopologyFixture topology) {
        topology.define(aTemplate(1).totalCount(12).perUserLimit(2).build());
        topology.define(aTemplate(11).totalCount(12).perUserLimit(2).build());
        List<ClaimOutcome> outcomes = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            for (long user = 1; user <= 5; user++) {
                for (long template : new long[] {1, 11}) {
                    outcomes.add(topology.claim(template, user, "u" + user + "-r" + round));
                    // a client's retry of the same request, which must not mint another id
                    outcomes.add(topology.claim(template, user, "u" + user + "-r" + round));
                }
            }
        }
        for (long user = 6; user <= 9; user++) {
            outcomes.add(topology.claim(1, user, "late-" + user));
            outcomes.add(topology.claim(11, user, "late-" + user));
        }
        // a retry's answer is the first one again, marked as a replay: count each decision once
        return outcomes.stream().filter(outcome -> !outcome.replayed()).distinct().toList();
    }
}
