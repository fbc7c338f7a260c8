package io.coupon.contract.message;

/**
 * A confirmed use of a coupon, sent by the wallet's step to its template's partition of {@code claim-requests}
 * so that the template's statistics count it where they count the claims: the statistics then never read a
 * result topic back.
 */
public record CountUse(CouponEvent use) implements ClaimCommand {
}
