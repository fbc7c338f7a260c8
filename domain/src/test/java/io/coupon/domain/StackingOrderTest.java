package io.coupon.domain;

import static io.coupon.domain.Coupons.amount;
import static io.coupon.domain.Coupons.cart;
import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.categories;
import static io.coupon.domain.Coupons.item;
import static io.coupon.domain.Coupons.money;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.scoped;
import static io.coupon.domain.Coupons.stackable;
import static io.coupon.domain.Coupons.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackingOrderTest {

    @Test
    void fixedAmountsApplyLargestFirstThenDiscountsSmallestFactorFirst() {
        WalletCoupon tenOff = stackable(cash("1-1", "10.00"), "a");
        WalletCoupon thirtyOff = stackable(threshold("2-1", "30.00", "100.00"), "b");
        WalletCoupon ninety = stackable(percent("3-1", "0.90", null), "c");
        WalletCoupon eighty = stackable(percent("4-1", "0.80", null), "d");

        CartQuote quote = StackedDiscounts.apply(amount("200.00"), List.of(ninety, tenOff, eighty, thirtyOff));

        assertEquals(List.of("2-1", "1-1", "4-1", "3-1"), quote.couponIds());
        // 200 − 30 = 170; − 10 = 160; × 0.80 → 128 (32 off); × 0.90 → 115.20 (12.80 off)
        assertEquals(List.of(money("30.00"), money("10.00"), money("32.00"), money("12.80")),
                quote.coupons().stream().map(CouponDiscount::discountAmount).toList());
        assertEquals(money("84.80"), quote.discountAmount());
        assertEquals(money("115.20"), quote.payAmount());
    }

    @Test
    void thresholdsAreJudgedBeforeAnyDiscount() {
        // 20 off 200 still applies after a 10 off took the order below 200
        WalletCoupon tenOff = stackable(cash("1-1", "10.00"), "a");
        WalletCoupon twentyOff200 = stackable(threshold("2-1", "20.00", "200.00"), "b");
        assertEquals(null, CouponCheck.applicability(twentyOff200.terms(), amount("200.00")));

        CartQuote quote = StackedDiscounts.apply(amount("200.00"), List.of(tenOff, twentyOff200));

        assertEquals(money("30.00"), quote.discountAmount());
    }

    @Test
    void eachCouponTakesAtMostWhatIsLeftSoTheTotalNeverExceedsTheOrder() {
        WalletCoupon big = stackable(cash("1-1", "80.00"), "a");
        WalletCoupon bigger = stackable(cash("2-1", "90.00"), "b");
        WalletCoupon percentOff = stackable(percent("3-1", "0.50", null), "c");

        CartQuote quote = StackedDiscounts.apply(amount("100.00"), List.of(big, bigger, percentOff));

        assertEquals(List.of(money("90.00"), money("10.00"), money("0.00")),
                quote.coupons().stream().map(CouponDiscount::discountAmount).toList());
        assertEquals(money("100.00"), quote.discountAmount());
        assertEquals(money("0.00"), quote.payAmount());
    }

    @Test
    void aCapLimitsADiscountOnWhatIsLeft() {
        WalletCoupon capped = stackable(percent("1-1", "0.50", "15.00"), "a");
        WalletCoupon tenOff = stackable(cash("2-1", "10.00"), "b");

        CartQuote quote = StackedDiscounts.apply(amount("100.00"), List.of(capped, tenOff));

        assertEquals(money("25.00"), quote.discountAmount());
    }

    @Test
    void scopedCouponsOnDisjointLinesDoNotReduceEachOther() {
        Cart cart = cart(item("A", "shoes", "100.00", 1), item("B", "hats", "50.00", 1));
        WalletCoupon shoes = stackable(scoped(cash("1-1", "30.00"), categories("shoes")), "a");
        WalletCoupon hats = stackable(scoped(percent("2-1", "0.80", null), categories("hats")), "b");

        CartQuote quote = StackedDiscounts.apply(cart, List.of(shoes, hats));

        assertEquals(money("40.00"), quote.discountAmount(), "30 off the shoes, 20% of the 50.00 hats");
    }

    @Test
    void aLaterCouponOnTheSameLinesWorksOnWhatTheEarlierLeft() {
        Cart cart = cart(item("A", "shoes", "100.00", 1), item("B", "hats", "50.00", 1));
        WalletCoupon shoes = stackable(scoped(cash("1-1", "30.00"), categories("shoes")), "a");
        WalletCoupon shoesPercent = stackable(scoped(percent("2-1", "0.50", null), categories("shoes")), "b");

        CartQuote quote = StackedDiscounts.apply(cart, List.of(shoes, shoesPercent));

        assertEquals(money("65.00"), quote.discountAmount(), "30 off 100, then half of the 70 left");
    }

    @Test
    void exclusiveCouponsAreUsedAlone() {
        WalletCoupon exclusive = cash("1-1", "10.00");
        WalletCoupon other = stackable(cash("2-1", "5.00"), "a");

        assertTrue(StackedDiscounts.combinable(List.of(exclusive)));
        assertFalse(StackedDiscounts.combinable(List.of(exclusive, other)));
    }

    @Test
    void atMostOneCouponOfAStackGroup() {
        WalletCoupon a1 = stackable(cash("1-1", "10.00"), "a");
        WalletCoupon a2 = stackable(cash("2-1", "5.00"), "a");
        WalletCoupon b = stackable(cash("3-1", "5.00"), "b");

        assertFalse(StackedDiscounts.combinable(List.of(a1, a2)));
        assertTrue(StackedDiscounts.combinable(List.of(a1, b)));
    }
}
