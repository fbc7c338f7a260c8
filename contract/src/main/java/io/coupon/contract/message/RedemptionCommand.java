package io.coupon.contract.message;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A redemption step on {@code wallet-commands}, keyed by user id: every step of one user's redemptions is
 * decided in the partition that holds the user's wallet. {@code requestId} names the HTTP request waiting for
 * the answer; {@code at} is when the API accepted it, the instant the step is judged at.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TryRedemption.class, name = "TryRedemption"),
        @JsonSubTypes.Type(value = ConfirmRedemption.class, name = "ConfirmRedemption"),
        @JsonSubTypes.Type(value = CancelRedemption.class, name = "CancelRedemption"),
        @JsonSubTypes.Type(value = RefundRedemption.class, name = "RefundRedemption")
})
public sealed interface RedemptionCommand extends WalletCommand
        permits TryRedemption, ConfirmRedemption, CancelRedemption, RefundRedemption {

    String requestId();

    @Override
    long userId();

    String orderId();

    Instant at();
}
