package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract's discount maths. Expectations are written as strings and compared with {@code equals}, so a
 * result with the right value but another scale (20.0, 20.000) fails too.
 */
class DiscountsTest {

    // --- CASH

    @Test
    void cashTakesItsAmountOff() {
        assertEquals(quote("10.00", "40.00"), Discounts.quote(cash("10.00"), money("50.00")));
    }

    @Test
    void cashLargerThanTheOrderTakesTheWholeOrderAndLeavesZeroToPay() {
        assertEquals(quote("6.50", "0.00"), Discounts.quote(cash("10.00"), money("6.50")));
    }

    @Test
    void cashEqualToTheOrderLeavesZeroToPay() {
        assertEquals(quote("10.00", "0.00"), Discounts.quote(cash("10.00"), money("10.00")));
    }

    @Test
    void cashAppliesToTheSmallestOrder() {
        assertEquals(quote("0.01", "0.00"), Discounts.quote(cash("10.00"), money("0.01")));
    }

    @Test
    void cashWithZeroThresholdHasNoThreshold() {
        CouponTerms zeroThreshold = new CouponTerms(CouponType.CASH, money("10.00"), money("0"), null);

        assertEquals(quote("5.00", "0.00"), Discounts.quote(zeroThreshold, money("5.00")));
    }

    // --- THRESHOLD

    @Test
    void thresholdAppliesAtExactlyTheThreshold() {
        assertEquals(quote("20.00", "180.00"), Discounts.quote(threshold("20.00", "200.00"), money("200.00")));
    }

    @Test
    void thresholdDoesNotApplyOneCentBelowTheThreshold() {
        assertEquals(Optional.empty(), Discounts.quote(threshold("20.00", "200.00"), money("199.99")));
    }

    @Test
    void thresholdAppliesAboveTheThreshold() {
        assertEquals(quote("20.00", "230.00"), Discounts.quote(threshold("20.00", "200.00"), money("250.00")));
    }

    @Test
    void thresholdComparesByValueNotScale() {
        assertEquals(quote("20.00", "180.00"), Discounts.quote(threshold("20.00", "200"), money("200.0")));
    }

    @Test
    void thresholdDiscountNeverExceedsTheOrder() {
        assertEquals(quote("15.00", "0.00"), Discounts.quote(threshold("20.00", "10.00"), money("15.00")));
    }

    // --- DISCOUNT

    @Test
    void discountPaysHalfUpOfAmountTimesFactorAndTakesTheRest() {
        // 10.10 × 0.85 = 8.585 → 8.59 to pay; rounding the discount instead (1.515 → 1.52) would be wrong
        assertEquals(quote("1.51", "8.59"), Discounts.quote(discount("0.85", null, null), money("10.10")));
    }

    @Test
    void discountWithoutCapTakesTheWholeShare() {
        assertEquals(quote("150.00", "850.00"), Discounts.quote(discount("0.85", null, null), money("1000.00")));
    }

    @Test
    void discountAboveTheCapIsCapped() {
        assertEquals(quote("30.00", "970.00"), Discounts.quote(discount("0.85", null, "30.00"), money("1000.00")));
    }

    @Test
    void discountBelowTheCapIsNotCapped() {
        assertEquals(quote("15.00", "85.00"), Discounts.quote(discount("0.85", null, "30.00"), money("100.00")));
    }

    @Test
    void discountExactlyAtTheCapIsTheCap() {
        assertEquals(quote("30.00", "170.00"), Discounts.quote(discount("0.85", null, "30.00"), money("200.00")));
    }

    @Test
    void discountCapIsAppliedAfterRounding() {
        // 35.35 × 0.85 = 30.0475 → pay 30.05, 5.30 off; a cap of 5.30 is not exceeded, 5.29 is
        assertEquals(quote("5.30", "30.05"), Discounts.quote(discount("0.85", null, "5.30"), money("35.35")));
        assertEquals(quote("5.29", "30.06"), Discounts.quote(discount("0.85", null, "5.29"), money("35.35")));
    }

    @Test
    void discountBelowItsThresholdDoesNotApply() {
        assertEquals(Optional.empty(), Discounts.quote(discount("0.90", "100.00", null), money("99.99")));
    }

    @Test
    void discountAtItsThresholdApplies() {
        assertEquals(quote("10.00", "90.00"), Discounts.quote(discount("0.90", "100.00", null), money("100.00")));
    }

