package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.PatchTemplate;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.RefundRedemption;
import io.coupon.contract.message.TemplateResult;
import io.coupon.contract.message.TryRedemption;
import io.coupon.domain.CampaignStatus;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponDiscount;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.OrderStatus;
import io.coupon.domain.RedemptionStatus;
import io.coupon.domain.Stacking;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.TemplatePatch;
import io.coupon.domain.WalletCoupon;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/**
 * Campaign operations through the topology: template patches ride {@code claim-requests} and are applied by
 * {@code decide-claim} between the claims, and multi-coupon Try / Confirm / Refund are single decisions of
 * {@code redeem-coupon}.
 */
class CampaignOperationsTest extends TopologyTest {

    private static final long TEMPLATE = 42;
    private static final long USER = 1001;

    private int requests;

    // --- lifecycle

    @Test
    void pausedTemplateAnswersClaimsPausedAndResumedGrantsAgain() {
        topology.define(aTemplate(TEMPLATE).build());
        assertEquals(ClaimStatus.GRANTED, topology.claim(TEMPLATE, 1, "c-1").status());

        TemplateResult paused = patch(new TemplatePatch(CampaignStatus.PAUSED, null, null, null, null));
        assertEquals(TemplateResult.Status.UPDATED, paused.status());
        assertEquals(ClaimStatus.PAUSED, topology.claim(TEMPLATE, 2, "c-2").status());
        assertEquals(1, topology.stock(TEMPLATE).granted(), "a paused claim takes nothing");

        patch(new TemplatePatch(CampaignStatus.ACTIVE, null, null, null, null));
        assertEquals(ClaimStatus.GRANTED, topology.claim(TEMPLATE, 3, "c-3").status());
    }

    @Test
    void restockAfterSoldOutGrantsUpToTheNewTotalAndNeverMore() {
        topology.define(aTemplate(TEMPLATE).totalCount(2).build());
        topology.claim(TEMPLATE, 1, "c-1");
        topology.claim(TEMPLATE, 2, "c-2");
        assertEquals(ClaimStatus.SOLD_OUT, topology.claim(TEMPLATE, 3, "c-3").status());

        TemplateResult restocked = patch(new TemplatePatch(null, 4L, null, null, null));

        assertEquals(new Stock(4, 2), restocked.stock());
        assertEquals(ClaimStatus.GRANTED, topology.claim(TEMPLATE, 3, "c-3b").status());
        assertEquals(ClaimStatus.GRANTED, topology.claim(TEMPLATE, 4, "c-4").status());
        assertEquals(ClaimStatus.SOLD_OUT, topology.claim(TEMPLATE, 5, "c-5").status());
        assertEquals(new Stock(4, 4), topology.stock(TEMPLATE));
    }

    @Test
    void loweringBelowTheUnitsGrantedIsRefusedAndChangesNothing() {
        topology.define(aTemplate(TEMPLATE).totalCount(5).build());
        topology.claim(TEMPLATE, 1, "c-1");
        topology.claim(TEMPLATE, 2, "c-2");
        topology.publishedTemplates();

        TemplateResult refused = patch(new TemplatePatch(null, 1L, null, null, null));

        assertEquals(TemplateResult.Status.BELOW_GRANTED, refused.status());
        assertEquals(new Stock(5, 2), topology.stock(TEMPLATE));
        assertEquals(List.of(), topology.publishedTemplates());
    }

    @Test
    void endedTemplateRefusesLaterChanges() {
        topology.define(aTemplate(TEMPLATE).build());
        patch(new TemplatePatch(CampaignStatus.ENDED, null, null, null, null));

        assertEquals(ClaimStatus.ENDED, topology.claim(TEMPLATE, 1, "c-1").status());
        assertEquals(TemplateResult.Status.ENDED,
                patch(new TemplatePatch(CampaignStatus.ACTIVE, null, null, null, null)).status());
    }

    @Test
    void appliedChangesArePublishedOnCouponTemplates() {
        topology.define(aTemplate(TEMPLATE).build());
        topology.publishedTemplates();

        patch(new TemplatePatch(null, null, null, "Renamed", Map.of("channel", "app")));

        List<KeyValue<Long, Template>> published = topology.publishedTemplates();
        assertEquals(1, published.size());
        assertEquals("Renamed", published.get(0).value.name());
        assertEquals(Map.of("channel", "app"), published.get(0).value.metadata());
        assertEquals(topology.storedTemplate(TEMPLATE), published.get(0).value);
    }

    @Test
    void aPatchRepublishesTheTemplatesAudienceAndVariants() {
        Template targeted = aTemplate(TEMPLATE)
                .audience(Map.of("attr", "tier", "op", "in", "value", List.of("gold", "silver")))
                .variants(List.of(new io.coupon.domain.Variant("A", 50, null, null, null),
                        new io.coupon.domain.Variant("B", 50, new BigDecimal("8.00"), null, null)))
                .build();
        topology.define(targeted);
        assertEquals(targeted, topology.publishedTemplates().get(0).value, "the definition carries both");

        patch(new TemplatePatch(CampaignStatus.PAUSED, null, null, null, null));

        Template republished = topology.publishedTemplates().get(0).value;
        assertEquals(targeted.audience(), republished.audience());
        assertEquals(targeted.variants(), republished.variants());
    }

    @Test
    void patchOfAnUnknownTemplateIsNotFound() {
        assertEquals(TemplateResult.Status.NOT_FOUND, patch(new TemplatePatch(null, 5L, null, null, null)).status());
    }

