package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

    private static final Duration EVERY = Duration.ofMillis(1);

    @Test
    void returnsTrueOnTheFirstLookThatFindsTheConditionHolding() throws Exception {
        AtomicInteger looks = new AtomicInteger();

        assertTrue(Poll.await(() -> looks.incrementAndGet() == 3, Duration.ofMinutes(1), EVERY));
        assertEquals(3, looks.get());
    }

    @Test
    void returnsFalseOnceTheTimeoutHasPassed() throws Exception {
        assertFalse(Poll.await(() -> false, Duration.ofMillis(20), EVERY));
    }

    @Test
    void aConditionThatThrowsStopsTheWaitWithItsException() {
        IllegalStateException died = new IllegalStateException("exited");

        assertSame(died, assertThrows(IllegalStateException.class, () -> Poll.await(() -> {
            throw died;
        }, Duration.ofMinutes(1), EVERY)));
    }
}
