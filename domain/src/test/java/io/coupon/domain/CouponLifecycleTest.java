package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle of one coupon: UNUSED ─lock→ LOCKED ─use→ USED, LOCKED ─unlock→ UNUSED, UNUSED/LOCKED ─expire→
 * EXPIRED, and nothing else.
 */
class CouponLifecycleTest {

    private static final Instant ACQUIRED = Instant.parse("2026-11-11T01:00:00Z");
    private static final Instant EXPIRES = ACQUIRED.plus(Duration.ofDays(7));
    private static final Instant LOCKED_AT = ACQUIRED.plus(Duration.ofHours(1));
    private static final Instant LOCKED_UNTIL = LOCKED_AT.plus(Duration.ofMinutes(15));
    private static final Instant USED_AT = LOCKED_AT.plus(Duration.ofMinutes(5));

    // --- allowed transitions

    @Test
    void lockMovesUnusedToLockedHeldByTheOrderUntilTheGivenTime() {
        WalletCoupon locked = unused().lock("O-1", LOCKED_UNTIL);

        assertEquals(CouponStatus.LOCKED, locked.status());
        assertEquals("O-1", locked.orderId());
        assertEquals(LOCKED_UNTIL, locked.lockedUntil());
        assertNull(locked.usedAt());
    }

    @Test
    void useMovesLockedToUsedKeepingTheOrderAndClearingTheLock() {
        WalletCoupon used = locked().use(USED_AT);

        assertEquals(CouponStatus.USED, used.status());
        assertEquals("O-1", used.orderId());
        assertEquals(USED_AT, used.usedAt());
        assertNull(used.lockedUntil());
    }

    @Test
    void unlockMovesLockedBackToUnusedAndClearsOrderAndLock() {
        WalletCoupon unlocked = locked().unlock();

        assertEquals(CouponStatus.UNUSED, unlocked.status());
        assertNull(unlocked.orderId());
        assertNull(unlocked.lockedUntil());
        assertNull(unlocked.usedAt());
    }

    @Test
    void expireMovesUnusedToExpired() {
        WalletCoupon expired = unused().expire();

        assertEquals(CouponStatus.EXPIRED, expired.status());
        assertNull(expired.orderId());
        assertNull(expired.lockedUntil());
    }

    @Test
    void expireMovesLockedToExpiredAndClearsOrderAndLock() {
        WalletCoupon expired = locked().expire();

        assertEquals(CouponStatus.EXPIRED, expired.status());
        assertNull(expired.orderId());
        assertNull(expired.lockedUntil());
        assertNull(expired.usedAt());
    }

