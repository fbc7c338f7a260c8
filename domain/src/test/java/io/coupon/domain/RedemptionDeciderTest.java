package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Try / Confirm / Cancel and the two timers, as pure functions of the wallet, the order and the instant. */
class RedemptionDeciderTest {

    private static final long USER = 1001;
    private static final Instant ACQUIRED = Instant.parse("2026-11-11T01:00:00Z");
    private static final Instant EXPIRES = ACQUIRED.plus(Duration.ofDays(7));
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(15);
    /** When the first Try is made. */
    private static final Instant AT = ACQUIRED.plus(Duration.ofHours(1));
    private static final Instant UNTIL = AT.plus(LOCK_TIMEOUT);
    /** A moment while the first Try's lock holds. */
    private static final Instant LATER = AT.plus(Duration.ofMinutes(5));

    // --- Try

    @Test
    void tryLocksTheCouponForTheOrderUntilTheLockTimeout() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", AT);

        assertEquals(RedemptionStatus.LOCKED, decision.status());
        WalletCoupon coupon = decision.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.LOCKED, coupon.status());
        assertEquals("O-1", coupon.orderId());
        assertEquals(UNTIL, coupon.lockedUntil());
        assertEquals(2, coupon.version());
    }

    @Test
    void tryCreatesALockedOrderWithTheAmounts() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", AT);

        assertEquals(new Order("O-1", USER, "42-1", money("250.00"), money("20.00"), money("230.00"),
                OrderStatus.LOCKED, UNTIL, List.of(new CouponDiscount("42-1", money("20.00")))), decision.order());
    }

    @Test
    void tryListsOneLockedChange() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", AT);

        assertEquals(List.of(new CouponChange(CouponChange.LOCKED, decision.wallet().find("42-1").orElseThrow())),
                decision.changes());
    }

    @Test
    void tryComputesTheAmountsOfADiscountCoupon() {
        WalletCoupon percentOff = coupon("7-1", CouponType.DISCOUNT, "0.85", null, "30.00");

        RedemptionDecision decision = tryLock(wallet(percentOff), null, "O-1", "7-1", "10.10", AT);

        assertEquals(money("1.51"), decision.order().discountAmount());
        assertEquals(money("8.59"), decision.order().payAmount());
    }

    @Test
    void tryKeepsTheOrderAmountInCents() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250", AT);

        assertEquals(money("250.00"), decision.order().orderAmount());
    }

    @Test
    void tryLeavesTheOtherCouponsOfTheWalletAlone() {
        Wallet wallet = wallet(unused("42-1"), unused("43-1"));

        RedemptionDecision decision = tryLock(wallet, null, "O-1", "42-1", "250.00", AT);

        assertEquals(unused("43-1"), decision.wallet().find("43-1").orElseThrow());
    }

    @Test
    void repeatedTryOfTheSameOrderAndCouponAnswersTheSameAndChangesNothing() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision again = tryLock(first.wallet(), first.order(), "O-1", "42-1", "250.00", LATER);

        assertEquals(RedemptionStatus.LOCKED, again.status());
        assertEquals(first.order(), again.order());
        assertEquals(first.wallet(), again.wallet());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void repeatedTryWithAnotherAmountKeepsTheFirstAnswer() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision again = tryLock(first.wallet(), first.order(), "O-1", "42-1", "999.00", LATER);

        assertEquals(first.order(), again.order());
    }

    @Test
    void tryOfAnotherOrderOnALockedCouponIsLockedByAnotherOrder() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision other = tryLock(first.wallet(), null, "O-2", "42-1", "250.00", LATER);

        assertEquals(RedemptionStatus.LOCKED_BY_ANOTHER_ORDER, other.status());
        assertNull(other.order());
        assertEquals(first.wallet(), other.wallet());
        assertEquals(List.of(), other.changes());
    }

    @Test
    void tryOfACouponTheUserDoesNotHoldIsCouponNotFound() {
        // 42-2 exists, but in someone else's wallet: this user's wallet is all the decider sees
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-2", "250.00", AT);

        assertEquals(RedemptionStatus.COUPON_NOT_FOUND, decision.status());
        assertNull(decision.order());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void tryWithAnEmptyWalletIsCouponNotFound() {
        RedemptionDecision decision = tryLock(Wallet.empty(), null, "O-1", "42-1", "250.00", AT);

        assertEquals(RedemptionStatus.COUPON_NOT_FOUND, decision.status());
        assertNull(decision.order());
    }

    @Test
    void tryOfAUsedCouponIsAlreadyUsed() {
        WalletCoupon used = unused("42-1").lock("O-0", AT).use(AT.minusSeconds(60));

        RedemptionDecision decision = tryLock(wallet(used), null, "O-1", "42-1", "250.00", AT);

        assertEquals(RedemptionStatus.ALREADY_USED, decision.status());
        assertNull(decision.order());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void tryOfAnExpiredCouponIsExpired() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1").expire()), null, "O-1", "42-1", "250.00", AT);

        assertEquals(RedemptionStatus.EXPIRED, decision.status());
        assertNull(decision.order());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void tryFromExpiresAtOnIsExpiredBeforeTheTimerMarkedTheCoupon() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", EXPIRES);

        assertEquals(RedemptionStatus.EXPIRED, decision.status());
        assertNull(decision.order());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void tryJustBeforeExpiresAtLocks() {
        RedemptionDecision decision =
                tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", EXPIRES.minusMillis(1));

        assertEquals(RedemptionStatus.LOCKED, decision.status());
    }

    @Test
    void tryOneCentBelowTheThresholdIsBelowThresholdAndCreatesNoOrder() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "199.99", AT);

        assertEquals(RedemptionStatus.BELOW_THRESHOLD, decision.status());
        assertNull(decision.order());
        assertEquals(wallet(unused("42-1")), decision.wallet());
        assertEquals(List.of(), decision.changes());
    }

    @Test
    void tryAtExactlyTheThresholdLocks() {
        RedemptionDecision decision = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "200.00", AT);

        assertEquals(RedemptionStatus.LOCKED, decision.status());
        assertEquals(money("180.00"), decision.order().payAmount());
    }

    @Test
    void tryBeforeTheCouponWasAcquiredIsNotYetValid() {
        RedemptionDecision decision =
                tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", ACQUIRED.minusMillis(1));

        assertEquals(RedemptionStatus.NOT_YET_VALID, decision.status());
        assertNull(decision.order());
    }

    @Test
    void tryOfAnOrderThatHoldsAnotherCouponIsOrderConflict() {
        RedemptionDecision first = tryLock(wallet(unused("42-1"), unused("43-1")), null, "O-1", "42-1", "250.00", AT);

        RedemptionDecision other = tryLock(first.wallet(), first.order(), "O-1", "43-1", "250.00", LATER);

        assertEquals(RedemptionStatus.ORDER_CONFLICT, other.status());
        assertEquals(first.wallet(), other.wallet());
        assertEquals(List.of(), other.changes());
    }

    @Test
    void tryOfAConfirmedOrderAgainIsAlreadyUsed() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision again = tryLock(confirmed.wallet(), confirmed.order(), "O-1", "42-1", "250.00", LATER);

        assertEquals(RedemptionStatus.ALREADY_USED, again.status());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void tryOfAnotherOrderAfterALapsedLockTakesTheCoupon() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision other = tryLock(first.wallet(), null, "O-2", "42-1", "250.00", UNTIL);

        assertEquals(RedemptionStatus.LOCKED, other.status());
        WalletCoupon coupon = other.wallet().find("42-1").orElseThrow();
        assertEquals("O-2", coupon.orderId());
        assertEquals(UNTIL.plus(LOCK_TIMEOUT), coupon.lockedUntil());
        assertEquals("O-2", other.order().orderId());
    }

    @Test
    void tryOfAnotherOrderAfterALapsedLockListsTheTimeoutThenTheLock() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision other = tryLock(first.wallet(), null, "O-2", "42-1", "250.00", UNTIL);

        WalletCoupon released = first.wallet().find("42-1").orElseThrow().unlock();
        assertEquals(List.of(new CouponChange(CouponChange.LOCK_TIMED_OUT, released),
                new CouponChange(CouponChange.LOCKED, released.lock("O-2", UNTIL.plus(LOCK_TIMEOUT)))),
                other.changes());
        assertEquals(List.of(3L, 4L), other.changes().stream().map(c -> c.coupon().version()).toList());
    }

    @Test
    void orderWhoseLapsedLockWasTakenOverIsCancelledOnConfirm() {
        RedemptionDecision first = lockedByO1();
        RedemptionDecision takenOver = tryLock(first.wallet(), null, "O-2", "42-1", "250.00", UNTIL);

        RedemptionDecision confirm = RedemptionDecider.confirm(takenOver.wallet(), first.order(), UNTIL.plusSeconds(1));

        assertEquals(RedemptionStatus.CANCELLED, confirm.status());
        assertEquals(OrderStatus.CANCELLED, confirm.order().status());
        assertEquals(takenOver.wallet(), confirm.wallet());
        assertEquals(List.of(), confirm.changes());
    }

    @Test
    void repeatedTryOfSameOrderAfterItsLockLapsedLocksAgain() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision again = tryLock(first.wallet(), first.order(), "O-1", "42-1", "250.00", UNTIL);

        assertEquals(RedemptionStatus.LOCKED, again.status());
        assertEquals(UNTIL.plus(LOCK_TIMEOUT), again.order().lockedUntil());
        assertEquals(List.of(CouponChange.LOCK_TIMED_OUT, CouponChange.LOCKED), eventTypes(again));
    }

    @Test
    void repeatedTryAfterTheCouponExpiredIsExpired() {
        Instant nearExpiry = EXPIRES.minus(Duration.ofMinutes(5));
        RedemptionDecision first = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", nearExpiry);

        RedemptionDecision again = tryLock(first.wallet(), first.order(), "O-1", "42-1", "250.00", EXPIRES);

        assertEquals(RedemptionStatus.EXPIRED, again.status());
    }

    // --- Confirm

    @Test
    void confirmUsesTheLockedCoupon() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), LATER);

        assertEquals(RedemptionStatus.USED, confirm.status());
        WalletCoupon coupon = confirm.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.USED, coupon.status());
        assertEquals("O-1", coupon.orderId());
        assertEquals(LATER, coupon.usedAt());
        assertNull(coupon.lockedUntil());
        assertEquals(3, coupon.version());
    }

    @Test
    void confirmMarksTheOrderUsedKeepingItsAmounts() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), LATER);

        assertEquals(first.order().withStatus(OrderStatus.USED), confirm.order());
    }

    @Test
    void confirmListsOneUsedChange() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), LATER);

        assertEquals(List.of(new CouponChange(CouponChange.USED, confirm.wallet().find("42-1").orElseThrow())),
                confirm.changes());
    }

    @Test
    void repeatedConfirmAnswersUsedAndChangesNothing() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision again = RedemptionDecider.confirm(confirmed.wallet(), confirmed.order(), LATER.plusSeconds(1));

        assertEquals(RedemptionStatus.USED, again.status());
        assertEquals(confirmed.order(), again.order());
        assertEquals(confirmed.wallet(), again.wallet());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void confirmMovesTheLockedOrder() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), LATER);

        assertTrue(confirm.movedOrder(first.order()));
    }

    @Test
    void repeatedConfirmMovesNoOrder() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision again = RedemptionDecider.confirm(confirmed.wallet(), confirmed.order(),
                LATER.plusSeconds(1));

        assertFalse(again.movedOrder(confirmed.order()));
    }

    @Test
    void tryRejectedForAnUnknownCouponMovesNoOrder() {
        RedemptionDecision rejected = tryLock(wallet(unused("42-1")), null, "O-1", "42-9", "250.00", AT);

        assertFalse(rejected.movedOrder(null));
    }

    @Test
    void confirmOfAnUnknownOrderIsOrderNotFound() {
        RedemptionDecision confirm = RedemptionDecider.confirm(wallet(unused("42-1")), null, AT);

        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, confirm.status());
        assertNull(confirm.order());
        assertEquals(List.of(), confirm.changes());
    }

    @Test
    void confirmAfterCancelAnswersCancelledAndChangesNothing() {
        RedemptionDecision cancelled = cancelledO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(cancelled.wallet(), cancelled.order(),
                LATER.plusSeconds(1));

        assertEquals(RedemptionStatus.CANCELLED, confirm.status());
        assertEquals(OrderStatus.CANCELLED, confirm.order().status());
        assertEquals(cancelled.wallet(), confirm.wallet());
        assertEquals(List.of(), confirm.changes());
    }

    @Test
    void confirmJustBeforeLockedUntilUses() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), UNTIL.minusMillis(1));

        assertEquals(RedemptionStatus.USED, confirm.status());
    }

    @Test
    void confirmFromLockedUntilOnIsCancelledAsTimedOut() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), UNTIL);

        assertEquals(RedemptionStatus.CANCELLED, confirm.status());
        assertEquals(OrderStatus.CANCELLED, confirm.order().status());
    }

    @Test
    void confirmFromLockedUntilOnReleasesTheCoupon() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), UNTIL.plusSeconds(60));

        WalletCoupon coupon = confirm.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.UNUSED, coupon.status());
        assertNull(coupon.orderId());
        assertEquals(List.of(new CouponChange(CouponChange.LOCK_TIMED_OUT, coupon)), confirm.changes());
    }

    @Test
    void confirmAfterTheCouponExpiredCancelsTheOrderAndExpiresTheCoupon() {
        Instant nearExpiry = EXPIRES.minus(Duration.ofMinutes(5));
        RedemptionDecision first = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", nearExpiry);

        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), EXPIRES);

        assertEquals(RedemptionStatus.CANCELLED, confirm.status());
        assertEquals(OrderStatus.CANCELLED, confirm.order().status());
        assertEquals(CouponStatus.EXPIRED, confirm.wallet().find("42-1").orElseThrow().status());
        assertEquals(List.of(CouponChange.EXPIRED), eventTypes(confirm));
    }

    // --- Cancel

    @Test
    void cancelReleasesTheCoupon() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision cancel = RedemptionDecider.cancel(first.wallet(), first.order(), LATER);

        assertEquals(RedemptionStatus.CANCELLED, cancel.status());
        WalletCoupon coupon = cancel.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.UNUSED, coupon.status());
        assertNull(coupon.orderId());
        assertNull(coupon.lockedUntil());
        assertEquals(3, coupon.version());
    }

    @Test
    void cancelMarksTheOrderCancelled() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision cancel = RedemptionDecider.cancel(first.wallet(), first.order(), LATER);

        assertEquals(first.order().withStatus(OrderStatus.CANCELLED), cancel.order());
    }

    @Test
    void cancelListsOneCancelledChange() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision cancel = RedemptionDecider.cancel(first.wallet(), first.order(), LATER);

        assertEquals(List.of(new CouponChange(CouponChange.CANCELLED, cancel.wallet().find("42-1").orElseThrow())),
                cancel.changes());
    }

    @Test
    void repeatedCancelAnswersCancelledAndChangesNothing() {
        RedemptionDecision cancelled = cancelledO1();

        RedemptionDecision again = RedemptionDecider.cancel(cancelled.wallet(), cancelled.order(), LATER.plusSeconds(1));

        assertEquals(RedemptionStatus.CANCELLED, again.status());
        assertEquals(cancelled.order(), again.order());
        assertEquals(cancelled.wallet(), again.wallet());
        assertEquals(List.of(), again.changes());
    }

    @Test
    void cancelAfterConfirmAnswersUsedAndChangesNothing() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision cancel = RedemptionDecider.cancel(confirmed.wallet(), confirmed.order(), LATER.plusSeconds(1));

        assertEquals(RedemptionStatus.USED, cancel.status());
        assertEquals(OrderStatus.USED, cancel.order().status());
        assertEquals(confirmed.wallet(), cancel.wallet());
        assertEquals(List.of(), cancel.changes());
    }

    @Test
    void cancelOfAnUnknownOrderIsOrderNotFound() {
        RedemptionDecision cancel = RedemptionDecider.cancel(wallet(unused("42-1")), null, AT);

        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, cancel.status());
        assertNull(cancel.order());
        assertEquals(List.of(), cancel.changes());
    }

    @Test
    void cancelFromLockedUntilOnIsATimeout() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision cancel = RedemptionDecider.cancel(first.wallet(), first.order(), UNTIL);

        assertEquals(RedemptionStatus.CANCELLED, cancel.status());
        assertEquals(List.of(CouponChange.LOCK_TIMED_OUT), eventTypes(cancel));
    }

    @Test
    void cancelledCouponCanBeLockedByAnotherOrder() {
        RedemptionDecision cancelled = cancelledO1();

        RedemptionDecision other = tryLock(cancelled.wallet(), null, "O-2", "42-1", "250.00", LATER.plusSeconds(1));

        assertEquals(RedemptionStatus.LOCKED, other.status());
        assertEquals(4, other.wallet().find("42-1").orElseThrow().version());
    }

    // --- lock timer

    @Test
    void lockTimeoutCancelsTheLapsedOrderAndReleasesTheCoupon() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision timeout = RedemptionDecider.lockTimeout(first.wallet(), first.order(), UNTIL);

        assertEquals(RedemptionStatus.CANCELLED, timeout.status());
        assertEquals(OrderStatus.CANCELLED, timeout.order().status());
        WalletCoupon coupon = timeout.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.UNUSED, coupon.status());
        assertNull(coupon.orderId());
        assertEquals(List.of(new CouponChange(CouponChange.LOCK_TIMED_OUT, coupon)), timeout.changes());
    }

    @Test
    void lockTimeoutBeforeLockedUntilChangesNothing() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision timeout = RedemptionDecider.lockTimeout(first.wallet(), first.order(), UNTIL.minusMillis(1));

        assertEquals(first.order(), timeout.order());
        assertEquals(first.wallet(), timeout.wallet());
        assertEquals(List.of(), timeout.changes());
    }

    @Test
    void lockTimeoutOfAConfirmedOrderChangesNothing() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision timeout = RedemptionDecider.lockTimeout(confirmed.wallet(), confirmed.order(), UNTIL);

        assertEquals(RedemptionStatus.USED, timeout.status());
        assertEquals(confirmed.order(), timeout.order());
        assertEquals(List.of(), timeout.changes());
    }

    @Test
    void lockTimeoutOfACancelledOrderChangesNothing() {
        RedemptionDecision cancelled = cancelledO1();

        RedemptionDecision timeout = RedemptionDecider.lockTimeout(cancelled.wallet(), cancelled.order(), UNTIL);

        assertEquals(RedemptionStatus.CANCELLED, timeout.status());
        assertEquals(cancelled.wallet(), timeout.wallet());
        assertEquals(List.of(), timeout.changes());
    }

    @Test
    void lockTimeoutOfAnOrderThatNoLongerExistsIsOrderNotFound() {
        RedemptionDecision timeout = RedemptionDecider.lockTimeout(wallet(unused("42-1")), null, UNTIL);

        assertEquals(RedemptionStatus.ORDER_NOT_FOUND, timeout.status());
        assertEquals(List.of(), timeout.changes());
    }

    @Test
    void lockTimeoutAfterTheCouponExpiredExpiresIt() {
        Instant nearExpiry = EXPIRES.minus(Duration.ofMinutes(5));
        RedemptionDecision first = tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", nearExpiry);

        RedemptionDecision timeout = RedemptionDecider.lockTimeout(first.wallet(), first.order(),
                first.order().lockedUntil());

        assertEquals(OrderStatus.CANCELLED, timeout.order().status());
        assertEquals(CouponStatus.EXPIRED, timeout.wallet().find("42-1").orElseThrow().status());
        assertEquals(List.of(CouponChange.EXPIRED), eventTypes(timeout));
    }

    // --- expiry timer

    @Test
    void expireMarksAnUnusedCouponExpiredFromExpiresAtOn() {
        RedemptionDecision expire = RedemptionDecider.expire(wallet(unused("42-1")), "42-1", EXPIRES);

        WalletCoupon coupon = expire.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.EXPIRED, coupon.status());
        assertEquals(2, coupon.version());
        assertEquals(List.of(new CouponChange(CouponChange.EXPIRED, coupon)), expire.changes());
    }

    @Test
    void expireMarksALockedCouponExpiredAndDropsItsOrder() {
        RedemptionDecision first = lockedByO1();

        RedemptionDecision expire = RedemptionDecider.expire(first.wallet(), "42-1", EXPIRES);

        WalletCoupon coupon = expire.wallet().find("42-1").orElseThrow();
        assertEquals(CouponStatus.EXPIRED, coupon.status());
        assertNull(coupon.orderId());
        assertEquals(3, coupon.version());
        assertEquals(List.of(CouponChange.EXPIRED), eventTypes(expire));
    }

    @Test
    void expireBeforeExpiresAtChangesNothing() {
        RedemptionDecision expire =
                RedemptionDecider.expire(wallet(unused("42-1")), "42-1", EXPIRES.minusMillis(1));

        assertEquals(wallet(unused("42-1")), expire.wallet());
        assertEquals(List.of(), expire.changes());
    }

    @Test
    void expireOfAUsedCouponChangesNothing() {
        RedemptionDecision confirmed = confirmedO1();

        RedemptionDecision expire = RedemptionDecider.expire(confirmed.wallet(), "42-1", EXPIRES);

        assertEquals(confirmed.wallet(), expire.wallet());
        assertEquals(List.of(), expire.changes());
    }

    @Test
    void expireOfAnAlreadyExpiredCouponChangesNothing() {
        Wallet expired = wallet(unused("42-1").expire());

        RedemptionDecision expire = RedemptionDecider.expire(expired, "42-1", EXPIRES);

        assertEquals(expired, expire.wallet());
        assertEquals(List.of(), expire.changes());
    }

    @Test
    void expireOfACouponNotInTheWalletChangesNothing() {
        RedemptionDecision expire = RedemptionDecider.expire(wallet(unused("42-1")), "42-9", EXPIRES);

        assertEquals(wallet(unused("42-1")), expire.wallet());
        assertEquals(List.of(), expire.changes());
    }

    @Test
    void expireTouchesOnlyTheNamedCoupon() {
        RedemptionDecision expire = RedemptionDecider.expire(wallet(unused("42-1"), unused("43-1")), "42-1", EXPIRES);

        assertEquals(unused("43-1"), expire.wallet().find("43-1").orElseThrow());
    }

    // --- the whole story of one coupon

    @Test
    void eachStepOfACouponsLifeListsItsEventWithTheNextVersion() {
        Wallet wallet = wallet(unused("42-1"));
        RedemptionDecision lock1 = tryLock(wallet, null, "O-1", "42-1", "250.00", AT);
        RedemptionDecision cancel1 = RedemptionDecider.cancel(lock1.wallet(), lock1.order(), AT.plusSeconds(60));
        RedemptionDecision lock2 = tryLock(cancel1.wallet(), null, "O-2", "42-1", "250.00", AT.plusSeconds(120));
        RedemptionDecision timeout2 = RedemptionDecider.lockTimeout(lock2.wallet(), lock2.order(),
                lock2.order().lockedUntil());
        RedemptionDecision lock3 = tryLock(timeout2.wallet(), null, "O-3", "42-1", "250.00",
                lock2.order().lockedUntil().plusSeconds(1));
        RedemptionDecision confirm3 = RedemptionDecider.confirm(lock3.wallet(), lock3.order(),
                lock2.order().lockedUntil().plusSeconds(2));

        List<CouponChange> changes = List.of(lock1, cancel1, lock2, timeout2, lock3, confirm3).stream()
                .flatMap(d -> d.changes().stream()).toList();
        assertEquals(List.of(CouponChange.LOCKED, CouponChange.CANCELLED, CouponChange.LOCKED,
                CouponChange.LOCK_TIMED_OUT, CouponChange.LOCKED, CouponChange.USED),
                changes.stream().map(CouponChange::eventType).toList());
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), changes.stream().map(c -> c.coupon().version()).toList());
    }

    @Test
    void eachChangeCarriesTheCouponAsItIsInTheResultingWallet() {
        RedemptionDecision first = lockedByO1();
        RedemptionDecision confirm = RedemptionDecider.confirm(first.wallet(), first.order(), LATER);

        for (RedemptionDecision decision : List.of(first, confirm)) {
            CouponChange last = decision.changes().get(decision.changes().size() - 1);
            assertEquals(decision.wallet().find("42-1").orElseThrow(), last.coupon());
        }
    }

    // --- helpers

    private static RedemptionDecision lockedByO1() {
        return tryLock(wallet(unused("42-1")), null, "O-1", "42-1", "250.00", AT);
    }

    private static RedemptionDecision confirmedO1() {
        RedemptionDecision first = lockedByO1();
        return RedemptionDecider.confirm(first.wallet(), first.order(), LATER);
    }

    private static RedemptionDecision cancelledO1() {
        RedemptionDecision first = lockedByO1();
        return RedemptionDecider.cancel(first.wallet(), first.order(), LATER);
    }

    private static RedemptionDecision tryLock(Wallet wallet, Order existing, String orderId, String couponId,
                                              String amount, Instant at) {
        return RedemptionDecider.tryLock(wallet, existing,
                new RedemptionRequest(orderId, USER, couponId, money(amount), at), LOCK_TIMEOUT);
    }

    private static Wallet wallet(WalletCoupon... coupons) {
        return new Wallet(List.of(coupons));
    }

    /** A THRESHOLD coupon, 20 off 200. */
    private static WalletCoupon unused(String couponId) {
        return coupon(couponId, CouponType.THRESHOLD, "20.00", "200.00", null);
    }

    private static WalletCoupon coupon(String couponId, CouponType type, String discount, String threshold,
                                       String maxDiscount) {
        long templateId = Long.parseLong(couponId.substring(0, couponId.indexOf('-')));
        return new WalletCoupon(couponId, templateId, type, money(discount),
                threshold == null ? null : money(threshold), maxDiscount == null ? null : money(maxDiscount),
                CouponStatus.UNUSED, ACQUIRED, EXPIRES, null, null, null, 1);
    }

    private static List<String> eventTypes(RedemptionDecision decision) {
        return decision.changes().stream().map(CouponChange::eventType).toList();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
