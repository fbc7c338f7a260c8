package io.coupon.domain;

import java.time.Instant;

/**
 * How a claim was decided. Kept as the idempotency record, so a retry gets exactly this back, marked as a replay.
 *
 * @param couponId  set only when granted
 * @param expiresAt set only when granted
 * @param variant   the user's variant of an experiment template, else null
 * @param replayed  true when this answers a retry of a request decided before: the same answer, not a new
 *                  decision, so whoever counts decisions skips it
 */
public record ClaimOutcome(
        String requestId,
        long templateId,
        long userId,
        ClaimStatus status,
        String couponId,
        Instant expiresAt,
        Instant decidedAt,
        String variant,
        boolean replayed) {

    public ClaimOutcome(String requestId, long templateId, long userId, ClaimStatus status, String couponId,
                        Instant expiresAt, Instant decidedAt, String variant) {
        this(requestId, templateId, userId, status, couponId, expiresAt, decidedAt, variant, false);
    }

    public ClaimOutcome(String requestId, long templateId, long userId, ClaimStatus status, String couponId,
                        Instant expiresAt, Instant decidedAt) {
        this(requestId, templateId, userId, status, couponId, expiresAt, decidedAt, null);
    }

    public static ClaimOutcome rejected(ClaimRequest request, ClaimStatus status) {
        if (status.granted()) {
            throw new IllegalArgumentException("a rejection cannot be GRANTED");
        }
        return new ClaimOutcome(request.requestId(), request.templateId(), request.userId(), status,
                null, null, request.requestedAt(), null);
    }

    public static ClaimOutcome granted(ClaimRequest request, String couponId, Instant expiresAt) {
        return new ClaimOutcome(request.requestId(), request.templateId(), request.userId(), ClaimStatus.GRANTED,
                couponId, expiresAt, request.requestedAt(), null);
    }

    /** The same outcome, naming the user's variant of the experiment. */
    public ClaimOutcome withVariant(String name) {
        return new ClaimOutcome(requestId, templateId, userId, status, couponId, expiresAt, decidedAt, name);
    }

    /** The same outcome, answering a retry of its request: nothing was decided this time. */
    public ClaimOutcome asReplay() {
        return new ClaimOutcome(requestId, templateId, userId, status, couponId, expiresAt, decidedAt, variant, true);
    }

    /** The same outcome, answering a later request of another user that reused the key: 422. */
    public ClaimOutcome asKeyReusedBy(ClaimRequest request) {
        return rejected(request, ClaimStatus.KEY_REUSED);
    }
}
