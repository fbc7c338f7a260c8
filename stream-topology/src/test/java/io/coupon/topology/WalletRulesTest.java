package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.END;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.contract.message.CouponEvent;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import io.coupon.domain.Wallet;
import io.coupon.domain.WalletCoupon;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** What a grant leaves in {@code wallet-store} and on {@code coupon-events}. */
class WalletRulesTest extends TopologyTest {

    @Test
    void grantedCouponIsInTheWalletWithTheTemplateTerms() {
        topology.define(aTemplate(42).validDays(null).build());

        ClaimOutcome granted = topology.claim(42, 1001, "r-1", OPEN);

        assertEquals(new Wallet(List.of(new WalletCoupon(granted.couponId(), 42, CouponType.THRESHOLD,
                new BigDecimal("20.00"), new BigDecimal("200.00"), null, CouponStatus.UNUSED, OPEN, END, null,
                null, null, 1))), topology.wallet(1001));
    }

    @Test
    void walletHoldsCouponsOfSeveralTemplatesInGrantOrder() {
        topology.define(aTemplate(1).build());
        topology.define(aTemplate(2).build());

        topology.claim(2, 1001, "r-1");
        topology.claim(1, 1001, "r-2");

        assertEquals(List.of("2-1", "1-1"), couponIds(topology.wallet(1001)));
    }

    @Test
    void eachUserHasAWalletOfTheirOwn() {
        topology.define(aTemplate(42).build());

        topology.claim(42, 1001, "r-1");
        topology.claim(42, 1002, "r-2");

        assertEquals(List.of("42-1"), couponIds(topology.wallet(1001)));
        assertEquals(List.of("42-2"), couponIds(topology.wallet(1002)));
    }

    @Test
    void userWithoutGrantsHasNoWallet() {
        topology.define(aTemplate(42).build());
        topology.block(1001);

        topology.claim(42, 1001, "r-1");

        assertNull(topology.wallet(1001));
    }

    @Test
    void couponExpiresValidDaysAfterTheClaim() {
        topology.define(aTemplate(42).validDays(3).endTime(OPEN.plus(Duration.ofDays(30))).build());

        ClaimOutcome granted = topology.claim(42, 1001, "r-1", OPEN);

        assertEquals(OPEN.plus(Duration.ofHours(72)), granted.expiresAt());
        assertEquals(granted.expiresAt(), topology.wallet(1001).coupons().get(0).expiresAt());
    }

    @Test
    void couponExpiryIsCappedAtTheTemplateEnd() {
        topology.define(aTemplate(42).validDays(7).build());

        assertEquals(END, topology.claim(42, 1001, "r-1", OPEN).expiresAt());
    }

    @Test
    void grantPublishesOneCouponEventKeyedByUser() {
        topology.define(aTemplate(42).validDays(null).build());

        ClaimOutcome granted = topology.claim(42, 1001, "r-1", OPEN);

        assertEquals(List.of(KeyValue.pair(1001L, new CouponEvent(CouponChange.GRANTED, granted.couponId(), 1001, 42,
                CouponStatus.UNUSED, 1, OPEN, END, null))), topology.couponEvents());
    }

    @Test
    void answerOfGrantMatchesTheCouponInTheWallet() {
        Template template = aTemplate(42).build();
        topology.define(template);

        ClaimOutcome granted = topology.claim(42, 1001, "r-1", OPEN);

        assertEquals(WalletCoupon.granted(template, granted), topology.wallet(1001).find(granted.couponId()).get());
    }

    @Test
    void rejectionPublishesNoCouponEvent() {
        topology.define(aTemplate(42).build());

        topology.claim(42, 1001, "r-1", TopologyFixture.START.minusSeconds(1));

        assertEquals(List.of(), topology.couponEvents());
    }

    private static List<String> couponIds(Wallet wallet) {
        return wallet.coupons().stream().map(WalletCoupon::couponId).toList();
    }
}
