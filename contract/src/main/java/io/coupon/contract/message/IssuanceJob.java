package io.coupon.contract.message;

/**
 * One partition's walk of a targeted issuance, kept where the partition's profiles live: what to walk, and how
 * far it got. {@code cursor} is the last user id handled (null before the first), advanced in the same
 * transaction as the claims it emitted, so a restarted walk resumes exactly after them.
 */
public record IssuanceJob(StartIssuance start, Long cursor, boolean walked) {

    public IssuanceJob advancedTo(Long newCursor, boolean finished) {
        return new IssuanceJob(start, newCursor, finished);
    }
}
