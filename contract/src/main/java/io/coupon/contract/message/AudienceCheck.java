package io.coupon.contract.message;

import io.coupon.domain.Audience;

/** A claim of a template with an audience, sent to be judged where the user's profile lives (keyed by user id). */
public record AudienceCheck(Claim claim, Audience audience) {
}
