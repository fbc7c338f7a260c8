package io.coupon.contract.message;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.WalletCoupon;

/**
 * A fresh grant on its way from the template's partition to the holder's wallet ({@code wallet-commands},
 * keyed by user id). It is written in the same transaction as the claim's answer, so the answer implies the
 * grant is in the wallet's partition, ahead of anything the user does next.
 */
public record ClaimGrant(ClaimOutcome outcome, WalletCoupon coupon) implements WalletCommand {

    @Override
    public long userId() {
        return outcome.userId();
    }
}
