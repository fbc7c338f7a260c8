package io.coupon.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

    /** Redis's counters as a map: a missing key counts from 0, as INCR and DECR do. */
    static final class MapCounters implements Counters {
        final Map<String, Long> values = new HashMap<>();

        @Override
        public long decrement(String key) {
            return values.merge(key, -1L, Long::sum);
        }

        @Override
        public long increment(String key) {
            return values.merge(key, 1L, Long::sum);
        }

        @Override
        public void set(String key, long value) {
            values.put(key, value);
        }

        @Override
        public Long get(String key) {
            return values.get(key);
        }
    }

    static final class ListRecords implements CouponRecords {
        final List<CouponRecord> rows = new ArrayList<>();
        boolean failing;

        @Override
        public void insert(CouponRecord record) throws SQLException {
            if (failing) {
                throw new SQLException("MariaDB is down");
            }
            rows.add(record);
        }
    }

    private final MapCounters redis = new MapCounters();
    private final ListRecords mysql = new ListRecords();
    private final BaselineClaims claims = new BaselineClaims(redis, mysql, "t:");

    private static BaselineTemplate template(long stock, int perUserLimit) {
        return new BaselineTemplate(42, "20 off 200", "THRESHOLD", new BigDecimal("20.00"), new BigDecimal("200.00"),
                stock, perUserLimit, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)), 7);
    }

    @Test
    void grantsExactlyTheStockAndGivesBackEveryUnitItCouldNotKeep() throws Exception {
        BaselineTemplate t = template(3, 1);
        claims.stock(t);
        List<String> statuses = new ArrayList<>();
        for (long user = 1; user <= 5; user++) {
            statuses.add(claims.claim(t, user, NOW).status());
        }
        assertEquals(List.of("GRANTED", "GRANTED", "GRANTED", "SOLD_OUT", "SOLD_OUT"), statuses);
        assertEquals(3, mysql.rows.size());
        assertEquals(0L, redis.get(claims.stockKey(42)), "each DECR below zero was taken back");
    }

    @Test
    void takesBackTheUserCounterAndTheUnitWhenTheUserIsOverTheLimit() throws Exception {
        BaselineTemplate t = template(10, 2);
        claims.stock(t);
        claims.claim(t, 7, NOW);
        claims.claim(t, 7, NOW);
        ClaimResult third = claims.claim(t, 7, NOW);

        assertEquals(ClaimResult.LIMIT_EXCEEDED, third.status());
        assertEquals(2L, redis.get(claims.userKey(42, 7)));
        assertEquals(8L, redis.get(claims.stockKey(42)), "the third claim's unit is back");
        assertEquals(2, mysql.rows.size());
    }

    @Test
    void givesBothCountersBackWhenTheRowCannotBeWritten() {
        BaselineTemplate t = template(10, 1);
        claims.stock(t);
        mysql.failing = true;

        assertThrows(BaselineClaims.RecordNotWritten.class, () -> claims.claim(t, 7, NOW));
        assertEquals(10L, redis.get(claims.stockKey(42)));
        assertEquals(0L, redis.get(claims.userKey(42, 7)));
    }

    @Test
    void rejectsOutsideTheWindowWithoutTouchingRedis() throws Exception {
        BaselineTemplate t = template(10, 1);
        claims.stock(t);
        assertEquals("NOT_STARTED", claims.claim(t, 1, NOW.minus(Duration.ofDays(1))).status());
        assertEquals("ENDED", claims.claim(t, 1, NOW.plus(Duration.ofDays(2))).status());
        assertEquals(Map.of(claims.stockKey(42), 10L), redis.values);
    }

    @Test
    void issuesDistinctCouponIdsThatExpireByValidDays() throws Exception {
        BaselineTemplate t = template(2, 1);
        claims.stock(t);
        ClaimResult a = claims.claim(t, 1, NOW);
        ClaimResult b = claims.claim(t, 2, NOW);
        assertTrue(a.couponId().startsWith("42-"));
        assertTrue(!a.couponId().equals(b.couponId()));
        assertEquals(NOW.plus(Duration.ofDays(1)), a.expiresAt(), "7 valid days, but never after the template ends");
    }
}
