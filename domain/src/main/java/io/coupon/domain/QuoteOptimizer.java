package io.coupon.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combination of a user's usable coupons that takes the most off a cart, by the contract's order of
 * {@link Preference}: ties go to fewer coupons, then to the combination whose earliest-expiring coupon expires
 * first.
 *
 * <p>An exclusive coupon is tried alone; stackable ones are searched by {@link QuoteSearch}, in whole cents
 * ({@link CentStack}, the pricing {@link StackedDiscounts} uses too, which prices the answer). Before the search,
 * two prunings that keep the answer exact:
 * <ul>
 *   <li>coupons with identical terms (so of one group) are interchangeable, so only the one a tie-break prefers
 *       is kept, and a coupon that takes nothing on its own is dropped (it could only add a coupon to a tie);</li>
 *   <li>when no coupon is scoped, a fixed-amount coupon of a group is dropped if another of the group takes at
 *       least as much and expires first: the fixed amounts come off the order before any factor applies, so
 *       swapping it in never leaves more to pay, and on a tie its earlier expiry wins.</li>
 * </ul>
 * The property test checks the search against brute force on random wallets with scopes, caps and ties.
 */
public final class QuoteOptimizer {

    /** Better first: the contract's order of preference between two combinations. */
    public static final Comparator<CartQuote> BETTER_FIRST =
            Preference.betterFirst(CartQuote::discountAmount, q -> q.coupons().size(), CartQuote::expiryKeys);

    private QuoteOptimizer() {
    }

    /** The coupons of the wallet usable on the cart at {@code now}, as they are then. */
    public static List<WalletCoupon> usable(Wallet wallet, Cart cart, Instant now) {
        List<WalletCoupon> usable = new ArrayList<>();
        for (WalletCoupon stored : wallet.coupons()) {
            WalletCoupon seen = stored.seenAt(now);
            if (CouponCheck.reason(seen, cart, now) == null) {
                usable.add(seen);
            }
        }
        return usable;
    }

    public static CartQuote best(Wallet wallet, Cart cart, Instant now) {
        return best(cart, usable(wallet, cart, now));
    }

    /** The best combination of {@code usable} (each applicable to the cart); no coupon at all when none helps. */
    public static CartQuote best(Cart cart, List<WalletCoupon> usable) {
        return best(cart, usable, QuoteSearch.HARD_AFTER_NODES);
    }

    /** As {@link #best(Cart, List)}, treating the wallet as hard after {@code hardAfterNodes}: tests use 1. */
    static CartQuote best(Cart cart, List<WalletCoupon> usable, long hardAfterNodes) {
        Map<CouponTerms, WalletCoupon> keepers = new HashMap<>();
        for (WalletCoupon coupon : usable) {
            keepers.merge(coupon.terms(), coupon, QuoteOptimizer::keeper);
        }
        List<WalletCoupon> byApplication = new ArrayList<>(keepers.values());
        byApplication.sort(StackedDiscounts.APPLICATION_ORDER);
        List<PricedCoupon> exclusive = new ArrayList<>();
        Map<String, List<PricedCoupon>> groups = new LinkedHashMap<>();
        for (int rank = 0; rank < byApplication.size(); rank++) {
            PricedCoupon coupon = PricedCoupon.of(byApplication.get(rank), rank, cart);
            if (coupon.alone() == 0) {
                continue;
            }
            if (coupon.coupon().terms().stackable()) {
                groups.computeIfAbsent(coupon.coupon().stackGroup(), g -> new ArrayList<>()).add(coupon);
            } else {
                exclusive.add(coupon);
            }
        }
        QuoteSearch search = new QuoteSearch(Discounts.cents(cart.total()), bestFirst(groups.values()),
                hardAfterNodes);
        exclusive.forEach(search::offer);
        Combination best = search.run();
        return best.size() == 0 ? CartQuote.none(cart) : StackedDiscounts.apply(cart, best.walletCoupons());
    }

    /** The groups as the search visits them: best coupon first in a group, best group first. */
    private static List<PricedCoupon[]> bestFirst(Collection<List<PricedCoupon>> groups) {
        boolean anyScoped = groups.stream().flatMap(List::stream).anyMatch(c -> !c.whole());
        List<PricedCoupon[]> ordered = new ArrayList<>();
        for (List<PricedCoupon> group : groups) {
            PricedCoupon[] coupons = (anyScoped ? group : withoutDominatedFixedAmounts(group))
                    .toArray(PricedCoupon[]::new);
            Arrays.sort(coupons, Comparator.comparingLong((PricedCoupon c) -> -c.alone())
                    .thenComparing(PricedCoupon::expiryKey));
            ordered.add(coupons);
        }
        ordered.sort(Comparator.comparingLong((PricedCoupon[] g) -> -g[0].alone()));
        return ordered;
    }

    /**
     * The group without whole-order fixed amounts another fixed amount of the group beats: at least as much off and
     * an earlier expiry key. Only sound when no coupon of the quote is scoped (a scoped fixed amount applied after a
     * larger whole-order one works on a smaller base).
     */
    private static List<PricedCoupon> withoutDominatedFixedAmounts(List<PricedCoupon> group) {
        List<PricedCoupon> kept = new ArrayList<>(group.size());
        for (PricedCoupon coupon : group) {
            boolean dominated = false;
            if (coupon.fixed()) {
                for (PricedCoupon other : group) {
                    if (other != coupon && other.fixed() && other.amount() >= coupon.amount()
                            && other.expiryKey().compareTo(coupon.expiryKey()) < 0) {
                        dominated = true;
                        break;
                    }
                }
            }
            if (!dominated) {
                kept.add(coupon);
            }
        }
        return kept;
    }

    /**
     * Of two coupons with the same terms (so of one group, and interchangeable in any combination), the one a
     * tie-break prefers: swapping it in for the other never makes a combination's sorted expiry keys larger.
     */
    private static WalletCoupon keeper(WalletCoupon a, WalletCoupon b) {
        int byExpiry = a.expiresAt().compareTo(b.expiresAt());
        if (byExpiry != 0) {
            return byExpiry < 0 ? a : b;
        }
        return a.couponId().compareTo(b.couponId()) <= 0 ? a : b;
    }
}
