package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.END;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponDiscount;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.Order;
import io.coupon.domain.OrderStatus;
import io.coupon.domain.RedemptionStatus;
import io.coupon.domain.WalletCoupon;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Try / Confirm / Cancel through the topology: answers on {@code redemption-results}, state in
 * {@code wallet-store} and {@code order-store}, transitions on {@code coupon-events}, and the wall-clock timers
 * for lock timeouts and coupon expiry. The driver's wall clock starts at {@link TopologyFixture#OPEN}, when the
 * coupons are claimed and the first Try is made; the lock timeout is short so the timer can be driven.
 */
class RedemptionRulesTest extends TopologyTest {

    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);
    private static final long USER = 1001;
    private static final long OTHER_USER = 1002;
    /** Template 42: THRESHOLD, 20 off 200; its coupons expire at {@link TopologyFixture#END}. */
    private static final long THRESHOLD_TEMPLATE = 42;

    /** Where the driver's wall clock stands. */
    private Instant clock = OPEN;

    @Override
    TopologyFixture fixture(Path stateDir) {
        return new TopologyFixture(stateDir, TopologySettings.of(TopologyFixture.RETENTION, LOCK_TIMEOUT));
    }

    @BeforeEach
    void start() {
        topology.define(aTemplate(THRESHOLD_TEMPLATE).build());
    }

    // --- Try

    @Test
    void tryLocksTheCouponAndAnswersWithTheAmounts() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        assertEquals(new RedemptionResult(result.requestId(), USER, "O-1", coupon, RedemptionStatus.LOCKED,
                money("20.00"), money("230.00"), OPEN.plus(LOCK_TIMEOUT)), singleCouponView(result));
    }

    @Test
    void tryLeavesTheCouponLockedByTheOrderInTheWallet() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        WalletCoupon held = walletCoupon(USER, coupon);
        assertEquals(CouponStatus.LOCKED, held.status());
        assertEquals("O-1", held.orderId());
        assertEquals(OPEN.plus(LOCK_TIMEOUT), held.lockedUntil());
    }

    @Test
    void tryStoresTheLockedOrder() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        assertEquals(new Order("O-1", USER, coupon, money("250.00"), money("20.00"), money("230.00"),
                OrderStatus.LOCKED, OPEN.plus(LOCK_TIMEOUT), List.of(new CouponDiscount(coupon, money("20.00")))),
                topology.order(USER, "O-1"));
    }

    @Test
    void tryPublishesALockedEventKeyedByUser() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        assertEquals(List.of(KeyValue.pair(USER, new CouponEvent(CouponChange.LOCKED, coupon, USER,
                THRESHOLD_TEMPLATE, CouponStatus.LOCKED, 2, OPEN, END, "O-1"))), topology.couponEvents());
    }

    @Test
    void repeatedTryOfTheSameOrderAndCouponAnswersTheSame() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        RedemptionResult first = topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        RedemptionResult again = topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN.plusSeconds(10));

        assertEquals(repeatOf(first, again.requestId()), again);
    }

    @Test
    void onlyTheFirstOfRepeatedTriesIsAnsweredAsMovingTheOrder() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        RedemptionResult first = topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        RedemptionResult again = topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN.plusSeconds(10));

        assertTrue(first.moved());
        assertFalse(again.moved());
    }

    @Test
    void repeatedTryChangesNothingAndPublishesNothing() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        WalletCoupon locked = walletCoupon(USER, coupon);
        Order order = topology.order(USER, "O-1");
        topology.couponEvents();

        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN.plusSeconds(10));

        assertEquals(locked, walletCoupon(USER, coupon));
        assertEquals(order, topology.order(USER, "O-1"));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void anotherOrderOnALockedCouponIsRejected() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);

        RedemptionResult result = topology.tryRedemption(USER, "O-2", coupon, "300.00", OPEN.plusSeconds(10));

        assertEquals(new RedemptionResult(result.requestId(), USER, "O-2", coupon,
                RedemptionStatus.LOCKED_BY_ANOTHER_ORDER, null, null, null), singleCouponView(result));
    }

    @Test
    void anotherOrderOnALockedCouponLeavesTheFirstLockAndCreatesNoOrder() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        topology.couponEvents();

        topology.tryRedemption(USER, "O-2", coupon, "300.00", OPEN.plusSeconds(10));

        assertEquals("O-1", walletCoupon(USER, coupon).orderId());
        assertNull(topology.order(USER, "O-2"));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void someoneElsesCouponIsNotFound() {
        String mine = grant(THRESHOLD_TEMPLATE, USER);
        grant(THRESHOLD_TEMPLATE, OTHER_USER);

        RedemptionResult result = topology.tryRedemption(OTHER_USER, "O-1", mine, "250.00", OPEN);

        assertEquals(RedemptionStatus.COUPON_NOT_FOUND, result.status());
        assertNull(result.discountAmount());
        assertNull(topology.order(OTHER_USER, "O-1"));
    }

    @Test
    void tryOnSomeoneElsesCouponLeavesItAlone() {
        String mine = grant(THRESHOLD_TEMPLATE, USER);
        WalletCoupon before = walletCoupon(USER, mine);

        topology.tryRedemption(OTHER_USER, "O-1", mine, "250.00", OPEN);

        assertEquals(before, walletCoupon(USER, mine));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void orderOneCentBelowTheThresholdIsRejected() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "199.99", OPEN);

        assertEquals(new RedemptionResult(result.requestId(), USER, "O-1", coupon, RedemptionStatus.BELOW_THRESHOLD,
                null, null, null), singleCouponView(result));
    }

    @Test
    void orderBelowTheThresholdCreatesNoOrderAndLeavesTheCouponUnused() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        topology.tryRedemption(USER, "O-1", coupon, "199.99", OPEN);

        assertNull(topology.order(USER, "O-1"));
        assertEquals(CouponStatus.UNUSED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, topology.confirm(USER, "O-1", OPEN.plusSeconds(1)).status());
    }

    @Test
    void orderAtExactlyTheThresholdLocksTheCoupon() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "200.00", OPEN);

        assertEquals(RedemptionStatus.LOCKED, result.status());
        assertEquals(money("20.00"), result.discountAmount());
        assertEquals(money("180.00"), result.payAmount());
    }

    @Test
    void discountCouponPaysHalfUpOfTheShare() {
        topology.define(aTemplate(7).percentOff("0.85", null).build());
        String coupon = grant(7, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "10.10", OPEN);

        assertEquals(money("1.51"), result.discountAmount());
        assertEquals(money("8.59"), result.payAmount());
    }

    @Test
    void uncappedDiscountCouponTakesItsWholeShare() {
        topology.define(aTemplate(7).percentOff("0.85", null).build());
        String coupon = grant(7, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "1000.00", OPEN);

        assertEquals(money("150.00"), result.discountAmount());
        assertEquals(money("850.00"), result.payAmount());
    }

    @Test
    void cappedDiscountCouponTakesAtMostItsCap() {
        topology.define(aTemplate(7).percentOff("0.85", "30.00").build());
        String coupon = grant(7, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "1000.00", OPEN);

        assertEquals(money("30.00"), result.discountAmount());
        assertEquals(money("970.00"), result.payAmount());
    }

    @Test
    void cashCouponLargerThanTheOrderLeavesNothingToPay() {
        topology.define(aTemplate(8).cash("10.00").build());
        String coupon = grant(8, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "6.50", OPEN);

        assertEquals(money("6.50"), result.discountAmount());
        assertEquals(money("0.00"), result.payAmount());
    }

    // --- Confirm

    @Test
    void confirmAnswersUsed() {
        String coupon = lockedByO1();

        RedemptionResult result = topology.confirm(USER, "O-1", OPEN.plusSeconds(10));

        assertEquals(new RedemptionResult(result.requestId(), USER, "O-1", coupon, RedemptionStatus.USED, null, null,
                null), singleCouponView(result));
    }

    @Test
    void confirmMarksTheCouponAndTheOrderUsed() {
        String coupon = lockedByO1();

        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));

        WalletCoupon used = walletCoupon(USER, coupon);
        assertEquals(CouponStatus.USED, used.status());
        assertEquals("O-1", used.orderId());
        assertEquals(OPEN.plusSeconds(10), used.usedAt());
        assertEquals(OrderStatus.USED, topology.order(USER, "O-1").status());
    }

    @Test
    void confirmPublishesAUsedEvent() {
        String coupon = lockedByO1();

        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));

        // field by field: a USED event may carry more (the amount taken off) than the other transitions
        List<KeyValue<Long, CouponEvent>> events = topology.couponEvents();
        assertEquals(1, events.size(), "one event: " + events);
        assertEquals(USER, events.get(0).key);
        CouponEvent used = events.get(0).value;
        assertEquals(CouponChange.USED, used.eventType());
        assertEquals(coupon, used.couponId());
        assertEquals(USER, used.userId());
        assertEquals(THRESHOLD_TEMPLATE, used.templateId());
        assertEquals(CouponStatus.USED, used.status());
        assertEquals(3, used.version());
        assertEquals(OPEN.plusSeconds(10), used.at());
        assertEquals(END, used.expiresAt());
        assertEquals("O-1", used.orderId());
    }

    @Test
    void repeatedConfirmAnswersUsedAndPublishesNothing() {
        String coupon = lockedByO1();
        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));
        WalletCoupon used = walletCoupon(USER, coupon);
        topology.couponEvents();

        RedemptionResult again = topology.confirm(USER, "O-1", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.USED, again.status());
        assertEquals(used, walletCoupon(USER, coupon));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void confirmAfterCancelAnswersCancelledAndPublishesNothing() {
        String coupon = lockedByO1();
        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));
        topology.couponEvents();

        RedemptionResult result = topology.confirm(USER, "O-1", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.CANCELLED, result.status());
        assertEquals(CouponStatus.UNUSED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void confirmOfAnUnknownOrderIsNotFound() {
        grant(THRESHOLD_TEMPLATE, USER);

        RedemptionResult result = topology.confirm(USER, "O-404", OPEN);

        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, result.status());
        assertNull(topology.order(USER, "O-404"));
    }

    @Test
    void confirmOfSomeoneElsesOrderIsNotFoundAndLeavesItLocked() {
        String coupon = lockedByO1();

        RedemptionResult result = topology.confirm(OTHER_USER, "O-1", OPEN.plusSeconds(10));

        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, result.status());
        assertEquals(CouponStatus.LOCKED, walletCoupon(USER, coupon).status());
        assertEquals(OrderStatus.LOCKED, topology.order(USER, "O-1").status());
        assertEquals(List.of(), topology.couponEvents());
    }

    // --- Cancel

    @Test
    void cancelAnswersCancelled() {
        String coupon = lockedByO1();

        RedemptionResult result = topology.cancel(USER, "O-1", OPEN.plusSeconds(10));

        assertEquals(new RedemptionResult(result.requestId(), USER, "O-1", coupon, RedemptionStatus.CANCELLED, null,
                null, null), singleCouponView(result));
    }

    @Test
    void cancelMakesTheCouponUnusedAgainAndTheOrderCancelled() {
        String coupon = lockedByO1();

        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));

        WalletCoupon released = walletCoupon(USER, coupon);
        assertEquals(CouponStatus.UNUSED, released.status());
        assertNull(released.orderId());
        assertNull(released.lockedUntil());
        assertEquals(OrderStatus.CANCELLED, topology.order(USER, "O-1").status());
    }

    @Test
    void cancelPublishesACancelledEvent() {
        String coupon = lockedByO1();

        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));

        assertEquals(List.of(KeyValue.pair(USER, new CouponEvent(CouponChange.CANCELLED, coupon, USER,
                THRESHOLD_TEMPLATE, CouponStatus.UNUSED, 3, OPEN.plusSeconds(10), END, null))), topology.couponEvents());
    }

    @Test
    void repeatedCancelAnswersCancelledAndPublishesNothing() {
        String coupon = lockedByO1();
        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));
        WalletCoupon released = walletCoupon(USER, coupon);
        topology.couponEvents();

        RedemptionResult again = topology.cancel(USER, "O-1", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.CANCELLED, again.status());
        assertEquals(released, walletCoupon(USER, coupon));
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void cancelAfterConfirmAnswersUsedAndPublishesNothing() {
        String coupon = lockedByO1();
        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));
        topology.couponEvents();

        RedemptionResult result = topology.cancel(USER, "O-1", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.USED, result.status());
        assertEquals(CouponStatus.USED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void cancelledCouponCanBeLockedByAnotherOrder() {
        String coupon = lockedByO1();
        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));

        RedemptionResult result = topology.tryRedemption(USER, "O-2", coupon, "250.00", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.LOCKED, result.status());
        assertEquals("O-2", walletCoupon(USER, coupon).orderId());
    }

    @Test
    void rejectedTryNamesTheCouponItAskedFor() {
        String first = lockedByO1();
        topology.cancel(USER, "O-1", OPEN.plusSeconds(10));
        topology.define(aTemplate(43).build());
        String second = grant(43, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", second, "199.99", OPEN.plusSeconds(20));

        assertEquals(RedemptionStatus.BELOW_THRESHOLD, result.status());
        assertEquals(second, result.couponId(), "not the coupon " + first + " of the cancelled order");
    }

    // --- lock timeout

    @Test
    void lockHoldsUntilTheLockTimeoutPasses() {
        String coupon = lockedByO1();

        advanceWallClockTime(LOCK_TIMEOUT.minusSeconds(1));

        assertEquals(CouponStatus.LOCKED, walletCoupon(USER, coupon).status());
        assertEquals(OrderStatus.LOCKED, topology.order(USER, "O-1").status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void lockNotConfirmedInTimeMakesTheCouponUnusedAgain() {
        String coupon = lockedByO1();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        WalletCoupon released = walletCoupon(USER, coupon);
        assertEquals(CouponStatus.UNUSED, released.status());
        assertNull(released.orderId());
        assertNull(released.lockedUntil());
    }

    @Test
    void lockNotConfirmedInTimeCancelsTheOrder() {
        lockedByO1();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        assertEquals(OrderStatus.CANCELLED, topology.order(USER, "O-1").status());
    }

    @Test
    void lockNotConfirmedInTimePublishesALockTimedOutEvent() {
        String coupon = lockedByO1();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        assertEquals(List.of(KeyValue.pair(USER, new CouponEvent(CouponChange.LOCK_TIMED_OUT, coupon, USER,
                THRESHOLD_TEMPLATE, CouponStatus.UNUSED, 3, clock, END, null))), topology.couponEvents());
    }

    @Test
    void lockTimeoutFiresOnce() {
        lockedByO1();
        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));
        topology.couponEvents();

        advanceWallClockTime(LOCK_TIMEOUT.multipliedBy(3));

        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void confirmAfterTheLockTimedOutAnswersCancelled() {
        String coupon = lockedByO1();
        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));
        topology.couponEvents();

        RedemptionResult result = topology.confirm(USER, "O-1", clock);

        assertEquals(RedemptionStatus.CANCELLED, result.status());
        assertEquals(CouponStatus.UNUSED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void confirmFromLockedUntilOnIsATimeoutEvenBeforeTheTimerRan() {
        String coupon = lockedByO1();

        RedemptionResult result = topology.confirm(USER, "O-1", OPEN.plus(LOCK_TIMEOUT));

        assertEquals(RedemptionStatus.CANCELLED, result.status());
        assertEquals(CouponStatus.UNUSED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(CouponChange.LOCK_TIMED_OUT), eventTypes(topology.couponEvents()));
    }

    @Test
    void timerAfterALockAlreadyTimedOutOnConfirmPublishesNothing() {
        lockedByO1();
        topology.confirm(USER, "O-1", OPEN.plus(LOCK_TIMEOUT));
        topology.couponEvents();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void timerAfterConfirmChangesNothing() {
        String coupon = lockedByO1();
        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));
        WalletCoupon used = walletCoupon(USER, coupon);
        topology.couponEvents();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        assertEquals(used, walletCoupon(USER, coupon));
        assertEquals(OrderStatus.USED, topology.order(USER, "O-1").status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void newTryTakesOverALapsedLockOfAnotherOrder() {
        String coupon = lockedByO1();

        RedemptionResult result = topology.tryRedemption(USER, "O-2", coupon, "250.00", OPEN.plus(LOCK_TIMEOUT));

        assertEquals(RedemptionStatus.LOCKED, result.status());
        assertEquals("O-2", walletCoupon(USER, coupon).orderId());
        assertEquals(List.of(new CouponEvent(CouponChange.LOCK_TIMED_OUT, coupon, USER, THRESHOLD_TEMPLATE,
                        CouponStatus.UNUSED, 3, OPEN.plus(LOCK_TIMEOUT), END, null),
                new CouponEvent(CouponChange.LOCKED, coupon, USER, THRESHOLD_TEMPLATE, CouponStatus.LOCKED, 4,
                        OPEN.plus(LOCK_TIMEOUT), END, "O-2")), values(topology.couponEvents()));
    }

    @Test
    void timerOfAnOrderWhoseLockWasTakenOverOnlyCancelsThatOrder() {
        String coupon = lockedByO1();
        topology.tryRedemption(USER, "O-2", coupon, "250.00", OPEN.plus(LOCK_TIMEOUT));
        WalletCoupon lockedByO2 = walletCoupon(USER, coupon);
        topology.couponEvents();

        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(1));

        assertEquals(OrderStatus.CANCELLED, topology.order(USER, "O-1").status());
        assertEquals(OrderStatus.LOCKED, topology.order(USER, "O-2").status());
        assertEquals(lockedByO2, walletCoupon(USER, coupon));
        assertEquals(List.of(), topology.couponEvents());
    }

    // --- coupon expiry

    @Test
    void couponIsUnusedUntilItsExpiresAt() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        advanceWallClockTime(Duration.between(OPEN, END).minusSeconds(1));

        assertEquals(CouponStatus.UNUSED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void couponExpiresWhenTheClockPassesItsExpiresAt() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        advanceWallClockTime(Duration.between(OPEN, END).plusSeconds(1));

        assertEquals(CouponStatus.EXPIRED, walletCoupon(USER, coupon).status());
    }

    @Test
    void expiryPublishesAnExpiredEvent() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        advanceWallClockTime(Duration.between(OPEN, END).plusSeconds(1));

        assertEquals(List.of(KeyValue.pair(USER, new CouponEvent(CouponChange.EXPIRED, coupon, USER,
                THRESHOLD_TEMPLATE, CouponStatus.EXPIRED, 2, clock, END, null))), topology.couponEvents());
    }

    @Test
    void couponExpiresOnce() {
        grant(THRESHOLD_TEMPLATE, USER);
        advanceWallClockTime(Duration.between(OPEN, END).plusSeconds(1));
        topology.couponEvents();

        advanceWallClockTime(Duration.ofDays(1));

        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void tryOfAnExpiredCouponIsExpired() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        advanceWallClockTime(Duration.between(OPEN, END).plusSeconds(1));

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "250.00", clock);

        assertEquals(RedemptionStatus.EXPIRED, result.status());
        assertNull(topology.order(USER, "O-1"));
    }

    @Test
    void tryFromExpiresAtOnIsExpiredEvenBeforeTheTimerRan() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);

        RedemptionResult result = topology.tryRedemption(USER, "O-1", coupon, "250.00", END);

        assertEquals(RedemptionStatus.EXPIRED, result.status());
    }

    @Test
    void lockedCouponExpiresWhenTheClockPassesItsExpiresAt() {
        topology.define(aTemplate(9).validDays(null).endTime(OPEN.plusSeconds(60)).build());
        String coupon = grant(9, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        topology.couponEvents();

        advanceWallClockTime(Duration.ofSeconds(61));

        WalletCoupon expired = walletCoupon(USER, coupon);
        assertEquals(CouponStatus.EXPIRED, expired.status());
        assertNull(expired.orderId());
        assertEquals(List.of(KeyValue.pair(USER, new CouponEvent(CouponChange.EXPIRED, coupon, USER, 9,
                CouponStatus.EXPIRED, 3, clock, OPEN.plusSeconds(60), null))), topology.couponEvents());
    }

    @Test
    void orderOfACouponThatExpiredWhileLockedIsCancelledByItsTimer() {
        topology.define(aTemplate(9).validDays(null).endTime(OPEN.plusSeconds(60)).build());
        String coupon = grant(9, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        advanceWallClockTime(Duration.ofSeconds(61));
        topology.couponEvents();

        advanceWallClockTime(LOCK_TIMEOUT);

        assertEquals(OrderStatus.CANCELLED, topology.order(USER, "O-1").status());
        assertEquals(CouponStatus.EXPIRED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    @Test
    void repeatedTryOfAnOrderWhoseCouponExpiredIsExpired() {
        topology.define(aTemplate(9).validDays(null).endTime(OPEN.plusSeconds(60)).build());
        String coupon = grant(9, USER);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        advanceWallClockTime(Duration.ofSeconds(61));

        RedemptionResult again = topology.tryRedemption(USER, "O-1", coupon, "250.00", clock);

        assertEquals(RedemptionStatus.EXPIRED, again.status());
    }

    @Test
    void usedCouponDoesNotExpire() {
        String coupon = lockedByO1();
        topology.confirm(USER, "O-1", OPEN.plusSeconds(10));
        topology.couponEvents();

        advanceWallClockTime(Duration.between(OPEN, END).plusSeconds(1));

        assertEquals(CouponStatus.USED, walletCoupon(USER, coupon).status());
        assertEquals(List.of(), topology.couponEvents());
    }

    // --- the whole story

    @Test
    void everyTransitionOfACouponIsPublishedWithTheNextVersion() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER, false);
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        topology.cancel(USER, "O-1", OPEN.plusSeconds(1));
        topology.tryRedemption(USER, "O-2", coupon, "250.00", OPEN.plusSeconds(2));
        advanceWallClockTime(LOCK_TIMEOUT.plusSeconds(3));
        topology.tryRedemption(USER, "O-3", coupon, "250.00", clock);
        topology.confirm(USER, "O-3", clock.plusSeconds(1));

        List<KeyValue<Long, CouponEvent>> events = topology.couponEvents();

        assertEquals(List.of(CouponChange.GRANTED, CouponChange.LOCKED, CouponChange.CANCELLED, CouponChange.LOCKED,
                CouponChange.LOCK_TIMED_OUT, CouponChange.LOCKED, CouponChange.USED), eventTypes(events));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), values(events).stream().map(CouponEvent::version).toList());
        assertEquals(List.of(USER), events.stream().map(e -> e.key).distinct().toList());
    }

    // --- helpers

    /** Grants a coupon of the template to the user at {@link TopologyFixture#OPEN} and drains its event. */
    private String grant(long templateId, long userId) {
        return grant(templateId, userId, true);
    }

    private String grant(long templateId, long userId, boolean drainEvents) {
        String couponId = topology.claim(templateId, userId, "claim-" + templateId + "-" + userId, OPEN).couponId();
        if (drainEvents) {
            topology.couponEvents();
        }
        return couponId;
    }

    /** A coupon of template 42, locked at {@link TopologyFixture#OPEN} by order O-1 of 250.00; events drained. */
    private String lockedByO1() {
        String coupon = grant(THRESHOLD_TEMPLATE, USER);
        assertEquals(RedemptionStatus.LOCKED, topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN).status());
        topology.couponEvents();
        return coupon;
    }

    private void advanceWallClockTime(Duration advance) {
        topology.advanceWallClockTime(advance);
        clock = clock.plus(advance);
    }

    private WalletCoupon walletCoupon(long userId, String couponId) {
        return topology.wallet(userId).find(couponId).orElseThrow();
    }

    /** The answer a repeat of the step answered {@code r} gets: the same, under its own request id, moving nothing. */
    private static RedemptionResult repeatOf(RedemptionResult r, String requestId) {
        return new RedemptionResult(requestId, r.userId(), r.orderId(), r.couponId(), r.status(), r.discountAmount(),
                r.payAmount(), r.lockedUntil(), r.couponIds(), r.coupons(), false);
    }

    /** The answer as a single-coupon Try sees it, without the multi-coupon fields. */
    private static RedemptionResult singleCouponView(RedemptionResult r) {
        return new RedemptionResult(r.requestId(), r.userId(), r.orderId(), r.couponId(), r.status(),
                r.discountAmount(), r.payAmount(), r.lockedUntil());
    }

    private static List<CouponEvent> values(List<KeyValue<Long, CouponEvent>> events) {
        return events.stream().map(e -> e.value).toList();
    }

    private static List<String> eventTypes(List<KeyValue<Long, CouponEvent>> events) {
        return values(events).stream().map(CouponEvent::eventType).toList();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
