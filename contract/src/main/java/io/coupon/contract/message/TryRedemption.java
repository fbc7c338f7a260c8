package io.coupon.contract.message;

import io.coupon.domain.OrderItem;
import io.coupon.domain.RedemptionRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A Try.
 *
 * @param couponId    the first (or only) coupon
 * @param orderAmount null when priced on {@code items}
 * @param couponIds   every coupon of a multi-coupon Try; null for a single coupon
 * @param items       the order lines; null when priced on {@code orderAmount}
 */
public record TryRedemption(String requestId, long userId, String orderId, String couponId, BigDecimal orderAmount,
                            Instant at, List<String> couponIds, List<OrderItem> items) implements RedemptionCommand {

    public TryRedemption(String requestId, long userId, String orderId, String couponId, BigDecimal orderAmount,
                         Instant at) {
        this(requestId, userId, orderId, couponId, orderAmount, at, null, null);
    }

    public RedemptionRequest toRequest() {
        return new RedemptionRequest(orderId, userId, couponId, orderAmount, at, couponIds, items);
    }
}
