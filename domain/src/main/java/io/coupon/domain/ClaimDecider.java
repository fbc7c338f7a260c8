package io.coupon.domain;

/**
 * Decides one claim in one atomic step. The order of the checks is the contract: an idempotent replay first
 * (a retry must get its first answer even after the window closed), then the template, its window and
 * campaign status (ended, paused, not started), the
 * blocklist, the audience, the per-user limit, and only then the stock — so a unit is never spent on a claim that some
 * other rule rejects, which is what rules out a false SOLD_OUT.
 */
public final class ClaimDecider {

    private ClaimDecider() {
    }

    public static ClaimDecision decide(ClaimState state, ClaimRequest request) {
        ClaimOutcome previous = state.previous();
        if (previous != null) {
            if (previous.userId() == request.userId()) {
                return unchanged(state, previous.asReplay(), ClaimDecision.Kind.REPLAY);
            }
            return unchanged(state, previous.asKeyReusedBy(request), ClaimDecision.Kind.UNRECORDED);
        }
        Template template = state.template();
        if (template == null) {
            return unchanged(state, ClaimOutcome.rejected(request, ClaimStatus.UNKNOWN_TEMPLATE),
                    ClaimDecision.Kind.UNRECORDED);
        }
        Variant variant = template.variantFor(request.userId());
        String variantName = variant == null ? null : variant.name();
        ClaimStatus rejection = rejection(state, template, request);
        if (rejection != null) {
            return unchanged(state, ClaimOutcome.rejected(request, rejection).withVariant(variantName),
                    ClaimDecision.Kind.FRESH);
        }
        Stock after = state.stock().takeOne();
        String couponId = CouponIds.of(template.id(), after.granted());
        ClaimOutcome granted = ClaimOutcome.granted(request, couponId, template.couponExpiry(request.requestedAt()))
                .withVariant(variantName);
        return new ClaimDecision(granted, ClaimDecision.Kind.FRESH, after, state.userClaims() + 1);
    }

    /**
     * Why a claim by this user would be refused now, in the decider's order, or null if it would be granted.
     * The eligibility check asks the same question without deciding anything.
     */
    public static ClaimStatus rejection(ClaimState state, Template template, ClaimRequest request) {
        if (template.finishedAt(request.requestedAt())) {
            return ClaimStatus.ENDED;
        }
        if (template.paused()) {
            return ClaimStatus.PAUSED;
        }
        if (template.notStartedAt(request.requestedAt())) {
            return ClaimStatus.NOT_STARTED;
        }
        if (state.blocked()) {
            return ClaimStatus.BLOCKED;
        }
        if (state.outsideAudience()) {
            return ClaimStatus.NOT_ELIGIBLE;
        }
        if (state.userClaims() >= template.perUserLimit()) {
            return ClaimStatus.LIMIT_EXCEEDED;
        }
        if (state.stock().soldOut()) {
            return ClaimStatus.SOLD_OUT;
        }
        return null;
    }

    private static ClaimDecision unchanged(ClaimState state, ClaimOutcome outcome, ClaimDecision.Kind kind) {
        return new ClaimDecision(outcome, kind, state.stock(), state.userClaims());
    }
}
