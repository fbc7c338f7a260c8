package io.coupon.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void housekeepingRunsEveryMinuteForLongRetention() {
        assertEquals(new TopologySettings(Duration.ofHours(24), Duration.ofMinutes(1),
                TopologySettings.DEFAULT_LOCK_TIMEOUT, TopologySettings.DEFAULT_TIMER_INTERVAL),
                TopologySettings.withRetention(Duration.ofHours(24)));
    }

    @Test
    void housekeepingRunsEveryTenthOfShortRetention() {
        assertEquals(Duration.ofSeconds(30), TopologySettings.withRetention(Duration.ofMinutes(5)).housekeepingInterval());
    }
}
