package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Wallet coupons and carts for the scope, stacking and quote tests, one line each. */
final class Coupons {

    static final Instant ACQUIRED = Instant.parse("2026-11-11T00:00:00Z");
    static final Instant AT = Instant.parse("2026-11-11T02:00:00Z");
    static final Instant EXPIRES = Instant.parse("2026-11-18T00:00:00Z");

    private Coupons() {
    }

    static WalletCoupon cash(String id, String amount) {
        return coupon(id, CouponType.CASH, amount, null, null, null, null, null);
    }

    static WalletCoupon threshold(String id, String amount, String threshold) {
        return coupon(id, CouponType.THRESHOLD, amount, threshold, null, null, null, null);
    }

    static WalletCoupon percent(String id, String factor, String cap) {
        return coupon(id, CouponType.DISCOUNT, factor, null, cap, null, null, null);
    }

    static WalletCoupon coupon(String id, CouponType type, String discount, String threshold, String cap, Scope scope,
                               Stacking stacking, String group) {
        return new WalletCoupon(id, templateOf(id), type, money(discount), money(threshold), money(cap),
                CouponStatus.UNUSED, ACQUIRED, EXPIRES, null, null, null, 1, null, scope, stacking, group);
    }

    /** The same coupon, stackable in {@code group}. */
    static WalletCoupon stackable(WalletCoupon c, String group) {
        return new WalletCoupon(c.couponId(), c.templateId(), c.type(), c.discount(), c.threshold(), c.maxDiscount(),
                c.status(), c.acquiredAt(), c.expiresAt(), c.orderId(), c.usedAt(), c.lockedUntil(), c.version(),
                c.variant(), c.scope(), Stacking.STACKABLE, group);
    }

    static WalletCoupon scoped(WalletCoupon c, Scope scope) {
        return new WalletCoupon(c.couponId(), c.templateId(), c.type(), c.discount(), c.threshold(), c.maxDiscount(),
                c.status(), c.acquiredAt(), c.expiresAt(), c.orderId(), c.usedAt(), c.lockedUntil(), c.version(),
                c.variant(), scope, c.stacking(), c.stackGroup());
    }

    static WalletCoupon expiring(WalletCoupon c, Instant expiresAt) {
        return new WalletCoupon(c.couponId(), c.templateId(), c.type(), c.discount(), c.threshold(), c.maxDiscount(),
                c.status(), c.acquiredAt(), expiresAt, c.orderId(), c.usedAt(), c.lockedUntil(), c.version(),
                c.variant(), c.scope(), c.stacking(), c.stackGroup());
    }

    static Scope skus(String... skus) {
        return new Scope(List.of(skus), List.of());
    }

    static Scope categories(String... categories) {
        return new Scope(List.of(), List.of(categories));
    }

    static OrderItem item(String sku, String category, String unitPrice, int quantity) {
        return new OrderItem(sku, category, money(unitPrice), quantity);
    }

    static Cart cart(OrderItem... items) {
        return Cart.ofItems(List.of(items));
    }

    static Cart amount(String amount) {
        return Cart.ofAmount(money(amount));
    }

    static BigDecimal money(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static long templateOf(String id) {
        int dash = id.indexOf('-');
        return dash > 0 ? Long.parseLong(id.substring(0, dash)) : 1;
    }
}
