package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.message.CouponEvent;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SaleLedgerTest {

    private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

    private SaleLedger ledger;

    @BeforeEach
    void aTemplateOfTwoOnePerUser() {
        ledger = new SaleLedger();
        ledger.template(new Template(7, "two", CouponType.CASH, new BigDecimal("5.00"), null, null, 2, 1,
                AT.minusSeconds(60), AT.plusSeconds(3600), 7));
    }

    private void grant(String requestId, long user, String couponId) {
        ledger.outcome(new ClaimOutcome(requestId, 7, user, ClaimStatus.GRANTED, couponId, AT, AT, null));
        ledger.event(new CouponEvent("GRANTED", couponId, user, 7, CouponStatus.UNUSED, 1, AT, AT, null));
    }

    private void reject(String requestId, long user, ClaimStatus status) {
        ledger.outcome(new ClaimOutcome(requestId, 7, user, status, null, null, AT, null));
    }

    @Test
    void aSaleThatKeptEveryPromiseHasNoViolation() {
        grant("a", 1, "7-1");
        grant("b", 2, "7-2");
        reject("c", 3, ClaimStatus.SOLD_OUT);
        reject("d", 1, ClaimStatus.LIMIT_EXCEEDED);
        ledger.outcome(new ClaimOutcome("a", 7, 1, ClaimStatus.GRANTED, "7-1", AT, AT, null, true));

        assertEquals(List.of(), ledger.violations());
        assertEquals(2, ledger.granted());
    }

    @Test
    void aGrantAwaitsItsEventUntilTheEventIsRead() {
        ledger.outcome(new ClaimOutcome("a", 7, 1, ClaimStatus.GRANTED, "7-1", AT, AT, null));

        assertEquals(1, ledger.grantsAwaitingTheirEvent());
        ledger.event(new CouponEvent("GRANTED", "7-1", 1, 7, CouponStatus.UNUSED, 1, AT, AT, null));
        assertEquals(0, ledger.grantsAwaitingTheirEvent());
    }

    @Test
    void moreGrantsThanTheStockIsAnOversell() {
        grant("a", 1, "7-1");
        grant("b", 2, "7-2");
        grant("c", 3, "7-3");

        assertTrue(ledger.violations().contains("template 7 oversold: 3 granted of 2"), ledger.violations()::toString);
    }

    @Test
    void twoCouponsForOneUserIsOverTheLimit() {
        grant("a", 1, "7-1");
        grant("b", 1, "7-2");

        assertTrue(ledger.violations().contains("user 1 holds 2 coupons of template 7, limit 1"),
                ledger.violations()::toString);
    }

    @Test
    void oneCouponIdGrantedToTwoRequestsIsADuplicate() {
        grant("a", 1, "7-1");
        ledger.outcome(new ClaimOutcome("b", 7, 2, ClaimStatus.GRANTED, "7-1", AT, AT, null));

        assertTrue(ledger.violations().get(0).startsWith("coupon 7-1 granted twice"), ledger.violations()::toString);
    }

    @Test
    void aGrantWithoutItsEventIsAWriteLost() {
        ledger.outcome(new ClaimOutcome("a", 7, 1, ClaimStatus.GRANTED, "7-1", AT, AT, null));

        assertEquals(List.of("coupon 7-1 was granted (request a) but has no GRANTED event"), ledger.violations());
    }

    @Test
    void aRetryAnsweredWithACouponItsFirstAnswerDidNotGrantIsCaught() {
        grant("a", 1, "7-1");
        ledger.outcome(new ClaimOutcome("z", 7, 1, ClaimStatus.GRANTED, "7-1", AT, AT, null, true));

        assertEquals(1, ledger.violations().size(), ledger.violations()::toString);
    }

    @Test
    void anEventVersionWrittenTwiceIsAChangeAppliedTwice() {
        grant("a", 1, "7-1");
        ledger.event(new CouponEvent("GRANTED", "7-1", 1, 7, CouponStatus.UNUSED, 1, AT, AT, null));

        assertEquals(List.of("coupon 7-1: version 1 written twice (GRANTED)"), ledger.violations());
    }

    @Test
    void aCouponUsedTwiceWithoutARefundIsCaught() {
        grant("a", 1, "7-1");
        ledger.event(new CouponEvent("USED", "7-1", 1, 7, CouponStatus.USED, 3, AT, AT, "o-1"));
        ledger.event(new CouponEvent("USED", "7-1", 1, 7, CouponStatus.USED, 5, AT, AT, "o-2"));

        assertEquals(List.of("coupon 7-1 used twice without a refund in between"), ledger.violations());
    }

    @Test
    void aCouponUsedAgainAfterItsRefundIsFine() {
        grant("a", 1, "7-1");
        ledger.event(new CouponEvent("USED", "7-1", 1, 7, CouponStatus.USED, 3, AT, AT, "o-1"));
        ledger.event(new CouponEvent("REFUNDED", "7-1", 1, 7, CouponStatus.UNUSED, 4, AT, AT, "o-1"));
        ledger.event(new CouponEvent("USED", "7-1", 1, 7, CouponStatus.USED, 6, AT, AT, "o-2"));

        assertEquals(List.of(), ledger.violations());
    }
}
