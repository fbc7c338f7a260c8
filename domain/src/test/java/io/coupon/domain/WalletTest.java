package io.coupon.domain;

import static io.coupon.domain.TemplateBuilder.START;
import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WalletTest {

    private static final Instant ACQUIRED = START.plus(Duration.ofHours(1));
    private static final Instant EXPIRES = ACQUIRED.plus(Duration.ofDays(7));

    @Test
    void emptyWalletHoldsNoCoupons() {
        assertEquals(List.of(), Wallet.empty().coupons());
        assertEquals(List.of(), Wallet.empty().viewAt(ACQUIRED, null));
    }

    @Test
    void addKeepsCouponsInGrantOrder() {
        Wallet wallet = Wallet.empty().add(coupon("42-2")).add(coupon("7-1")).add(coupon("42-3"));

        assertEquals(List.of("42-2", "7-1", "42-3"), ids(wallet.coupons()));
    }

    @Test
    void addingSameCouponIdAgainChangesNothing() {
        Wallet once = Wallet.empty().add(coupon("42-1"));

        Wallet twice = once.add(coupon("42-1"));

        assertSame(once, twice);
        assertEquals(1, twice.coupons().size());
    }

    @Test
    void addingSameCouponIdWithOtherTermsKeepsTheFirst() {
        WalletCoupon first = coupon("42-1");
        Wallet wallet = Wallet.empty().add(first);

        Wallet after = wallet.add(coupon("42-1").withStatus(CouponStatus.USED));

        assertEquals(List.of(first), after.coupons());
    }

    @Test
    void addLeavesTheOriginalWalletUnchanged() {
        Wallet before = Wallet.empty().add(coupon("42-1"));

        before.add(coupon("42-2"));

        assertEquals(List.of("42-1"), ids(before.coupons()));
    }

    @Test
    void walletDoesNotShareTheListItWasBuiltFrom() {
        List<WalletCoupon> source = new ArrayList<>(List.of(coupon("42-1")));
        Wallet wallet = new Wallet(source);

        source.add(coupon("42-2"));

        assertEquals(List.of("42-1"), ids(wallet.coupons()));
    }

    @Test
    void findsHeldCouponById() {
        Wallet wallet = Wallet.empty().add(coupon("42-1")).add(coupon("42-2"));

        assertEquals(Optional.of(coupon("42-2")), wallet.find("42-2"));
        assertEquals(Optional.empty(), wallet.find("42-9"));
    }

    @Test
    void grantedCouponCopiesTheTemplateTermsAndIsUnused() {
        Template template = aTemplate().id(42).build();
        ClaimOutcome outcome = ClaimOutcome.granted(new ClaimRequest(42, 1001, "r1", ACQUIRED), "42-1", EXPIRES);

        WalletCoupon coupon = WalletCoupon.granted(template, outcome);

        assertEquals(new WalletCoupon("42-1", 42, CouponType.THRESHOLD, new BigDecimal("20.00"),
                new BigDecimal("200.00"), null, CouponStatus.UNUSED, ACQUIRED, EXPIRES, null, null, null, 1), coupon);
    }

    @Test
    void couponOfATemplateThatNeverChoseStackingIsExclusive() {
        Template template = aTemplate().id(42).build();
        ClaimOutcome outcome = ClaimOutcome.granted(new ClaimRequest(42, 1001, "r1", ACQUIRED), "42-1", EXPIRES);

        assertEquals(Stacking.EXCLUSIVE, WalletCoupon.granted(template, outcome).stacking());
    }

    @Test
    void viewShowsUnusedCouponAsUnusedBeforeExpiry() {
        Wallet wallet = Wallet.empty().add(coupon("42-1"));

        assertEquals(List.of(CouponStatus.UNUSED), statuses(wallet.viewAt(EXPIRES.minusMillis(1), null)));
    }

    @Test
    void viewShowsExpiredFromExpiresAtOn() {
        Wallet wallet = Wallet.empty().add(coupon("42-1"));

        assertEquals(List.of(CouponStatus.EXPIRED), statuses(wallet.viewAt(EXPIRES, null)));
        assertEquals(List.of(CouponStatus.EXPIRED), statuses(wallet.viewAt(EXPIRES.plusSeconds(3600), null)));
    }

    @Test
    void viewShowsLockedCouponAsExpiredAfterExpiry() {
        Wallet wallet = Wallet.empty().add(coupon("42-1").withStatus(CouponStatus.LOCKED));

        assertEquals(List.of(CouponStatus.LOCKED), statuses(wallet.viewAt(EXPIRES.minusMillis(1), null)));
        assertEquals(List.of(CouponStatus.EXPIRED), statuses(wallet.viewAt(EXPIRES, null)));
    }

    @Test
    void viewKeepsUsedCouponUsedAfterExpiry() {
        Wallet wallet = Wallet.empty().add(coupon("42-1").withStatus(CouponStatus.USED));

        assertEquals(List.of(CouponStatus.USED), statuses(wallet.viewAt(EXPIRES.plusSeconds(3600), null)));
    }

    @Test
    void viewDoesNotChangeTheStoredStatus() {
        Wallet wallet = Wallet.empty().add(coupon("42-1"));

        wallet.viewAt(EXPIRES.plusSeconds(3600), null);

        assertEquals(CouponStatus.UNUSED, wallet.coupons().get(0).status());
    }

    @Test
    void viewFiltersByStatusAsSeenAtThatMoment() {
        Wallet wallet = Wallet.empty()
                .add(coupon("1-1", EXPIRES))
                .add(coupon("2-1", EXPIRES.plus(Duration.ofDays(30))))
                .add(coupon("3-1", EXPIRES).withStatus(CouponStatus.USED));
        Instant afterFirstExpiry = EXPIRES.plusSeconds(1);

        assertEquals(List.of("1-1"), ids(wallet.viewAt(afterFirstExpiry, CouponStatus.EXPIRED)));
        assertEquals(List.of("2-1"), ids(wallet.viewAt(afterFirstExpiry, CouponStatus.UNUSED)));
        assertEquals(List.of("3-1"), ids(wallet.viewAt(afterFirstExpiry, CouponStatus.USED)));
        assertEquals(List.of(), wallet.viewAt(afterFirstExpiry, CouponStatus.LOCKED));
    }

    @Test
    void viewWithoutStatusListsEveryCouponInGrantOrder() {
        Wallet wallet = Wallet.empty().add(coupon("1-1", EXPIRES)).add(coupon("2-1", EXPIRES.plusSeconds(60)));

        List<WalletCoupon> view = wallet.viewAt(EXPIRES, null);

        assertEquals(List.of("1-1", "2-1"), ids(view));
        assertEquals(List.of(CouponStatus.EXPIRED, CouponStatus.UNUSED), statuses(view));
    }

    @Test
    void expiredCouponIsNoLongerListedAsUnused() {
        Wallet wallet = Wallet.empty().add(coupon("42-1"));

        assertTrue(wallet.viewAt(EXPIRES, CouponStatus.UNUSED).isEmpty());
    }

    private static WalletCoupon coupon(String couponId) {
        return coupon(couponId, EXPIRES);
    }

    private static WalletCoupon coupon(String couponId, Instant expiresAt) {
        long templateId = Long.parseLong(couponId.substring(0, couponId.indexOf('-')));
        return new WalletCoupon(couponId, templateId, CouponType.CASH, new BigDecimal("10.00"), null, null,
                CouponStatus.UNUSED, ACQUIRED, expiresAt, null, null, null, 1);
    }

    private static List<String> ids(List<WalletCoupon> coupons) {
        return coupons.stream().map(WalletCoupon::couponId).toList();
    }

    private static List<CouponStatus> statuses(List<WalletCoupon> coupons) {
        return coupons.stream().map(WalletCoupon::status).toList();
    }
}