    // --- multi-coupon redemption

    @Test
    void multiCouponTryWithOneCouponLockedElsewhereLocksNone() {
        List<String> ids = twoStackableCoupons();
        assertEquals(RedemptionStatus.LOCKED, tryLock("O-other", List.of(ids.get(1))).status());
        topology.couponEvents();

        RedemptionResult result = tryLock("O-1", ids);

        assertEquals(RedemptionStatus.LOCKED_BY_ANOTHER_ORDER, result.status());
        assertEquals(ids.get(1), result.couponId());
        assertEquals(List.of(), topology.couponEvents());
        assertNull(topology.order(USER, "O-1"));
        WalletCoupon first = topology.wallet(USER).find(ids.get(0)).orElseThrow();
        assertEquals(CouponStatus.UNUSED, first.status());
    }

    @Test
    void multiCouponTryLocksAllAndConfirmUsesAll() {
        List<String> ids = twoStackableCoupons();
        topology.couponEvents();

        RedemptionResult locked = tryLock("O-1", ids);
        assertEquals(RedemptionStatus.LOCKED, locked.status());
        assertEquals(ids, locked.couponIds());
        assertEquals(new BigDecimal("40.00"), locked.discountAmount());
        assertEquals(List.of(new CouponDiscount(ids.get(0), new BigDecimal("20.00")),
                new CouponDiscount(ids.get(1), new BigDecimal("20.00"))), locked.coupons());

        assertEquals(RedemptionStatus.USED, topology.confirm(USER, "O-1", OPEN.plusSeconds(10)).status());
        List<CouponEvent> events = topology.couponEvents().stream().map(kv -> kv.value).toList();
        assertEquals(List.of(CouponChange.LOCKED, CouponChange.LOCKED, CouponChange.USED, CouponChange.USED),
                events.stream().map(CouponEvent::eventType).toList());
        assertEquals(new BigDecimal("20.00"), events.get(2).discountAmount(), "each use carries its own part");
    }

    @Test
    void refundAfterConfirmGivesTheCouponsBack() {
        List<String> ids = twoStackableCoupons();
        tryLock("O-1", ids);
        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));
        topology.couponEvents();

        RedemptionResult refunded = refund("O-1", OPEN.plusSeconds(20));
        RedemptionResult again = refund("O-1", OPEN.plusSeconds(30));

        assertEquals(RedemptionStatus.REFUNDED, refunded.status());
        assertEquals(RedemptionStatus.REFUNDED, again.status());
        assertEquals(OrderStatus.REFUNDED, topology.order(USER, "O-1").status());
        for (String id : ids) {
            assertEquals(CouponStatus.UNUSED, topology.wallet(USER).find(id).orElseThrow().status());
        }
        List<CouponEvent> events = topology.couponEvents().stream().map(kv -> kv.value).toList();
        assertEquals(List.of(CouponChange.REFUNDED, CouponChange.REFUNDED),
                events.stream().map(CouponEvent::eventType).toList(), "the repeat publishes nothing");
        assertEquals(List.of(4L, 4L), events.stream().map(CouponEvent::version).toList());
        assertEquals(RedemptionStatus.REFUNDED, topology.confirm(USER, "O-1", OPEN.plusSeconds(40)).status());
        assertEquals(RedemptionStatus.REFUNDED, topology.cancel(USER, "O-1", OPEN.plusSeconds(40)).status());
    }

    @Test
    void refundBeforeConfirmAnswersTheOrdersStatusAndChangesNothing() {
        List<String> ids = twoStackableCoupons();
        tryLock("O-1", ids);
        topology.couponEvents();

        RedemptionResult refused = refund("O-1", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.LOCKED, refused.status());
        assertEquals(List.of(), topology.couponEvents());
        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, refund("O-unknown", OPEN.plusSeconds(20)).status());
    }

    // --- helpers

    /** Two stackable 20-off-200 coupons of different groups for {@link #USER}. */
    private List<String> twoStackableCoupons() {
        topology.define(stackable(aTemplate(41).build(), "shop"));
        topology.define(stackable(aTemplate(TEMPLATE).build(), "platform"));
        String first = topology.claim(41, USER, "g-41").couponId();
        String second = topology.claim(TEMPLATE, USER, "g-42").couponId();
        return List.of(first, second);
    }

    private static Template stackable(Template t, String group) {
        return new Template(t.id(), t.name(), t.type(), t.discount(), t.threshold(), t.maxDiscount(), t.totalCount(),
                t.perUserLimit(), t.startTime(), t.endTime(), t.validDays(), null, null, null, null, Stacking.STACKABLE,
                group, null);
    }

    private TemplateResult patch(TemplatePatch patch) {
        String requestId = "patch-" + ++requests;
        topology.send(TEMPLATE, new PatchTemplate(requestId, TEMPLATE, patch, OPEN), OPEN);
        List<TemplateResult> results = topology.templateResults();
        assertEquals(1, results.size());
        assertEquals(requestId, results.get(0).requestId());
        return results.get(0);
    }

    private RedemptionResult tryLock(String orderId, List<String> couponIds) {
        return topology.redeem(new TryRedemption("try-" + ++requests, USER, orderId, couponIds.get(0),
                new BigDecimal("250.00"), OPEN.plusSeconds(5), couponIds, null));
    }

    private RedemptionResult refund(String orderId, Instant at) {
        return topology.redeem(new RefundRedemption("refund-" + ++requests, USER, orderId, at));
    }
}
