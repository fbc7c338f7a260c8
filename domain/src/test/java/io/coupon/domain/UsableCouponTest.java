package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which coupons {@code ?usableFor} lists and {@code /best} picks: UNUSED, valid now, applicable; best first. */
class UsableCouponTest {

    private static final Instant ACQUIRED = Instant.parse("2026-11-11T01:00:00Z");
    private static final Instant EXPIRES = ACQUIRED.plus(Duration.ofDays(7));
    private static final Instant NOW = ACQUIRED.plus(Duration.ofHours(1));

    private static final WalletCoupon CASH_10 = coupon("1-1", CouponType.CASH, "10.00", null, null, EXPIRES);
    private static final WalletCoupon THRESHOLD_20_OFF_200 =
            coupon("2-1", CouponType.THRESHOLD, "20.00", "200.00", null, EXPIRES);
    private static final WalletCoupon PAY_85_CAPPED_30 =
            coupon("3-1", CouponType.DISCOUNT, "0.85", null, "30.00", EXPIRES);

    @Test
    void ranksCouponsOfEveryTypeByTheAmountTheyTakeOff() {
        Wallet wallet = wallet(CASH_10, THRESHOLD_20_OFF_200, PAY_85_CAPPED_30);

        // on 250.00: 15% is 37.50, capped at 30.00; 20.00 off 200; 10.00 cash
        assertEquals(List.of("3-1", "2-1", "1-1"), ids(UsableCoupon.rank(wallet, money("250.00"), NOW)));
    }

    @Test
    void rankingQuotesEachCouponOnTheOrderAmount() {
        Wallet wallet = wallet(CASH_10, THRESHOLD_20_OFF_200, PAY_85_CAPPED_30);

        List<UsableCoupon> ranked = UsableCoupon.rank(wallet, money("250.00"), NOW);

        assertEquals(List.of(new Quote(money("30.00"), money("220.00")), new Quote(money("20.00"), money("230.00")),
                new Quote(money("10.00"), money("240.00"))), ranked.stream().map(UsableCoupon::quote).toList());
    }

    @Test
    void rankingDependsOnTheOrderAmount() {
        Wallet wallet = wallet(CASH_10, THRESHOLD_20_OFF_200, coupon("3-1", CouponType.DISCOUNT, "0.95", null, null,
                EXPIRES));

        // on 200.00: 20.00 off 200, then 5% = 10.00 ties with cash 10.00 (same expiry: by id)
        assertEquals(List.of("2-1", "1-1", "3-1"), ids(UsableCoupon.rank(wallet, money("200.00"), NOW)));
        // on 60.00: 10.00 cash, then 5% = 3.00; the threshold coupon does not apply
        assertEquals(List.of("1-1", "3-1"), ids(UsableCoupon.rank(wallet, money("60.00"), NOW)));
    }

    @Test
    void tieOnTheDiscountGoesToTheCouponExpiringFirst() {
        WalletCoupon later = coupon("1-1", CouponType.CASH, "10.00", null, null, EXPIRES);
        WalletCoupon sooner = coupon("2-1", CouponType.CASH, "10.00", null, null, EXPIRES.minus(Duration.ofDays(1)));

        assertEquals(List.of("2-1", "1-1"), ids(UsableCoupon.rank(wallet(later, sooner), money("50.00"), NOW)));
    }

    @Test
    void tieAcrossTypesGoesToTheCouponExpiringFirst() {
        WalletCoupon cash = coupon("1-1", CouponType.CASH, "20.00", null, null, EXPIRES);
        WalletCoupon threshold = coupon("2-1", CouponType.THRESHOLD, "20.00", "200.00", null,
                EXPIRES.minusSeconds(1));

        assertEquals(Optional.of("2-1"),
                UsableCoupon.best(wallet(cash, threshold), money("250.00"), NOW).map(u -> u.coupon().couponId()));
    }

    @Test
    void tieOnDiscountAndExpiryIsOrderedByCouponId() {
        WalletCoupon b = coupon("9-2", CouponType.CASH, "10.00", null, null, EXPIRES);
        WalletCoupon a = coupon("9-1", CouponType.CASH, "10.00", null, null, EXPIRES);

        assertEquals(List.of("9-1", "9-2"), ids(UsableCoupon.rank(wallet(b, a), money("50.00"), NOW)));
    }

    @Test
    void largerDiscountWinsOverEarlierExpiry() {
        WalletCoupon soonSmall = coupon("1-1", CouponType.CASH, "10.00", null, null, EXPIRES.minus(Duration.ofDays(6)));
        WalletCoupon lateLarge = coupon("2-1", CouponType.CASH, "10.01", null, null, EXPIRES);

        assertEquals(List.of("2-1", "1-1"), ids(UsableCoupon.rank(wallet(soonSmall, lateLarge), money("50.00"), NOW)));
    }

