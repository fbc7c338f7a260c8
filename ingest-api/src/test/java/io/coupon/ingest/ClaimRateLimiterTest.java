package io.coupon.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coupon.contract.http.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ClaimRateLimiterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void refusesAUserOverTheirLimitWith429AndRetryAfter() {
        ClaimRateLimiter limiter = new ClaimRateLimiter(0, 3, meters);
        for (int i = 0; i < 3; i++) {
            limiter.admit(7);
        }
        ApiException refused = assertThrows(ApiException.class, () -> limiter.admit(7));
        assertEquals(429, refused.status());
        assertEquals("1", refused.headers().get("Retry-After"));
        assertEquals(1.0, meters.get("coupon.rate.limited").tag("scope", "user").counter().count());
    }

    @Test
    void oneUsersBurstDoesNotLimitAnother() {
        ClaimRateLimiter limiter = new ClaimRateLimiter(0, 1, meters);
        limiter.admit(7);
        assertThrows(ApiException.class, () -> limiter.admit(7));
        assertDoesNotThrow(() -> limiter.admit(8));
    }

    @Test
    void refusesClaimsOverTheInstanceLimitWhateverTheUser() {
        ClaimRateLimiter limiter = new ClaimRateLimiter(2, 0, meters);
        limiter.admit(1);
        limiter.admit(2);
        ApiException refused = assertThrows(ApiException.class, () -> limiter.admit(3));
        assertEquals(429, refused.status());
        assertEquals(1.0, meters.get("coupon.rate.limited").tag("scope", "global").counter().count());
    }

    @Test
    void zeroSwitchesBothLimitsOff() {
        ClaimRateLimiter limiter = new ClaimRateLimiter(0, 0, meters);
        // One user's 10,000 at once: far past the burst a live bucket holds, so a limit left on would refuse some.
        assertDoesNotThrow(() -> {
            for (int i = 0; i < 10_000; i++) {
                limiter.admit(7);
            }
        });
        assertEquals(0.0, meters.get("coupon.rate.limited").tag("scope", "user").counter().count());
        assertEquals(0.0, meters.get("coupon.rate.limited").tag("scope", "global").counter().count());
    }
}
