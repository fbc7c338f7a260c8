package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsMinuteTest {

    private static final Instant MINUTE = Instant.parse("2026-11-11T00:01:00Z");

    @Test
    void aMinuteHoldsItsFirstInstantButNotTheNextMinutes() {
        assertEquals(MINUTE, StatsMinute.containing(MINUTE).start());
        assertEquals(MINUTE, StatsMinute.containing(MINUTE.plusSeconds(59).plusMillis(999)).start());
        assertEquals(MINUTE.plusSeconds(60), StatsMinute.containing(MINUTE.plusSeconds(60)).start());
    }

    @Test
    void closesOnceItsGraceHasPassed() {
        StatsMinute minute = StatsMinute.containing(MINUTE);

        assertFalse(minute.closedAt(MINUTE.plusSeconds(69).plusMillis(999)));
        assertTrue(minute.closedAt(MINUTE.plusSeconds(70)));
    }
}