    @Test
    void lockedCouponIsNotUsable() {
        WalletCoupon locked = CASH_10.lock("O-1", NOW.plus(Duration.ofMinutes(15)));

        assertEquals(List.of("2-1"), ids(UsableCoupon.rank(wallet(locked, THRESHOLD_20_OFF_200), money("250.00"), NOW)));
    }

    @Test
    void couponWhoseLockLapsedIsUsableAgain() {
        WalletCoupon lapsed = CASH_10.lock("O-1", NOW.minusSeconds(1));

        List<UsableCoupon> ranked = UsableCoupon.rank(wallet(lapsed), money("50.00"), NOW);

        assertEquals(List.of("1-1"), ids(ranked));
        assertEquals(CouponStatus.UNUSED, ranked.get(0).coupon().status());
    }

    @Test
    void usedCouponIsNotUsable() {
        WalletCoupon used = CASH_10.lock("O-1", NOW.plusSeconds(60)).use(NOW);

        assertEquals(List.of("2-1"), ids(UsableCoupon.rank(wallet(used, THRESHOLD_20_OFF_200), money("250.00"), NOW)));
    }

    @Test
    void expiredCouponIsNotUsable() {
        assertEquals(List.of("2-1"),
                ids(UsableCoupon.rank(wallet(CASH_10.expire(), THRESHOLD_20_OFF_200), money("250.00"), NOW)));
    }

    @Test
    void couponPastExpiresAtIsNotUsableBeforeTheTimerMarkedIt() {
        WalletCoupon pastExpiry = coupon("1-1", CouponType.CASH, "10.00", null, null, NOW);

        assertEquals(List.of("2-1"),
                ids(UsableCoupon.rank(wallet(pastExpiry, THRESHOLD_20_OFF_200), money("250.00"), NOW)));
    }

    @Test
    void couponBelowItsThresholdIsNotUsable() {
        assertEquals(List.of("1-1"),
                ids(UsableCoupon.rank(wallet(THRESHOLD_20_OFF_200, CASH_10), money("199.99"), NOW)));
    }

    @Test
    void couponAtExactlyItsThresholdIsUsable() {
        assertEquals(List.of("2-1", "1-1"),
                ids(UsableCoupon.rank(wallet(THRESHOLD_20_OFF_200, CASH_10), money("200.00"), NOW)));
    }

    @Test
    void couponNotYetAcquiredAtThatMomentIsNotUsable() {
        assertEquals(List.of(), UsableCoupon.rank(wallet(CASH_10), money("50.00"), ACQUIRED.minusMillis(1)));
    }

    @Test
    void bestIsTheFirstOfTheRanking() {
        Wallet wallet = wallet(CASH_10, THRESHOLD_20_OFF_200, PAY_85_CAPPED_30);

        assertEquals(Optional.of(UsableCoupon.rank(wallet, money("250.00"), NOW).get(0)),
                UsableCoupon.best(wallet, money("250.00"), NOW));
    }

    @Test
    void bestQuotesWhatTheCouponTakesOffAndWhatIsLeftToPay() {
        UsableCoupon best = UsableCoupon.best(wallet(CASH_10, PAY_85_CAPPED_30), money("100.00"), NOW).orElseThrow();

        assertEquals("3-1", best.coupon().couponId());
        assertEquals(new Quote(money("15.00"), money("85.00")), best.quote());
    }

    @Test
    void bestIsEmptyWhenNoCouponApplies() {
        Wallet wallet = wallet(THRESHOLD_20_OFF_200, CASH_10.expire(),
                PAY_85_CAPPED_30.lock("O-1", NOW.plusSeconds(60)));

        assertEquals(Optional.empty(), UsableCoupon.best(wallet, money("199.99"), NOW));
    }

    @Test
    void bestIsEmptyForAnEmptyWallet() {
        assertEquals(Optional.empty(), UsableCoupon.best(Wallet.empty(), money("250.00"), NOW));
    }

    private static Wallet wallet(WalletCoupon... coupons) {
        return new Wallet(List.of(coupons));
    }

    private static WalletCoupon coupon(String couponId, CouponType type, String discount, String threshold,
                                       String maxDiscount, Instant expiresAt) {
        long templateId = Long.parseLong(couponId.substring(0, couponId.indexOf('-')));
        return new WalletCoupon(couponId, templateId, type, money(discount),
                threshold == null ? null : money(threshold), maxDiscount == null ? null : money(maxDiscount),
                CouponStatus.UNUSED, ACQUIRED, expiresAt, null, null, null, 1);
    }

    private static List<String> ids(List<UsableCoupon> ranked) {
        return ranked.stream().map(u -> u.coupon().couponId()).toList();
    }

    private static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
