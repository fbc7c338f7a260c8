package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Template;
import io.coupon.domain.Variant;
import io.coupon.domain.VariantCounts;
import java.math.BigDecimal;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A/B templates: the variant travels with the claim, the coupon and its events, and the live counts add up. */
class ExperimentRulesTest extends TopologyTest {

    private static final long TEMPLATE = 42;

    private Template template;

    @BeforeEach
    void start() {
        template = aTemplate(TEMPLATE).totalCount(100).variants(List.of(
                new Variant("A", 50, null, null, null),
                new Variant("B", 50, new BigDecimal("30.00"), null, null))).build();
        topology.define(template);
    }

    private long userIn(String variant, long after) {
        long user = after + 1;
        while (!template.variantFor(user).name().equals(variant)) {
            user++;
        }
        return user;
    }

    @Test
    void theVariantTravelsWithTheClaimTheCouponAndItsEvents() {
        long user = userIn("B", 0);

        ClaimOutcome outcome = topology.claim(TEMPLATE, user, "r-1");

        assertEquals("B", outcome.variant());
        assertEquals("B", topology.wallet(user).coupons().get(0).variant());
        assertEquals(new BigDecimal("30.00"), topology.wallet(user).coupons().get(0).discount());
        topology.tryRedemption(user, "O-1", outcome.couponId(), "250.00", OPEN);
        topology.confirm(user, "O-1", OPEN);
        List<KeyValue<Long, CouponEvent>> events = topology.couponEvents();
        assertEquals(List.of("B", "B", "B"), events.stream().map(e -> e.value.variant()).toList());
        CouponEvent used = events.get(2).value;
        assertEquals(new BigDecimal("30.00"), used.discountAmount());
        assertEquals(new BigDecimal("250.00"), used.orderAmount());
    }

    @Test
    void countsTriesOncePerUserGrantsAndUsesPerVariant() {
        long a1 = userIn("A", 0);
        long a2 = userIn("A", a1);
        long b1 = userIn("B", 0);
        String coupon = topology.claim(TEMPLATE, a1, "r-1").couponId();
        topology.claim(TEMPLATE, a1, "r-2");
        topology.claim(TEMPLATE, a1, "r-1");
        topology.claim(TEMPLATE, a2, "r-3");
        topology.claim(TEMPLATE, b1, "r-4");
        topology.tryRedemption(a1, "O-1", coupon, "250.00", OPEN);
        topology.confirm(a1, "O-1", OPEN);

        ExperimentTally tally = topology.experiment(TEMPLATE);

        assertEquals(new VariantCounts(2, 2, 1, new BigDecimal("20.00"), new BigDecimal("250.00")), tally.of("A"));
        assertEquals(new VariantCounts(1, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO), tally.of("B"));
    }
}
