package io.coupon.domain;

/**
 * Coupon ids are derived, not random: the n-th unit granted of template t is always {@code "t-n"}. Template
 * ids are unique and the grant sequence of a template only grows, so the id is unique system-wide, and a
 * replay of the same decision (after a crash, under exactly-once) produces the very same id.
 */
public final class CouponIds {

    private CouponIds() {
    }

    public static String of(long templateId, long grantSequence) {
        if (grantSequence < 1) {
            throw new IllegalArgumentException("grant sequences start at 1");
        }
        return templateId + "-" + grantSequence;
    }
}
