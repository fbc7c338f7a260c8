package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A user's stats: grants, uses, the sliding 30 days, and a refund that takes back exactly what its use added. */
class UserStatsTest {

    private static final Instant DAY_0 = Instant.parse("2026-11-11T10:00:00Z");

    private static UserStats.Use use(String couponId, Instant at, String discount) {
        return new UserStats.Use(couponId, 42, null, at, new BigDecimal(discount), new BigDecimal("250.00"));
    }

    @Test
    void countsGrantsAndUses() {
        UserStats stats = UserStats.empty().granted().granted()
                .withUse(use("42-1", DAY_0, "20.00"));

        UserStats.View view = stats.viewAt(DAY_0);
        assertEquals(new UserStats.View(2, 1, new BigDecimal("20.00"), DAY_0, 1), view);
    }

    @Test
    void theSameUseTwiceCountsOnce() {
        UserStats stats = UserStats.empty().withUse(use("42-1", DAY_0, "20.00")).withUse(use("42-1", DAY_0, "20.00"));

        assertEquals(1, stats.used());
    }

    @Test
    void used30dFallsAsDaysPass() {
        UserStats stats = UserStats.empty()
                .withUse(use("42-1", DAY_0, "20.00"))
                .withUse(use("42-2", DAY_0.plus(Duration.ofDays(10)), "5.00"));

        assertEquals(2, stats.used30dAt(DAY_0.plus(Duration.ofDays(10))));
        assertEquals(2, stats.used30dAt(DAY_0.plus(Duration.ofDays(30)).minusMillis(1)));
        assertEquals(1, stats.used30dAt(DAY_0.plus(Duration.ofDays(30))));
        assertEquals(0, stats.used30dAt(DAY_0.plus(Duration.ofDays(40))));
        assertEquals(2, stats.used(), "the total never falls");
    }

    @Test
    void aRefundTakesBackWhatItsUseAdded() {
        UserStats stats = UserStats.empty().granted().granted()
                .withUse(use("42-1", DAY_0, "20.00"))
                .withUse(use("42-2", DAY_0.plusSeconds(60), "5.00"));

        UserStats refunded = stats.withRefund("42-2");

        assertEquals(new UserStats.View(2, 1, new BigDecimal("20.00"), DAY_0, 1), refunded.viewAt(DAY_0.plusSeconds(60)));
        assertEquals(refunded, refunded.withRefund("42-2"), "a second refund of the same coupon changes nothing");
        assertNull(refunded.withRefund("42-1").lastUsedAt());
    }
}
