package io.coupon.contract.message;

import java.time.Instant;

public record RefundRedemption(String requestId, long userId, String orderId, Instant at) implements RedemptionCommand {
}
