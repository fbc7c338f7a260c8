package io.coupon.contract.message;

import io.coupon.domain.ClaimRequest;
import java.time.Instant;

/**
 * A user asking for a coupon of a template.
 *
 * @param eligible   null until the user-keyed step has judged the user against the template's audience (only
 *                   templates with one go there); then whether the user is inside it
 * @param issuanceId set on the claims a targeted issuance makes, so their outcomes count towards its progress
 */
public record Claim(String requestId, long templateId, long userId, Instant requestedAt, Boolean eligible,
                    String issuanceId) implements ClaimCommand {

    public Claim(String requestId, long templateId, long userId, Instant requestedAt) {
        this(requestId, templateId, userId, requestedAt, null, null);
    }

    /** The same claim, judged against the audience. */
    public Claim judged(boolean inside) {
        return new Claim(requestId, templateId, userId, requestedAt, inside, issuanceId);
    }

    public ClaimRequest toRequest() {
        return new ClaimRequest(templateId, userId, requestId, requestedAt);
    }
}
