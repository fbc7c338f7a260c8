package io.coupon.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several coupons on one cart, in the contract's order: fixed amounts ({@code CASH}, {@code THRESHOLD}) largest
 * first, then {@code DISCOUNT}s smallest factor first ({@link #APPLICATION_ORDER}), each on what is left.
 *
 * <p>"What is left" for a coupon is its in-scope subtotal less what the coupons before it took off lines it shares
 * with them (for whole-order coupons: the order less everything taken so far), and never more than what is left of
 * the whole order. So each coupon takes at most its subtotal, the total never exceeds the order, and nobody pays
 * below zero. Thresholds were judged before, on the in-scope subtotal ({@link CouponCheck}).
 */
public final class StackedDiscounts {

    /**
     * The contract's order; among equal amounts (or factors), scoped coupons first (they work on their own lines
     * before whole-order ones take from everything), then by their terms, and only coupons with identical terms by
     * id, so two coupons with the same terms are interchangeable in any combination.
     */
    public static final Comparator<WalletCoupon> APPLICATION_ORDER = Comparator
            .comparing((WalletCoupon c) -> c.terms().fixedAmount() ? 0 : 1)
            .thenComparing((WalletCoupon c) -> c.terms().fixedAmount() ? c.discount().negate() : c.discount())
            .thenComparing((WalletCoupon c) -> c.terms().scoped() ? 0 : 1)
            .thenComparing((WalletCoupon c) -> c.terms().toString())
            .thenComparing(WalletCoupon::couponId);

    private StackedDiscounts() {
    }

    /**
     * Whether the coupons may be used together: one alone always; several only if all are STACKABLE, of distinct
     * stack groups, and distinct coupons.
     */
    public static boolean combinable(Collection<WalletCoupon> coupons) {
        if (coupons.size() <= 1) {
            return true;
        }
        Set<String> groups = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (WalletCoupon c : coupons) {
            if (!c.terms().stackable() || !groups.add(c.stackGroup()) || !ids.add(c.couponId())) {
                return false;
            }
        }
        return true;
    }

    /** What {@code coupons} (each applicable to the cart, together combinable) take off it, in application order. */
    public static CartQuote apply(Cart cart, Collection<WalletCoupon> coupons) {
        List<WalletCoupon> ordered = new ArrayList<>(coupons);
        ordered.sort(APPLICATION_ORDER);
        PricedCoupon[] priced = new PricedCoupon[ordered.size()];
        for (int i = 0; i < priced.length; i++) {
            priced[i] = PricedCoupon.of(ordered.get(i), i, cart); // ranked as sorted: the stack keeps this order
        }
        long total = Discounts.cents(cart.total());
        CentStack stack = new CentStack(total, priced.length);
        long off = stack.price(priced, priced.length);
        List<CouponDiscount> takes = new ArrayList<>(priced.length);
        List<String> expiryKeys = new ArrayList<>(priced.length);
        for (int i = 0; i < priced.length; i++) {
            takes.add(new CouponDiscount(priced[i].coupon().couponId(), Discounts.fromCents(stack.take(i))));
            expiryKeys.add(priced[i].expiryKey());
        }
        return new CartQuote(takes, Discounts.fromCents(off), Discounts.fromCents(total - off), expiryKeys);
    }
}
