package io.coupon.bench;

import io.coupon.domain.Cart;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.QuoteOptimizer;
import io.coupon.domain.Stacking;
import io.coupon.domain.Wallet;
import io.coupon.domain.WalletCoupon;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * {@code coupon-bench.jar quote [--coupons 200] [--templates 40] [--groups 8] [--quotes 5000]}: how long the optimal
 * quote takes on wallets of {@code coupons} coupons drawn from {@code templates} templates (coupons of one template
 * share their terms), mixed types, half of them stackable in {@code groups} stack groups. {@code --templates} equal to
 * {@code --coupons} is the adversarial case: nothing to collapse. Timing lives here, not in the tests, which never
 * assert on wall-clock speed.
 */
final class QuoteBench {

    static final String USAGE = "usage: java -jar coupon-bench.jar quote [--coupons 200] [--templates 40]"
            + " [--groups 8] [--quotes 5000]";
    private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

    private QuoteBench() {
    }

    static int run(String[] args, PrintStream out) {
        int coupons = 200;
        int quotes = 5_000;
        int templates = 40;
        int groups = 8;
        for (Map.Entry<String, String> option : BenchOptions.pairs(args, 0).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--coupons" -> coupons = Math.toIntExact(BenchOptions.number(name, value));
                case "--quotes" -> quotes = Math.toIntExact(BenchOptions.number(name, value));
                case "--templates" -> templates = Math.toIntExact(BenchOptions.number(name, value));
                case "--groups" -> groups = Math.toIntExact(BenchOptions.number(name, value));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        Random random = new Random(11);
        List<Wallet> wallets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            wallets.add(wallet(random, coupons, templates, groups));
        }
        Cart cart = Cart.ofAmount(new BigDecimal("520.00"));
        for (int i = 0; i < quotes; i++) { // warm-up: the JIT, not the measurement
            QuoteOptimizer.best(wallets.get(i % wallets.size()), cart, NOW);
        }
        Histogram micros = new Histogram(3);
        for (int i = 0; i < quotes; i++) {
            long start = System.nanoTime();
            QuoteOptimizer.best(wallets.get(i % wallets.size()), cart, NOW);
            micros.recordValue((System.nanoTime() - start) / 1_000);
        }
        out.printf("quote over %d coupons of %d templates in %d stack groups, %d quotes: P50 %d µs, P99 %d µs,"
                + " max %d µs%n", coupons, templates, groups, quotes, micros.getValueAtPercentile(50),
                micros.getValueAtPercentile(99),
                micros.getMaxValue());
        return 0;
    }

    private static Wallet wallet(Random random, int size, int templates, int groups) {
        List<WalletCoupon> kinds = new ArrayList<>();
        for (int i = 0; i < templates; i++) {
            long template = 1_000 + i;
            CouponType type = CouponType.values()[random.nextInt(CouponType.values().length)];
            BigDecimal discount = type == CouponType.DISCOUNT
                    ? BigDecimal.valueOf(50 + random.nextInt(49), 2)
                    : BigDecimal.valueOf(100 + random.nextInt(5_000), 2);
            BigDecimal threshold = type == CouponType.THRESHOLD ? BigDecimal.valueOf(random.nextInt(600)) : null;
            boolean stackable = random.nextBoolean();
            kinds.add(new WalletCoupon(template + "-0", template, type, discount, threshold, null,
                    CouponStatus.UNUSED, NOW.minusSeconds(60), NOW.plus(Duration.ofHours(1)),
                    null, null, null, 1, null, null, stackable ? Stacking.STACKABLE : Stacking.EXCLUSIVE,
                    stackable ? "g" + random.nextInt(groups) : null));
        }
        List<WalletCoupon> coupons = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            WalletCoupon kind = kinds.get(i < templates ? i : random.nextInt(templates));
            coupons.add(new WalletCoupon(kind.templateId() + "-" + (i + 1), kind.templateId(), kind.type(),
                    kind.discount(), kind.threshold(), null, CouponStatus.UNUSED, NOW.minusSeconds(60),
                    NOW.plus(Duration.ofHours(1 + random.nextInt(500))), null, null, null, 1, null, null,
                    kind.stacking(), kind.stackGroup()));
        }
        return new Wallet(coupons);
    }
}