    @Test
    void unlockedCouponCanBeLockedAgainByAnotherOrder() {
        WalletCoupon relocked = locked().unlock().lock("O-2", LOCKED_UNTIL.plusSeconds(60));

        assertEquals(CouponStatus.LOCKED, relocked.status());
        assertEquals("O-2", relocked.orderId());
        assertEquals(LOCKED_UNTIL.plusSeconds(60), relocked.lockedUntil());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedTransitions")
    void everyAllowedTransitionIncrementsTheVersionByOne(String name, WalletCoupon from,
                                                         UnaryOperator<WalletCoupon> transition) {
        assertEquals(from.version() + 1, transition.apply(from).version());
    }

    @Test
    void versionCountsEveryTransitionAlongTheWay() {
        WalletCoupon granted = unused();
        WalletCoupon locked = granted.lock("O-1", LOCKED_UNTIL);
        WalletCoupon unlocked = locked.unlock();
        WalletCoupon relocked = unlocked.lock("O-2", LOCKED_UNTIL);
        WalletCoupon used = relocked.use(USED_AT);

        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.of(granted.version(), locked.version(), unlocked.version(),
                relocked.version(), used.version()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedTransitions")
    void transitionKeepsIdentityTermsAndDates(String name, WalletCoupon from,
                                              UnaryOperator<WalletCoupon> transition) {
        WalletCoupon to = transition.apply(from);

        assertEquals(from.couponId(), to.couponId());
        assertEquals(from.templateId(), to.templateId());
        assertEquals(from.terms(), to.terms());
        assertEquals(from.acquiredAt(), to.acquiredAt());
        assertEquals(from.expiresAt(), to.expiresAt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowedTransitions")
    void transitionLeavesTheCouponItStartedFromUnchanged(String name, WalletCoupon from,
                                                         UnaryOperator<WalletCoupon> transition) {
        WalletCoupon copy = new WalletCoupon(from.couponId(), from.templateId(), from.type(), from.discount(),
                from.threshold(), from.maxDiscount(), from.status(), from.acquiredAt(), from.expiresAt(),
                from.orderId(), from.usedAt(), from.lockedUntil(), from.version());

        transition.apply(from);

        assertEquals(copy, from);
    }

    static Stream<Arguments> allowedTransitions() {
        return Stream.of(
                Arguments.of("UNUSED lock", unused(), transition("lock")),
                Arguments.of("UNUSED expire", unused(), transition("expire")),
                Arguments.of("LOCKED use", locked(), transition("use")),
                Arguments.of("LOCKED unlock", locked(), transition("unlock")),
                Arguments.of("LOCKED expire", locked(), transition("expire")));
    }

    // --- illegal transitions: every one the diagram does not draw

    @ParameterizedTest(name = "{0} cannot {2}")
    @MethodSource("illegalTransitions")
    void illegalTransitionThrows(String from, WalletCoupon coupon, String move) {
        assertThrows(IllegalTransitionException.class, () -> transition(move).apply(coupon));
    }

    @ParameterizedTest(name = "{0} cannot {2}")
    @MethodSource("illegalTransitions")
    void illegalTransitionNamesCouponStatusAndMove(String from, WalletCoupon coupon, String move) {
        IllegalTransitionException thrown =
                assertThrows(IllegalTransitionException.class, () -> transition(move).apply(coupon));

        assertEquals("coupon 42-1 cannot " + move + " from " + coupon.status(), thrown.getMessage());
    }

    @Test
    void illegalTransitionIsAnIllegalStateException() {
        assertThrows(IllegalStateException.class, () -> used().lock("O-2", LOCKED_UNTIL));
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                // lock only from UNUSED
                Arguments.of("LOCKED", locked(), "lock"),
                Arguments.of("USED", used(), "lock"),
                Arguments.of("EXPIRED", expired(), "lock"),
                // use only from LOCKED
                Arguments.of("UNUSED", unused(), "use"),
                Arguments.of("USED", used(), "use"),
                Arguments.of("EXPIRED", expired(), "use"),
                // unlock only from LOCKED
                Arguments.of("UNUSED", unused(), "unlock"),
                Arguments.of("USED", used(), "unlock"),
                Arguments.of("EXPIRED", expired(), "unlock"),
                // expire only from UNUSED or LOCKED
                Arguments.of("USED", used(), "expire"),
                Arguments.of("EXPIRED", expired(), "expire"),
                // a coupon that expired while locked is as final as any other expired one
                Arguments.of("EXPIRED (was LOCKED)", locked().expire(), "lock"),
                Arguments.of("EXPIRED (was LOCKED)", locked().expire(), "use"),
                Arguments.of("EXPIRED (was LOCKED)", locked().expire(), "unlock"),
                Arguments.of("EXPIRED (was LOCKED)", locked().expire(), "expire"),
                // a used coupon that went through an unlock first is as final as any other used one
                Arguments.of("USED (was re-locked)", locked().unlock().lock("O-3", LOCKED_UNTIL).use(USED_AT),
                        "unlock"));
    }

    // --- seenAt / statusAt

    @Test
    void unusedCouponIsSeenUnusedJustBeforeExpiresAt() {
        assertEquals(unused(), unused().seenAt(EXPIRES.minusMillis(1)));
        assertEquals(CouponStatus.UNUSED, unused().statusAt(EXPIRES.minusMillis(1)));
    }

    @Test
    void unusedCouponIsSeenExpiredFromExpiresAtOn() {
        assertEquals(CouponStatus.EXPIRED, unused().statusAt(EXPIRES));
        assertEquals(CouponStatus.EXPIRED, unused().statusAt(EXPIRES.plus(Duration.ofDays(30))));
    }

    @Test
    void lockedCouponIsSeenExpiredFromExpiresAtOnWithoutItsOrder() {
        WalletCoupon lockedNearExpiry = unused().lock("O-1", EXPIRES.plus(Duration.ofMinutes(10)));

        WalletCoupon seen = lockedNearExpiry.seenAt(EXPIRES);

        assertEquals(CouponStatus.EXPIRED, seen.status());
        assertNull(seen.orderId());
        assertNull(seen.lockedUntil());
    }

    @Test
    void lockedCouponIsSeenLockedByItsOrderBeforeLockedUntil() {
        WalletCoupon seen = locked().seenAt(LOCKED_UNTIL.minusMillis(1));

        assertEquals(locked(), seen);
    }

    @Test
    void lapsedLockIsSeenAsUnusedFromLockedUntilOn() {
        WalletCoupon seen = locked().seenAt(LOCKED_UNTIL);

        assertEquals(CouponStatus.UNUSED, seen.status());
        assertNull(seen.orderId());
        assertNull(seen.lockedUntil());
    }

    @Test
    void expiryWinsOverALapsedLock() {
        assertEquals(CouponStatus.EXPIRED, locked().statusAt(EXPIRES.plusSeconds(1)));
    }

    @Test
    void seenAtDoesNotCountAsATransition() {
        assertEquals(locked().version(), locked().seenAt(LOCKED_UNTIL).version());
        assertEquals(unused().version(), unused().seenAt(EXPIRES).version());
    }

    @Test
    void seenAtLeavesTheStoredCouponUnchanged() {
        WalletCoupon stored = locked();

        stored.seenAt(EXPIRES);

        assertEquals(CouponStatus.LOCKED, stored.status());
        assertEquals("O-1", stored.orderId());
    }

    @Test
    void usedCouponIsSeenUsedAfterExpiresAt() {
        WalletCoupon used = used();

        assertEquals(used, used.seenAt(EXPIRES.plus(Duration.ofDays(1))));
    }

    @Test
    void expiredCouponIsSeenExpired() {
        WalletCoupon expired = expired();

        assertEquals(expired, expired.seenAt(ACQUIRED));
    }

    @Test
    void statusAtIsTheStatusSeenAtThatMoment() {
        for (Instant at : List.of(ACQUIRED, LOCKED_UNTIL.minusMillis(1), LOCKED_UNTIL, EXPIRES)) {
            assertEquals(locked().seenAt(at).status(), locked().statusAt(at), "at " + at);
        }
    }

    @Test
    void couponIsExpiredFromExpiresAtOn() {
        assertFalse(unused().expiredAt(EXPIRES.minusMillis(1)));
        assertTrue(unused().expiredAt(EXPIRES));
    }

    // --- coupons in each status, reached through the lifecycle itself

    private static WalletCoupon unused() {
        return new WalletCoupon("42-1", 42, CouponType.THRESHOLD, new BigDecimal("20.00"), new BigDecimal("200.00"),
                null, CouponStatus.UNUSED, ACQUIRED, EXPIRES, null, null, null, 1);
    }

    private static WalletCoupon locked() {
        return unused().lock("O-1", LOCKED_UNTIL);
    }

    private static WalletCoupon used() {
        return locked().use(USED_AT);
    }

    private static WalletCoupon expired() {
        return unused().expire();
    }

    private static UnaryOperator<WalletCoupon> transition(String move) {
        return switch (move) {
            case "lock" -> c -> c.lock("O-2", LOCKED_UNTIL);
            case "use" -> c -> c.use(USED_AT);
            case "unlock" -> WalletCoupon::unlock;
            case "expire" -> WalletCoupon::expire;
            default -> throw new IllegalArgumentException(move);
        };
    }
}
