package io.coupon.contract.http;

import io.coupon.domain.Cart;
import io.coupon.domain.OrderItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** Reads what Try and the quote price: {@code items} or, in their place, a plain {@code orderAmount}. */
public final class CartRequests {

    public static final int MAX_ITEMS = 500;
    public static final int MAX_COUPONS = 20;
    private static final int MAX_QUANTITY = 1_000_000;
    private static final int MAX_NAME = 64;

    private CartRequests() {
    }

    /** Exactly one of {@code items} and {@code orderAmount}; the cart must come to more than zero. */
    public static Cart cart(StrictJson body) {
        boolean items = body.has("items");
        if (items == body.has("orderAmount")) {
            throw ApiException.badRequest("give either items or orderAmount");
        }
        if (!items) {
            BigDecimal amount = body.money("orderAmount");
            if (amount.signum() <= 0) {
                throw ApiException.badRequest("orderAmount must be positive");
            }
            return Cart.ofAmount(amount);
        }
        List<OrderItem> lines = new ArrayList<>();
        for (StrictJson item : body.objects("items", 1, MAX_ITEMS)) {
            String category = item.has("category") ? name(item, "category") : null;
            lines.add(new OrderItem(name(item, "sku"), category, item.money("unitPrice"),
                    item.intAtLeast("quantity", 1)));
            if (lines.get(lines.size() - 1).quantity() > MAX_QUANTITY) {
                throw ApiException.badRequest("quantity must be at most " + MAX_QUANTITY);
            }
        }
        Cart cart = Cart.ofItems(lines);
        if (cart.total().signum() <= 0) {
            throw ApiException.badRequest("the items must come to more than zero");
        }
        if (cart.total().compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw ApiException.badRequest("the items come to too large an amount");
        }
        return cart;
    }

    /** {@code couponIds}: 1 to {@value #MAX_COUPONS} distinct coupon ids. */
    public static List<String> couponIds(StrictJson body) {
        List<String> ids = body.strings("couponIds", 1, MAX_COUPONS, MAX_NAME);
        for (String id : ids) {
            PathParams.clientId("couponIds", id);
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.badRequest("couponIds must not repeat a coupon");
        }
        return ids;
    }

    private static String name(StrictJson item, String field) {
        String value = item.text(field);
        if (value.isEmpty() || value.length() > MAX_NAME) {
            throw ApiException.badRequest(field + " must be 1 to " + MAX_NAME + " characters");
        }
        return value;
    }
}
