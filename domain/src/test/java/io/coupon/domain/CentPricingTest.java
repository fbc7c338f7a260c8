package io.coupon.domain;

import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.scoped;
import static io.coupon.domain.Coupons.stackable;
import static io.coupon.domain.Coupons.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prices in whole cents ({@link CentRule}, {@link CentStack}) against the contract's rules written plainly in
 * BigDecimal, as they stood before the quote search and the answers shared one pricing: the quote search's brute
 * force now runs on that same pricing, so this is where it meets a reference of its own.
 */
class CentPricingTest {

    @Test
    void aCouponTakesWhatTheContractSaysOnAnyBase() {
        Random random = new Random(20261204);
        for (int round = 0; round < 20_000; round++) {
            CouponTerms terms = switch (random.nextInt(3)) {
                case 0 -> new CouponTerms(CouponType.CASH, decimal(random, 10_000_000, 3), null, null);
                case 1 -> new CouponTerms(CouponType.DISCOUNT, factor(random), null, null);
                default -> new CouponTerms(CouponType.DISCOUNT, factor(random), null, decimal(random, 1_000_000, 3));
            };
            // now and then up to 10^16, where base × factor no longer fits a long of cents
            BigDecimal base = random.nextInt(10) == 0
                    ? decimal(random, 1_000_000_000_000_000_000L, 2)
                    : decimal(random, 100_000_000, 3);
            assertEquals(referenceOff(terms, base), Discounts.off(terms, base), terms + " on " + base);
        }
    }

    @Test
    void stackedCouponsTakeWhatTheContractSaysOnAnyCart() {
        Random random = new Random(1204);
        List<String> skus = List.of("A", "B", "C");
        for (int round = 0; round < 3_000; round++) {
            List<OrderItem> items = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(4); i++) {
                items.add(new OrderItem(skus.get(random.nextInt(3)), null, decimal(random, 20_000, 2),
                        1 + random.nextInt(3)));
            }
            Cart cart = random.nextInt(5) == 0 ? Cart.ofAmount(decimal(random, 50_000, 2)) : Cart.ofItems(items);
            List<WalletCoupon> coupons = new ArrayList<>();
            for (int i = 0; i <= random.nextInt(5); i++) {
                String id = (i + 1) + "-1";
                WalletCoupon c = switch (random.nextInt(3)) {
                    case 0 -> cash(id, (1 + random.nextInt(60)) + ".00");
                    case 1 -> threshold(id, (1 + random.nextInt(60)) + ".50", "0.00");
                    default -> percent(id, "0." + (10 + random.nextInt(90)), random.nextBoolean() ? null : "9.99");
                };
                if (cart.items() != null && random.nextBoolean()) {
                    c = scoped(c, new Scope(List.of(skus.get(random.nextInt(3))), List.of()));
                }
                coupons.add(stackable(c, "g" + i));
            }
            assertEquals(referenceStack(cart, coupons), StackedDiscounts.apply(cart, coupons),
                    coupons + " on " + cart);
        }
    }

    /** Discounts.off as BigDecimals. */
    private static BigDecimal referenceOff(CouponTerms terms, BigDecimal base) {
        BigDecimal amount = Discounts.money(base);
        BigDecimal off = terms.discount();
        if (terms.type() == CouponType.DISCOUNT) {
            off = amount.subtract(Discounts.money(amount.multiply(terms.discount())));
            if (terms.maxDiscount() != null && off.compareTo(terms.maxDiscount()) > 0) {
                off = terms.maxDiscount();
            }
        }
        return Discounts.money(off.min(amount));
    }

    /** StackedDiscounts.apply as BigDecimals. */
    private static CartQuote referenceStack(Cart cart, List<WalletCoupon> coupons) {
        List<WalletCoupon> ordered = new ArrayList<>(coupons);
        ordered.sort(StackedDiscounts.APPLICATION_ORDER);
        BigDecimal left = cart.total();
        List<CouponDiscount> takes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (WalletCoupon coupon : ordered) {
            BigDecimal base = cart.subtotal(coupon.scope()).orElse(BigDecimal.ZERO);
            for (int j = 0; j < takes.size(); j++) {
                if (shareALine(cart, ordered.get(j).scope(), coupon.scope())) {
                    base = base.subtract(takes.get(j).discountAmount());
                }
            }
            BigDecimal take = referenceOff(coupon.terms(), base.min(left).max(BigDecimal.ZERO));
            left = left.subtract(take);
            takes.add(new CouponDiscount(coupon.couponId(), take));
            keys.add(CartQuote.expiryKey(coupon.expiresAt(), coupon.couponId()));
        }
        return new CartQuote(takes, Discounts.money(cart.total().subtract(left)), Discounts.money(left), keys);
    }

    private static boolean shareALine(Cart cart, Scope a, Scope b) {
        return a == null || b == null || cart.items() == null
                || cart.items().stream().anyMatch(item -> a.covers(item) && b.covers(item));
    }

    /** A factor paid, sometimes with more decimals than longs of cents can multiply exactly. */
    private static BigDecimal factor(Random random) {
        int scale = 1 + random.nextInt(12);
        return decimal(random, BigDecimal.TEN.pow(scale).longValueExact(), scale);
    }

    /** Below {@code most} units of 10^-scale: with a scale of 3, more decimals than money has. */
    private static BigDecimal decimal(Random random, long most, int scale) {
        return BigDecimal.valueOf(Math.floorMod(random.nextLong(), most), scale);
    }
}
