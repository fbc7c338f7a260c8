package io.coupon.domain;

/**
 * Everything the decider needs to know about one claim, read from the template's partition.
 *
 * @param template       null when no such template was defined
 * @param stock          null exactly when template is null
 * @param userClaims     how many coupons of this template the user already holds
 * @param previous       the first outcome recorded under this request id, or null
 * @param outsideAudience the user's profile was found outside the template's audience
 */
public record ClaimState(Template template, Stock stock, int userClaims, boolean blocked, ClaimOutcome previous,
                         boolean outsideAudience) {

    public ClaimState(Template template, Stock stock, int userClaims, boolean blocked, ClaimOutcome previous) {
        this(template, stock, userClaims, blocked, previous, false);
    }
}
