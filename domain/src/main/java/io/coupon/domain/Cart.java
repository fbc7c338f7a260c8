package io.coupon.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a Try or a quote is priced on: order lines, or (as before items existed) a plain amount. A plain amount
 * says nothing about what is in it, so a scoped coupon never applies to one.
 *
 * @param amount the order amount when {@code items} is null; ignored otherwise
 * @param items  null for a plain amount
 */
public record Cart(BigDecimal amount, List<OrderItem> items) {

    public Cart {
        items = items == null ? null : List.copyOf(items);
    }

    public static Cart ofAmount(BigDecimal amount) {
        return new Cart(Discounts.money(amount), null);
    }

    public static Cart ofItems(List<OrderItem> items) {
        return new Cart(null, items);
    }

    public BigDecimal total() {
        if (items == null) {
            return Discounts.money(amount);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (OrderItem item : items) {
            sum = sum.add(item.lineTotal());
        }
        return Discounts.money(sum);
    }

    /** The subtotal a coupon of {@code scope} applies to; empty when no line is in scope (NOT_APPLICABLE). */
    public Optional<BigDecimal> subtotal(Scope scope) {
        if (scope == null) {
            return Optional.of(total());
        }
        if (items == null) {
            return Optional.empty();
        }
        BigDecimal sum = null;
        for (OrderItem item : items) {
            if (scope.covers(item)) {
                sum = (sum == null ? BigDecimal.ZERO : sum).add(item.lineTotal());
            }
        }
        return Optional.ofNullable(sum).map(Discounts::money);
    }
}
