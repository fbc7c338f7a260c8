package io.coupon.domain;

import java.util.List;

/**
 * Which order lines a coupon applies to: a line is in scope when its sku or its category is listed. A template
 * without a scope (null) applies to the whole order.
 */
public record Scope(List<String> skus, List<String> categories) {

    public Scope {
        skus = skus == null ? List.of() : List.copyOf(skus);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean covers(OrderItem item) {
        return skus.contains(item.sku()) || (item.category() != null && categories.contains(item.category()));
    }
}
