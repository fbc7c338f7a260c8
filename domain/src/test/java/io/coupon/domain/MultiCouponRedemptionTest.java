package io.coupon.domain;

import static io.coupon.domain.Coupons.AT;
import static io.coupon.domain.Coupons.EXPIRES;
import static io.coupon.domain.Coupons.cart;
import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.categories;
import static io.coupon.domain.Coupons.item;
import static io.coupon.domain.Coupons.money;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.scoped;
import static io.coupon.domain.Coupons.stackable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiCouponRedemptionTest {

    private static final long USER = 1001;
    private static final Duration LOCK = Duration.ofMinutes(15);
    private static final Instant LATER = AT.plus(Duration.ofMinutes(1));

    private final WalletCoupon tenOff = stackable(cash("1-1", "10.00"), "shop");
    private final WalletCoupon percentOff = stackable(percent("2-1", "0.90", null), "platform");
    private final WalletCoupon exclusive = cash("3-1", "5.00");
    private final Wallet wallet = new Wallet(List.of(tenOff, percentOff, exclusive));

    @Test
    void tryLocksEveryCouponAndPricesThemInApplicationOrder() {
        RedemptionDecision decision = tryLock(wallet, null, "O-1", List.of("2-1", "1-1"), "100.00", AT);

        assertEquals(RedemptionStatus.LOCKED, decision.status());
        assertEquals(List.of(new CouponDiscount("2-1", money("9.00")), new CouponDiscount("1-1", money("10.00"))),
                decision.order().coupons(), "listed as the Try gave them, priced in application order");
        assertEquals(money("19.00"), decision.order().discountAmount());
        assertEquals(money("81.00"), decision.order().payAmount());
        for (String id : List.of("1-1", "2-1")) {
            WalletCoupon c = decision.wallet().find(id).orElseThrow();
            assertEquals(CouponStatus.LOCKED, c.status());
            assertEquals("O-1", c.orderId());
        }
    }

    @Test
    void oneCouponLockedElsewhereLocksNone() {
        Wallet held = tryLock(wallet, null, "O-other", List.of("2-1"), "100.00", AT).wallet();

        RedemptionDecision decision = tryLock(held, null, "O-1", List.of("1-1", "2-1"), "100.00", AT);

        assertEquals(RedemptionStatus.LOCKED_BY_ANOTHER_ORDER, decision.status());
        assertEquals("2-1", decision.couponId());
        assertNull(decision.order());
        assertEquals(List.of(), decision.changes());
        assertEquals(CouponStatus.UNUSED, decision.wallet().find("1-1").orElseThrow().status());
    }

    @Test
    void theFirstFailingCouponGivesTheReason() {
        RedemptionDecision decision = tryLock(wallet, null, "O-1", List.of("1-1", "9-9", "2-1"), "100.00", AT);

        assertEquals(RedemptionStatus.COUPON_NOT_FOUND, decision.status());
        assertEquals("9-9", decision.couponId());
    }

    @Test
    void anExclusiveCouponWithOthersIsNotStackable() {
        RedemptionDecision decision = tryLock(wallet, null, "O-1", List.of("1-1", "3-1"), "100.00", AT);

        assertEquals(RedemptionStatus.NOT_STACKABLE, decision.status());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void aScopedCouponWithNoLineInScopeIsNotApplicable() {
        Wallet withScoped = wallet.add(scoped(cash("4-1", "5.00"), categories("books")));
        RedemptionRequest request = new RedemptionRequest("O-1", USER, "4-1", null, AT, List.of("4-1"),
                List.of(item("A", "shoes", "50.00", 1)));

        RedemptionDecision decision = RedemptionDecider.tryLock(withScoped, null, request, LOCK);

        assertEquals(RedemptionStatus.NOT_APPLICABLE, decision.status());
        assertEquals(cart(item("A", "shoes", "50.00", 1)).total(), money("50.00"));
    }

    @Test
    void theSameTryAgainAnswersTheSameLockAndAnotherSetConflicts() {
        RedemptionDecision first = tryLock(wallet, null, "O-1", List.of("1-1", "2-1"), "100.00", AT);

        RedemptionDecision again = tryLock(first.wallet(), first.order(), "O-1", List.of("2-1", "1-1"), "100.00",
                LATER);
        RedemptionDecision other = tryLock(first.wallet(), first.order(), "O-1", List.of("1-1"), "100.00", LATER);

        assertEquals(RedemptionStatus.LOCKED, again.status());
        assertEquals(first.order(), again.order());
        assertEquals(List.of(), again.changes());
        assertEquals(RedemptionStatus.ORDER_CONFLICT, other.status());
    }

    @Test
    void confirmUsesEveryCoupon() {
        RedemptionDecision locked = tryLock(wallet, null, "O-1", List.of("1-1", "2-1"), "100.00", AT);

        RedemptionDecision confirmed = RedemptionDecider.confirm(locked.wallet(), locked.order(), LATER);

        assertEquals(RedemptionStatus.USED, confirmed.status());
        assertEquals(List.of(CouponChange.USED, CouponChange.USED), eventTypes(confirmed));
    }

    @Test
    void cancelAndTheLockTimeoutReleaseEveryCoupon() {
        RedemptionDecision locked = tryLock(wallet, null, "O-1", List.of("1-1", "2-1"), "100.00", AT);

        RedemptionDecision cancelled = RedemptionDecider.cancel(locked.wallet(), locked.order(), LATER);
        RedemptionDecision timedOut = RedemptionDecider.lockTimeout(locked.wallet(), locked.order(), AT.plus(LOCK));

        assertEquals(List.of(CouponChange.CANCELLED, CouponChange.CANCELLED), eventTypes(cancelled));
        assertEquals(List.of(CouponChange.LOCK_TIMED_OUT, CouponChange.LOCK_TIMED_OUT), eventTypes(timedOut));
        assertEquals(List.of(CouponStatus.UNUSED, CouponStatus.UNUSED, CouponStatus.UNUSED),
                timedOut.wallet().coupons().stream().map(WalletCoupon::status).toList());
    }

    @Test
    void refundAfterConfirmGivesEveryCouponBack() {
        RedemptionDecision used = confirmed(List.of("1-1", "2-1"));

        RedemptionDecision refunded = RedemptionDecider.refund(used.wallet(), used.order(), LATER.plusSeconds(60));

        assertEquals(RedemptionStatus.REFUNDED, refunded.status());
        assertEquals(OrderStatus.REFUNDED, refunded.order().status());
        assertEquals(List.of(CouponChange.REFUNDED, CouponChange.REFUNDED), eventTypes(refunded));
        for (String id : List.of("1-1", "2-1")) {
            WalletCoupon c = refunded.wallet().find(id).orElseThrow();
            assertEquals(CouponStatus.UNUSED, c.status());
            assertNull(c.orderId());
            assertNull(c.usedAt());
            assertEquals(4, c.version(), "granted 1, locked 2, used 3, refunded 4");
        }
    }

    @Test
    void refundOfACouponExpiredMeanwhileLeavesItExpired() {
        RedemptionDecision used = confirmed(List.of("1-1"));

        RedemptionDecision refunded = RedemptionDecider.refund(used.wallet(), used.order(), EXPIRES.plusSeconds(1));

        assertEquals(RedemptionStatus.REFUNDED, refunded.status());
        assertEquals(CouponStatus.EXPIRED, refunded.wallet().find("1-1").orElseThrow().status());
        assertEquals(CouponStatus.EXPIRED, refunded.changes().get(0).coupon().status());
    }

    @Test
    void refundAgainAnswersTheSameAndChangesNothing() {
        RedemptionDecision used = confirmed(List.of("1-1"));
        RedemptionDecision refunded = RedemptionDecider.refund(used.wallet(), used.order(), LATER);

        RedemptionDecision again = RedemptionDecider.refund(refunded.wallet(), refunded.order(), LATER);

        assertEquals(RedemptionStatus.REFUNDED, again.status());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void refundBeforeConfirmAnswersTheOrdersStatus() {
        RedemptionDecision locked = tryLock(wallet, null, "O-1", List.of("1-1"), "100.00", AT);
        RedemptionDecision cancelled = RedemptionDecider.cancel(locked.wallet(), locked.order(), LATER);

        assertEquals(RedemptionStatus.LOCKED,
                RedemptionDecider.refund(locked.wallet(), locked.order(), LATER).status());
        assertEquals(RedemptionStatus.CANCELLED,
                RedemptionDecider.refund(cancelled.wallet(), cancelled.order(), LATER).status());
        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, RedemptionDecider.refund(wallet, null, LATER).status());
    }

    @Test
    void afterARefundConfirmAndCancelAnswerRefunded() {
        RedemptionDecision used = confirmed(List.of("1-1"));
        RedemptionDecision refunded = RedemptionDecider.refund(used.wallet(), used.order(), LATER);

        assertEquals(RedemptionStatus.REFUNDED,
                RedemptionDecider.confirm(refunded.wallet(), refunded.order(), LATER).status());
        assertEquals(RedemptionStatus.REFUNDED,
                RedemptionDecider.cancel(refunded.wallet(), refunded.order(), LATER).status());
        assertEquals(RedemptionStatus.ORDER_CONFLICT,
                tryLock(refunded.wallet(), refunded.order(), "O-1", List.of("1-1"), "100.00", LATER).status());
    }

    @Test
    void aRefundedCouponCanBeUsedOnAnotherOrder() {
        RedemptionDecision used = confirmed(List.of("1-1"));
        RedemptionDecision refunded = RedemptionDecider.refund(used.wallet(), used.order(), LATER);

        RedemptionDecision again = tryLock(refunded.wallet(), null, "O-2", List.of("1-1"), "100.00", LATER);

        assertEquals(RedemptionStatus.LOCKED, again.status());
    }

    private RedemptionDecision confirmed(List<String> couponIds) {
        RedemptionDecision locked = tryLock(wallet, null, "O-1", couponIds, "100.00", AT);
        return RedemptionDecider.confirm(locked.wallet(), locked.order(), AT.plusSeconds(30));
    }

    private static RedemptionDecision tryLock(Wallet wallet, Order existing, String orderId, List<String> couponIds,
                                              String amount, Instant at) {
        return RedemptionDecider.tryLock(wallet, existing, new RedemptionRequest(orderId, USER, couponIds.get(0),
                new BigDecimal(amount), at, couponIds, null), LOCK);
    }

    private static List<String> eventTypes(RedemptionDecision decision) {
        return decision.changes().stream().map(CouponChange::eventType).toList();
    }
}
