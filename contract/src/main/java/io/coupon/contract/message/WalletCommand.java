package io.coupon.contract.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What travels on {@code wallet-commands}, keyed by user id: a grant from the decider or a redemption step from
 * the API, applied in order by the step that owns the user's wallet.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClaimGrant.class, name = "ClaimGrant"),
        @JsonSubTypes.Type(value = TryRedemption.class, name = "TryRedemption"),
        @JsonSubTypes.Type(value = ConfirmRedemption.class, name = "ConfirmRedemption"),
        @JsonSubTypes.Type(value = CancelRedemption.class, name = "CancelRedemption"),
        @JsonSubTypes.Type(value = RefundRedemption.class, name = "RefundRedemption")
})
public sealed interface WalletCommand permits ClaimGrant, RedemptionCommand {

    long userId();
}
