package io.coupon.domain;

import static io.coupon.domain.Coupons.AT;
import static io.coupon.domain.Coupons.amount;
import static io.coupon.domain.Coupons.cart;
import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.categories;
import static io.coupon.domain.Coupons.item;
import static io.coupon.domain.Coupons.money;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.scoped;
import static io.coupon.domain.Coupons.skus;
import static io.coupon.domain.Coupons.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeMathsTest {

    private final Cart cart = cart(
            item("SKU-1", "shoes", "120.00", 2),   // 240.00
            item("SKU-2", "socks", "9.99", 3),     //  29.97
            item("SKU-3", "hats", "35.50", 1));    //  35.50

    @Test
    void totalIsTheSumOfLinesOfUnitPriceTimesQuantity() {
        assertEquals(money("305.47"), cart.total());
    }

    @Test
    void anItemIsInScopeWhenItsSkuOrItsCategoryIsListed() {
        Scope scope = new Scope(List.of("SKU-3"), List.of("socks"));

        assertEquals(money("65.47"), cart.subtotal(scope).orElseThrow());
    }

    @Test
    void noScopeMeansTheWholeOrder() {
        assertEquals(money("305.47"), cart.subtotal(null).orElseThrow());
    }

    @Test
    void aScopeCoveringNoLineIsNotApplicable() {
        WalletCoupon coupon = scoped(cash("1-1", "5.00"), categories("books"));

        assertEquals(RedemptionStatus.NOT_APPLICABLE, CouponCheck.reason(coupon, cart, AT));
    }

    @Test
    void aScopedCouponIsNotApplicableToAPlainAmount() {
        WalletCoupon coupon = scoped(cash("1-1", "5.00"), categories("shoes"));

        assertEquals(RedemptionStatus.NOT_APPLICABLE, CouponCheck.reason(coupon, amount("500.00"), AT));
        assertNull(CouponCheck.reason(cash("2-1", "5.00"), amount("500.00"), AT));
    }

    @Test
    void thresholdIsJudgedOnTheInScopeSubtotal() {
        WalletCoupon shoes = scoped(threshold("1-1", "20.00", "250.00"), categories("shoes"));
        WalletCoupon all = threshold("2-1", "20.00", "250.00");

        assertEquals(RedemptionStatus.BELOW_THRESHOLD, CouponCheck.reason(shoes, cart, AT), "240.00 < 250.00");
        assertNull(CouponCheck.reason(all, cart, AT), "305.47 >= 250.00");
    }

    @Test
    void discountAppliesToTheInScopeSubtotalOnly() {
        WalletCoupon socks = scoped(percent("1-1", "0.85", null), categories("socks"));

        CartQuote quote = StackedDiscounts.apply(cart, List.of(socks));

        // 29.97 × 0.85 = 25.4745 → pays 25.47 for the socks, 4.50 off
        assertEquals(money("4.50"), quote.discountAmount());
        assertEquals(money("300.97"), quote.payAmount());
    }

    @Test
    void aCouponNeverTakesMoreThanItsSubtotal() {
        WalletCoupon hats = scoped(cash("1-1", "50.00"), skus("SKU-3"));

        CartQuote quote = StackedDiscounts.apply(cart, List.of(hats));

        assertEquals(money("35.50"), quote.discountAmount());
        assertEquals(money("269.97"), quote.payAmount());
    }

    @Test
    void thePayAmountIsNeverNegative() {
        Cart small = cart(item("A", "x", "3.00", 1));
        CartQuote quote = StackedDiscounts.apply(small, List.of(cash("1-1", "10.00")));

        assertEquals(money("3.00"), quote.discountAmount());
        assertEquals(money("0.00"), quote.payAmount());
    }

    @Test
    void lineTotalsRoundHalfUpToTwoDecimals() {
        assertEquals(money("0.01"), item("A", "x", "0.01", 1).lineTotal());
        assertEquals(money("10.10"), cart(item("A", "x", "10.10", 1)).total());
        CartQuote quote = StackedDiscounts.apply(cart(item("A", "x", "10.10", 1)),
                List.of(percent("1-1", "0.85", null)));
        assertEquals(money("1.51"), quote.discountAmount(), "the contract's example: 10.10 at 0.85 → 1.51 off");
        assertTrue(quote.payAmount().scale() == 2);
    }
}
