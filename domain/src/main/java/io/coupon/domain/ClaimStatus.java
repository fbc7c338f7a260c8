package io.coupon.domain;

/** Every way a claim can be decided. Rejections are outcomes, not errors: nothing was taken. */
public enum ClaimStatus {
    GRANTED,
    SOLD_OUT,
    LIMIT_EXCEEDED,
    NOT_STARTED,
    ENDED,
    BLOCKED,
    UNKNOWN_TEMPLATE,
    /** The idempotency key was first used by another user of the same template. */
    KEY_REUSED,
    /** The user is outside the template's audience. */
    NOT_ELIGIBLE,
    /** The operator paused the template; claims are granted again once it is resumed. */
    PAUSED;

    public boolean granted() {
        return this == GRANTED;
    }
}
