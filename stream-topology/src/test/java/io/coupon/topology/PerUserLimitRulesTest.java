package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerUserLimitRulesTest extends TopologyTest {

    @Test
    void secondClaimOfOnePerUserTemplateIsLimitExceeded() {
        topology.define(aTemplate(42).perUserLimit(1).build());
        topology.claim(42, 1001, "r-1");

        assertEquals(ClaimStatus.LIMIT_EXCEEDED, topology.claim(42, 1001, "r-2").status());
    }

    @Test
    void userMayHoldUpToPerUserLimit() {
        topology.define(aTemplate(42).perUserLimit(3).build());

        List<ClaimStatus> statuses = List.of(
                topology.claim(42, 1001, "r-1").status(),
                topology.claim(42, 1001, "r-2").status(),
                topology.claim(42, 1001, "r-3").status(),
                topology.claim(42, 1001, "r-4").status());

        assertEquals(List.of(ClaimStatus.GRANTED, ClaimStatus.GRANTED, ClaimStatus.GRANTED,
                ClaimStatus.LIMIT_EXCEEDED), statuses);
        assertEquals(3, topology.claimCount(42, 1001));
        assertEquals(3, topology.wallet(1001).coupons().size());
    }

    @Test
    void limitExceededTakesNoStock() {
        topology.define(aTemplate(42).totalCount(10).perUserLimit(1).build());
        topology.claim(42, 1001, "r-1");

        topology.claim(42, 1001, "r-2");

        assertEquals(new Stock(10, 1), topology.stock(42));
        assertEquals(1, topology.claimCount(42, 1001));
    }

    @Test
    void limitOfOneUserDoesNotStopAnother() {
        topology.define(aTemplate(42).perUserLimit(1).build());
        topology.claim(42, 1001, "r-1");

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1002, "r-2").status());
    }

    @Test
    void limitIsCountedPerTemplate() {
        topology.define(aTemplate(1).perUserLimit(1).build());
        topology.define(aTemplate(2).perUserLimit(1).build());
        topology.claim(1, 1001, "r-1");

        assertEquals(ClaimStatus.GRANTED, topology.claim(2, 1001, "r-2").status());
    }

    @Test
    void userAtLimitOnSoldOutTemplateIsToldLimitExceeded() {
        topology.define(aTemplate(42).totalCount(1).perUserLimit(1).build());
        topology.claim(42, 1001, "r-1");

        assertEquals(ClaimStatus.LIMIT_EXCEEDED, topology.claim(42, 1001, "r-2").status());
    }
}
