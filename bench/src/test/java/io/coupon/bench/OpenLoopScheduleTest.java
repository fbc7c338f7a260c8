package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void spacesRequestsEvenlyFromTheStart() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(200, Duration.ofSeconds(3));
        assertEquals(600, schedule.count());
        assertEquals(0, schedule.offsetNanos(0));
        assertEquals(5_000_000, schedule.offsetNanos(1));
        assertEquals(2_995_000_000L, schedule.offsetNanos(599));
    }

    @Test
    void doesNotDriftWhenThePeriodIsNotAWholeNumberOfNanoseconds() {
        // 3 a second: the period is 333,333,333.3 ns; adding a rounded period up would be 100 ns short after 1,000 s.
        OpenLoopSchedule schedule = OpenLoopSchedule.of(3, Duration.ofSeconds(1_000));
        assertEquals(3_000, schedule.count());
        assertEquals(333_333_333, schedule.offsetNanos(1));
        assertEquals(1_000_000_000, schedule.offsetNanos(3));
        assertEquals(999_666_666_666L, schedule.offsetNanos(2_999));
        for (long i = 0; i < schedule.count(); i += 3) {
            assertEquals(i / 3 * 1_000_000_000L, schedule.offsetNanos(i), "every third request lands on a second");
        }
    }

    @Test
    void neverSchedulesTwoRequestsOutOfOrder() {
        OpenLoopSchedule schedule = OpenLoopSchedule.of(7_919, Duration.ofSeconds(2));
        for (long i = 1; i < schedule.count(); i++) {
            long gap = schedule.offsetNanos(i) - schedule.offsetNanos(i - 1);
            assertEquals(126_278, gap, 1, "gap before request " + i);
        }
    }

    @Test
    void roundsAPartialLastRequestDown() {
        assertEquals(2, OpenLoopSchedule.of(3, Duration.ofMillis(999)).count());
        assertThrows(IndexOutOfBoundsException.class, () -> OpenLoopSchedule.of(3, Duration.ofMillis(999)).offsetNanos(2));
        assertThrows(IllegalArgumentException.class, () -> OpenLoopSchedule.of(0, Duration.ofSeconds(1)));
    }
}
