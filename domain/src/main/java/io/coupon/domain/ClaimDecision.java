package io.coupon.domain;

/**
 * The decider's answer: the outcome and the state it leaves behind.
 *
 * @param stockAfter      the template's stock after the decision (unchanged unless granted)
 * @param userClaimsAfter the user's claim count after the decision
 */
public record ClaimDecision(ClaimOutcome outcome, Kind kind, Stock stockAfter, int userClaimsAfter) {

    public enum Kind {
        /** Decided now: record the outcome under the request id and apply the state. */
        FRESH,
        /** The request id was decided before, for this user: answer the first outcome again, marked replayed. */
        REPLAY,
        /** Nothing to record: unknown template, or a key another user holds. */
        UNRECORDED
    }

    public boolean fresh() {
        return kind == Kind.FRESH;
    }

    public boolean freshGrant() {
        return kind == Kind.FRESH && outcome.status().granted();
    }
}
