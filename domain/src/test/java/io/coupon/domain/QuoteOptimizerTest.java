package io.coupon.domain;

import static io.coupon.domain.Coupons.AT;
import static io.coupon.domain.Coupons.EXPIRES;
import static io.coupon.domain.Coupons.amount;
import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.expiring;
import static io.coupon.domain.Coupons.money;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.stackable;
import static io.coupon.domain.Coupons.threshold;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuoteOptimizerTest {

    private static final List<String> SKUS = List.of("A", "B", "C", "D");
    private static final List<String> CATEGORIES = List.of("x", "y", "z");

    @Test
    void picksTheCombinationThatTakesTheMost() {
        WalletCoupon exclusive = cash("1-1", "25.00");
        WalletCoupon a = stackable(cash("2-1", "15.00"), "a");
        WalletCoupon b = stackable(percent("3-1", "0.90", null), "b");

        CartQuote quote = QuoteOptimizer.best(amount("100.00"), List.of(exclusive, a, b));

        // stacked: 15 off, then 10% of 85 = 8.50 → 23.50 < 25.00 alone
        assertEquals(List.of("1-1"), quote.couponIds());
        assertEquals(money("25.00"), quote.discountAmount());
        assertEquals(money("75.00"), quote.payAmount());
    }

    @Test
    void tiesGoToFewerCoupons() {
        WalletCoupon all = stackable(cash("1-1", "100.00"), "a");
        WalletCoupon half = stackable(cash("2-1", "60.00"), "b");
        WalletCoupon rest = stackable(cash("3-1", "40.00"), "c");

        CartQuote quote = QuoteOptimizer.best(amount("100.00"), List.of(half, rest, all));

        assertEquals(List.of("1-1"), quote.couponIds());
    }

    @Test
    void thenToTheCombinationWhoseEarliestCouponExpiresFirst() {
        WalletCoupon later = expiring(cash("1-1", "10.00"), EXPIRES.plus(Duration.ofDays(2)));
        WalletCoupon sooner = expiring(cash("2-1", "10.00"), EXPIRES.plus(Duration.ofDays(1)));

        CartQuote quote = QuoteOptimizer.best(amount("100.00"), List.of(later, sooner));

        assertEquals(List.of("2-1"), quote.couponIds());
    }

    @Test
    void noUsableCouponTakesNothing() {
        CartQuote quote = QuoteOptimizer.best(amount("50.00"), List.of());

        assertEquals(List.of(), quote.coupons());
        assertEquals(money("0.00"), quote.discountAmount());
        assertEquals(money("50.00"), quote.payAmount());
    }

    @Test
    void onlyUsableCouponsOfTheWalletAreConsidered() {
        WalletCoupon used = cash("1-1", "50.00").lock("O-9", AT.plusSeconds(600)).use(AT);
        WalletCoupon tooHigh = threshold("2-1", "40.00", "500.00");
        WalletCoupon fine = cash("3-1", "5.00");

        CartQuote quote = QuoteOptimizer.best(new Wallet(List.of(used, tooHigh, fine)), amount("100.00"), AT);

        assertEquals(List.of("3-1"), quote.couponIds());
    }

    @Test
    void optimalQuoteEqualsBruteForceOnAThousandRandomWallets() {
        Random random = new Random(20261111);
        for (int round = 0; round < 1_000; round++) {
            Cart cart = randomCart(random);
            assertOptimal(cart, randomWallet(random, 1 + random.nextInt(9)), round);
        }
    }

    @Test
    void optimalQuoteEqualsBruteForceOnWholeOrderWalletsOfManyGroups() {
        // no scope at all: where dominated fixed amounts are dropped and the relaxed bound cuts the most
        Random random = new Random(20261125);
        for (int round = 0; round < 400; round++) {
            Cart cart = Cart.ofAmount(randomMoney(random, 20, 400));
            assertOptimal(cart, wholeOrderWallet(random, 6 + random.nextInt(7)), round);
        }
    }

    @Test
    void optimalQuoteEqualsBruteForceWhenTheOrderIsCoveredManyWaysOver() {
        // small orders, many fixed amounts: the whole order comes off in many ways, the tie-breaks decide
        Random random = new Random(11251);
        for (int round = 0; round < 300; round++) {
            Cart cart = Cart.ofAmount(randomMoney(random, 30, 120));
            List<WalletCoupon> wallet = new ArrayList<>();
            for (int i = 0; i < 10 + random.nextInt(3); i++) {
                String id = (1 + i) + "-" + (1 + random.nextInt(30));
                WalletCoupon c = random.nextInt(4) == 0
                        ? percent(id, "0." + (50 + 5 * random.nextInt(9)), null)
                        : cash(id, (5 * (1 + random.nextInt(8))) + ".00");
                wallet.add(expiring(stackable(c, "g" + random.nextInt(8)),
                        EXPIRES.plus(Duration.ofHours(random.nextInt(48)))));
            }
            assertOptimal(cart, wallet, round);
        }
    }

    /**
     * The quote of the wallet's usable coupons equals brute force, as searched normally and with everything a hard
     * wallet gets (greedy start, tabulated bounds, tie cuts) from the first node.
     */
    private static void assertOptimal(Cart cart, List<WalletCoupon> wallet, int round) {
        List<WalletCoupon> usable = new ArrayList<>();
        for (WalletCoupon c : wallet) {
            if (CouponCheck.reason(c, cart, AT) == null) {
                usable.add(c);
            }
        }
        CartQuote expected = bruteForce(cart, usable);
        assertEquals(expected, QuoteOptimizer.best(cart, usable), "round " + round + ": " + usable + " on " + cart);
        assertEquals(expected, QuoteOptimizer.best(cart, usable, 1), "hard from the start, round " + round);
    }

    @Test
    void quotesAWalletOfTwoHundredCouponsWithTheBestOfTheirTemplates() {
        // How fast is measured by `coupon-bench.jar quote` (docs/BENCHMARKS.md); tests never time anything.
        Random random = new Random(7);
        Wallet wallet = new Wallet(walletOfTemplates(random, 200, 40));
        Cart cart = randomCart(random);
        CartQuote quote = QuoteOptimizer.best(wallet, cart, AT);
        assertTrue(quote.payAmount().signum() >= 0, "never more off than the order: " + quote);
    }

    /**
     * A wallet as users hold them: {@code size} coupons of {@code templates} templates (coupons of one template
     * share its terms), expiring on various days.
     */
    private static List<WalletCoupon> walletOfTemplates(Random random, int size, int templates) {
        List<WalletCoupon> kinds = randomWallet(random, templates);
        List<WalletCoupon> wallet = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            WalletCoupon kind = kinds.get(random.nextInt(kinds.size()));
            String id = kind.templateId() + "-" + (1000 + i);
            wallet.add(expiring(new WalletCoupon(id, kind.templateId(), kind.type(), kind.discount(),
                    kind.threshold(), kind.maxDiscount(), kind.status(), kind.acquiredAt(), kind.expiresAt(), null,
                    null, null, 1, null, kind.scope(), kind.stacking(), kind.stackGroup()),
                    EXPIRES.plus(Duration.ofHours(random.nextInt(100)))));
        }
        return wallet;
    }

    // --- the reference: every subset, judged by the same rules

    private static CartQuote bruteForce(Cart cart, List<WalletCoupon> usable) {
        CartQuote best = CartQuote.none(cart);
        for (int mask = 1; mask < (1 << usable.size()); mask++) {
            List<WalletCoupon> subset = new ArrayList<>();
            for (int i = 0; i < usable.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(usable.get(i));
                }
            }
            if (StackedDiscounts.combinable(subset)) {
                CartQuote quote = StackedDiscounts.apply(cart, subset);
                if (QuoteOptimizer.BETTER_FIRST.compare(quote, best) < 0) {
                    best = quote;
                }
            }
        }
        return best;
    }

    private static Cart randomCart(Random random) {
        if (random.nextInt(4) == 0) {
            return Cart.ofAmount(randomMoney(random, 1, 400));
        }
        List<OrderItem> items = new ArrayList<>();
        int lines = 1 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            items.add(new OrderItem(pick(random, SKUS), pick(random, CATEGORIES), randomMoney(random, 0, 150),
                    1 + random.nextInt(3)));
        }
        return Cart.ofItems(items);
    }

    /** Small value ranges on purpose, so ties (and the tie-breaks) happen often. */
    private static List<WalletCoupon> randomWallet(Random random, int size) {
        List<WalletCoupon> wallet = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = (1 + i) + "-" + (1 + random.nextInt(30));
            WalletCoupon c = switch (random.nextInt(3)) {
                case 0 -> cash(id, (5 * (1 + random.nextInt(8))) + ".00");
                case 1 -> threshold(id, (5 * (1 + random.nextInt(8))) + ".00", (50 * random.nextInt(5)) + ".00");
                default -> percent(id, "0." + (50 + 5 * random.nextInt(10)),
                        random.nextBoolean() ? null : (10 * (1 + random.nextInt(4))) + ".00");
            };
            if (random.nextInt(3) == 0) {
                c = Coupons.scoped(c, random.nextBoolean()
                        ? new Scope(List.of(pick(random, SKUS)), List.of())
                        : new Scope(List.of(), List.of(pick(random, CATEGORIES))));
            }
            if (random.nextInt(4) != 0) {
                c = stackable(c, "g" + random.nextInt(4));
            }
            wallet.add(expiring(c, EXPIRES.plus(Duration.ofDays(random.nextInt(3)))));
        }
        return wallet;
    }

    /** Stackable whole-order coupons over six groups, in small value ranges so ties happen. */
    private static List<WalletCoupon> wholeOrderWallet(Random random, int size) {
        List<WalletCoupon> wallet = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = (1 + i) + "-" + (1 + random.nextInt(30));
            WalletCoupon c = switch (random.nextInt(3)) {
                case 0 -> cash(id, (5 * (1 + random.nextInt(10))) + ".00");
                case 1 -> threshold(id, (5 * (1 + random.nextInt(10))) + ".00", (50 * random.nextInt(4)) + ".00");
                default -> percent(id, "0." + (50 + 3 * random.nextInt(16)),
                        random.nextInt(3) == 0 ? (10 * (1 + random.nextInt(6))) + ".00" : null);
            };
            c = random.nextInt(6) == 0 ? c : stackable(c, "g" + random.nextInt(6));
            wallet.add(expiring(c, EXPIRES.plus(Duration.ofHours(random.nextInt(72)))));
        }
        return wallet;
    }

    private static BigDecimal randomMoney(Random random, int min, int max) {
        return BigDecimal.valueOf(min * 100L + random.nextInt((max - min) * 100 + 1), 2);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
