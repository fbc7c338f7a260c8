package io.coupon.contract.message;

import io.coupon.domain.ClaimRequest;
import java.time.Instant;

/** A user asking for a coupon of a template. */
public record Claim(String requestId, long templateId, long userId, Instant requestedAt) implements ClaimCommand {

    public ClaimRequest toRequest() {
        return new ClaimRequest(templateId, userId, requestId, requestedAt);
    }
}
