package io.coupon.domain;

import static io.coupon.domain.Coupons.EXPIRES;
import static io.coupon.domain.Coupons.amount;
import static io.coupon.domain.Coupons.cash;
import static io.coupon.domain.Coupons.expiring;
import static io.coupon.domain.Coupons.percent;
import static io.coupon.domain.Coupons.stackable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PreferenceTest {

    private record Option(int off, int size, List<String> keys) {
    }

    private static final Comparator<Option> BETTER_FIRST =
            Preference.betterFirst(Option::off, Option::size, Option::keys);

    @Test
    void moreOffComesFirstWhateverTheCouponsAndTheirExpiries() {
        assertTrue(BETTER_FIRST.compare(new Option(10, 3, List.of("b", "c", "d")), new Option(9, 1, List.of("a"))) < 0);
    }

    @Test
    void asMuchOffWithFewerCouponsComesFirst() {
        assertTrue(BETTER_FIRST.compare(new Option(10, 1, List.of("z")), new Option(10, 2, List.of("a", "b"))) < 0);
    }

    @Test
    void thenTheEarliestExpiryThenTheNext() {
        Option az = new Option(10, 2, List.of("a", "z"));
        Option ab = new Option(10, 2, List.of("a", "b"));
        Option bc = new Option(10, 2, List.of("b", "c"));

        assertTrue(BETTER_FIRST.compare(az, bc) < 0);
        assertTrue(BETTER_FIRST.compare(ab, az) < 0);
        assertEquals(0, BETTER_FIRST.compare(ab, new Option(10, 2, List.of("a", "b"))));
    }

    /** The priced answer (in BigDecimal) and the quote search (in cents) rank every pair of combinations alike. */
    @Test
    void theAnswerAndTheSearchRankCombinationsAlike() {
        Random random = new Random(20261204);
        Cart cart = amount("60.00");
        for (int round = 0; round < 2_000; round++) {
            List<WalletCoupon> a = combination(random);
            List<WalletCoupon> b = combination(random);
            int byAnswer = QuoteOptimizer.BETTER_FIRST.compare(StackedDiscounts.apply(cart, a),
                    StackedDiscounts.apply(cart, b));
            int bySearch = Combination.BETTER_FIRST.compare(searched(cart, a), searched(cart, b));
            assertEquals(Integer.signum(byAnswer), Integer.signum(bySearch), a + " against " + b);
        }
    }

    /** Up to three coupons of small amounts and few expiries, so that ties come often. */
    private static List<WalletCoupon> combination(Random random) {
        List<WalletCoupon> coupons = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
            String id = (i + 1) + "-" + (1 + random.nextInt(3));
            WalletCoupon c = random.nextBoolean() ? cash(id, (10 * (1 + random.nextInt(4))) + ".00")
                    : percent(id, "0." + (5 + random.nextInt(5)) + "0", null);
            coupons.add(expiring(stackable(c, "g" + i), EXPIRES.plus(Duration.ofDays(random.nextInt(2)))));
        }
        return coupons;
    }

    private static Combination searched(Cart cart, List<WalletCoupon> coupons) {
        List<WalletCoupon> byApplication = new ArrayList<>(coupons);
        byApplication.sort(StackedDiscounts.APPLICATION_ORDER);
        PricedCoupon[] priced = new PricedCoupon[coupons.size()];
        for (int i = 0; i < priced.length; i++) {
            priced[i] = PricedCoupon.of(byApplication.get(i), i, cart);
        }
        CentStack stack = new CentStack(Discounts.cents(cart.total()), priced.length);
        long off = stack.price(priced, priced.length);
        return Combination.of(off, stack.ordered(priced.length));
    }
}
