package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StockRulesTest extends TopologyTest {

    @Test
    void eachGrantTakesOneUnit() {
        topology.define(aTemplate(42).totalCount(10).build());

        topology.claim(42, 1001, "r-1");
        topology.claim(42, 1002, "r-2");

        assertEquals(new Stock(10, 2), topology.stock(42));
    }

    @Test
    void grantsUntilStockIsZeroThenAnswersSoldOut() {
        topology.define(aTemplate(42).totalCount(3).build());

        List<ClaimStatus> statuses = new ArrayList<>();
        for (long user = 1; user <= 5; user++) {
            statuses.add(topology.claim(42, user, "r-" + user).status());
        }

        assertEquals(List.of(ClaimStatus.GRANTED, ClaimStatus.GRANTED, ClaimStatus.GRANTED, ClaimStatus.SOLD_OUT,
                ClaimStatus.SOLD_OUT), statuses);
        assertEquals(new Stock(3, 3), topology.stock(42));
    }

    @Test
    void soldOutTakesNothingAndCountsNothing() {
        topology.define(aTemplate(42).totalCount(1).build());
        topology.claim(42, 1001, "r-1");

        ClaimOutcome soldOut = topology.claim(42, 1002, "r-2");

        assertEquals(ClaimStatus.SOLD_OUT, soldOut.status());
        assertEquals(new Stock(1, 1), topology.stock(42));
        assertEquals(0, topology.claimCount(42, 1002));
        assertEquals(null, topology.wallet(1002));
    }

    @Test
    void stockOfOneTemplateIsNotSpentByAnother() {
        topology.define(aTemplate(1).totalCount(1).build());
        topology.define(aTemplate(2).totalCount(1).build());
        topology.claim(1, 1001, "r-1");

        assertEquals(ClaimStatus.GRANTED, topology.claim(2, 1002, "r-1").status());
        assertEquals(new Stock(1, 1), topology.stock(1));
        assertEquals(new Stock(1, 1), topology.stock(2));
    }

    /**
     * 200 users each send 3 claims with distinct request ids, shuffled. Only a grant spends a unit, so there is
     * no SOLD_OUT before the 50th grant, exactly 50 are granted, and nobody is granted twice.
     */
    @Test
    void grantsExactlyStockUnitsToManyUsersWithNoFalseSoldOut() {
        int units = 50;
        topology.define(aTemplate(42).totalCount(units).perUserLimit(1).build());
        List<long[]> claims = new ArrayList<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            for (long user = 1; user <= 200; user++) {
                claims.add(new long[] {user, attempt});
            }
        }
        Collections.shuffle(claims, new Random(20261111L));

        int granted = 0;
        Set<Long> holders = new HashSet<>();
        for (long[] claim : claims) {
            long user = claim[0];
            ClaimOutcome outcome = topology.claim(42, user, "u" + user + "-a" + claim[1]);
            if (granted < units) {
                assertTrue(outcome.status() == ClaimStatus.GRANTED
                                || (outcome.status() == ClaimStatus.LIMIT_EXCEEDED && holders.contains(user)),
                        "before stock ran out, only a holder may be refused: " + outcome);
            } else {
                assertTrue(outcome.status() == ClaimStatus.SOLD_OUT || outcome.status() == ClaimStatus.LIMIT_EXCEEDED,
                        "after the last unit: " + outcome);
            }
            if (outcome.status() == ClaimStatus.GRANTED) {
                granted++;
                assertTrue(holders.add(user), "user " + user + " granted twice");
            }
            if (holders.contains(user) && outcome.status() != ClaimStatus.GRANTED) {
                assertEquals(ClaimStatus.LIMIT_EXCEEDED, outcome.status(), "a holder hits the limit before stock");
            }
        }

        assertEquals(units, granted);
        assertEquals(new Stock(units, units), topology.stock(42));
    }
}
