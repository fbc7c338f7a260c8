package io.coupon.contract.message;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.WalletCoupon;

/**
 * A granted claim on its way from the template's partition to the holder's wallet ({@code claim-grants},
 * keyed by user id). A replayed grant travels the same way, so its answer is never sent before the wallet
 * holds the coupon.
 */
public record ClaimGrant(ClaimOutcome outcome, WalletCoupon coupon) {
}
