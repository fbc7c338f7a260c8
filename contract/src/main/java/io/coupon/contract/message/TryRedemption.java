package io.coupon.contract.message;

import io.coupon.domain.RedemptionRequest;
import java.math.BigDecimal;
import java.time.Instant;

public record TryRedemption(String requestId, long userId, String orderId, String couponId, BigDecimal orderAmount,
                            Instant at) implements RedemptionCommand {

    public RedemptionRequest toRequest() {
        return new RedemptionRequest(orderId, userId, couponId, orderAmount, at);
    }
}