    @Test
    void discountWithThresholdAndCapAppliesBoth() {
        assertEquals(Optional.empty(), Discounts.quote(discount("0.80", "100.00", "15.00"), money("99.99")));
        assertEquals(quote("15.00", "85.00"), Discounts.quote(discount("0.80", "100.00", "15.00"), money("100.00")));
    }

    // --- rounding and scale

    @ParameterizedTest(name = "{0} at {1}: pay {2}, {3} off")
    @CsvSource({
            // exactly half a cent rounds up, also where half-even would round down
            "0.25, 0.50, 0.13, 0.12",
            "10.10, 0.85, 8.59, 1.51",
            "2.50, 0.05, 0.13, 2.37",
            "0.10, 0.85, 0.09, 0.01",
            // below half a cent rounds down
            "9.99, 0.85, 8.49, 1.50",
            "0.01, 0.85, 0.01, 0.00",
            // above half a cent rounds up
            "2.21, 0.85, 1.88, 0.33",
            // nothing to round
            "100.00, 0.85, 85.00, 15.00"
    })
    void discountRoundsThePayAmountHalfUpToCents(String amount, String factor, String pay, String off) {
        assertEquals(quote(off, pay), Discounts.quote(discount(factor, null, null), money(amount)));
    }

    @Test
    void moneyRoundsHalfUpToTwoDecimals() {
        assertEquals(money("0.13"), Discounts.money(money("0.125")));
        assertEquals(money("0.12"), Discounts.money(money("0.1249")));
        assertEquals(money("2.00"), Discounts.money(money("2")));
    }

    @Test
    void amountsWrittenWithFewerDecimalsComeBackWithTwo() {
        CouponTerms cashWithoutCents = new CouponTerms(CouponType.CASH, money("10"), null, null);

        assertEquals(quote("10.00", "40.00"), Discounts.quote(cashWithoutCents, money("50")));
    }

    @Test
    void cappedDiscountWrittenWithoutCentsComesBackWithTwo() {
        assertEquals(quote("30.00", "970.00"), Discounts.quote(discount("0.85", null, "30"), money("1000")));
    }

    @Test
    void discountOfAWholeOrderComesBackWithTwoDecimals() {
        assertEquals(quote("90.00", "10.00"), Discounts.quote(discount("0.1", null, null), money("100")));
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @CsvSource({
            "CASH, 10.00, 50.00", "CASH, 10.00, 3.33", "THRESHOLD, 20.00, 200.00", "THRESHOLD, 20.00, 1234.56",
            "DISCOUNT, 0.85, 10.10", "DISCOUNT, 0.33, 0.07", "DISCOUNT, 0.99, 99999.99"
    })
    void discountAndPayAlwaysAddUpToTheOrderWithTwoDecimalsAndNeverBelowZero(CouponType type, String value,
                                                                              String amount) {
        BigDecimal threshold = type == CouponType.THRESHOLD ? money("200.00") : null;
        Quote q = Discounts.quote(new CouponTerms(type, money(value), threshold, null), money(amount)).orElseThrow();

        assertEquals(money(amount), q.discountAmount().add(q.payAmount()));
        assertEquals(2, q.discountAmount().scale());
        assertEquals(2, q.payAmount().scale());
        assertTrue(q.payAmount().signum() >= 0, "pay " + q.payAmount());
        assertTrue(q.discountAmount().signum() >= 0, "discount " + q.discountAmount());
    }

    @Test
    void noCouponTakesNothingOff() {
        assertEquals(new Quote(money("0.00"), money("250.00")), Quote.none(money("250")));
    }

    private static CouponTerms cash(String amount) {
        return new CouponTerms(CouponType.CASH, money(amount), null, null);
    }

    private static CouponTerms threshold(String amount, String threshold) {
        return new CouponTerms(CouponType.THRESHOLD, money(amount), money(threshold), null);
    }

    private static CouponTerms discount(String factor, String threshold, String cap) {
        return new CouponTerms(CouponType.DISCOUNT, money(factor), threshold == null ? null : money(threshold),
                cap == null ? null : money(cap));
    }

    private static Optional<Quote> quote(String discountAmount, String payAmount) {
        return Optional.of(new Quote(money(discountAmount), money(payAmount)));
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
