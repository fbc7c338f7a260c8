package io.coupon.domain;

import java.math.BigDecimal;

/** One order line: {@code quantity} units of {@code sku} at {@code unitPrice} each. */
public record OrderItem(String sku, String category, BigDecimal unitPrice, int quantity) {

    public BigDecimal lineTotal() {
        return Discounts.money(unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }
}
