package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.domain.ClaimStatus;
import io.coupon.domain.UserStats;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's stats follow the user's coupon transitions, in the wallet's own step: grants count as claimed,
 * confirms as used with their discount, and {@code used30d} falls once 30 days have passed since a use.
 */
class UserStatsRulesTest extends TopologyTest {

    private static final long TEMPLATE = 42;
    private static final long RECENT_USERS_ONLY = 44;
    private static final long USER = 1001;

    @BeforeEach
    void start() {
        topology.define(aTemplate(TEMPLATE).perUserLimit(5).endTime(OPEN.plus(Duration.ofDays(60)))
                .validDays(null).build());
        topology.define(aTemplate(RECENT_USERS_ONLY).perUserLimit(5).endTime(OPEN.plus(Duration.ofDays(60)))
                .audience(Map.of("attr", "stats.used30d", "op", "gte", "value", 1)).build());
    }

    @Test
    void claimsCountAsClaimed() {
        topology.claim(TEMPLATE, USER, "r-1");
        topology.claim(TEMPLATE, USER, "r-2");
        topology.claim(TEMPLATE, USER, "r-2");

        assertEquals(2, topology.stats(USER).claimed(), "a replayed grant counts once");
        assertEquals(0, topology.stats(USER).used());
    }

    @Test
    void aConfirmedUseCountsWithItsDiscountAndALockAloneDoesNot() {
        String coupon = topology.claim(TEMPLATE, USER, "r-1").couponId();
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN.plusSeconds(10));
        assertEquals(0, topology.stats(USER).used());

        topology.confirm(USER, "O-1", OPEN.plusSeconds(20));
        topology.confirm(USER, "O-1", OPEN.plusSeconds(30));

        UserStats.View view = topology.stats(USER).viewAt(OPEN.plusSeconds(30));
        assertEquals(new UserStats.View(1, 1, new BigDecimal("20.00"), OPEN.plusSeconds(20), 1), view);
    }

    @Test
    void used30dFallsOnceThirtyDaysHavePassed() {
        String coupon = topology.claim(TEMPLATE, USER, "r-1").couponId();
        topology.tryRedemption(USER, "O-1", coupon, "250.00", OPEN);
        topology.confirm(USER, "O-1", OPEN);
        Instant day29 = OPEN.plus(Duration.ofDays(29));
        Instant day31 = OPEN.plus(Duration.ofDays(31));

        assertEquals(ClaimStatus.GRANTED, topology.claim(RECENT_USERS_ONLY, USER, "recent-1", day29).status());
        topology.advanceWallClockTime(Duration.ofDays(31));

        assertEquals(0, topology.stats(USER).used30dAt(day31));
        assertEquals(1, topology.stats(USER).used(), "the total stays");
        assertEquals(ClaimStatus.NOT_ELIGIBLE, topology.claim(RECENT_USERS_ONLY, USER, "recent-2", day31).status());
    }
}
