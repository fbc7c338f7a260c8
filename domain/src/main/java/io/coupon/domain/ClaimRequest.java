package io.coupon.domain;

import java.time.Instant;

/**
 * One user asking for one coupon of a template.
 *
 * @param requestId   the client's idempotency key, or one the API made; scoped to the template
 * @param requestedAt when the API accepted it: windows and expiry are judged at this instant, so a replay
 *                    of the same request is decided exactly as the first time
 */
public record ClaimRequest(long templateId, long userId, String requestId, Instant requestedAt) {
}
