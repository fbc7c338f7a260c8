package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CouponIdsTest {

    @Test
    void couponIdIsTemplateIdDashGrantSequence() {
        assertEquals("42-7", CouponIds.of(42, 7));
    }

    @Test
    void sameTemplateAndSequenceAlwaysGiveTheSameId() {
        assertEquals(CouponIds.of(9_007_199_254_740_993L, 1_000_000), CouponIds.of(9_007_199_254_740_993L, 1_000_000));
    }

    @Test
    void idsOfDifferentTemplatesNeverCollide() {
        assertNotEquals(CouponIds.of(1, 12), CouponIds.of(11, 2));
    }

    @Test
    void refusesGrantSequenceBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> CouponIds.of(42, 0));
    }
}
