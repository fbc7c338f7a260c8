package io.coupon.domain;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The contract's order of preference between two combinations of coupons, better first: the one that takes the
 * most off; on a tie, fewer coupons; then the one whose earliest-expiring coupon expires first. Beyond the
 * contract, further ties compare the next expiries, then coupon ids ({@link CartQuote#expiryKey}), so the answer is
 * one and the same every time. Written once for the priced answer ({@link QuoteOptimizer#BETTER_FIRST}, in
 * BigDecimal) and the quote search (in cents), which must agree on it.
 */
final class Preference {

    private Preference() {
    }

    /**
     * The order over whatever describes a combination: what it takes off, how many coupons it holds, and their
     * expiry keys, sorted.
     */
    static <T, M extends Comparable<? super M>> Comparator<T> betterFirst(Function<? super T, M> off,
            ToIntFunction<? super T> size, Function<? super T, List<String>> sortedExpiryKeys) {
        return Comparator.<T, M>comparing(off, Comparator.reverseOrder())
                .thenComparingInt(size)
                .thenComparing(sortedExpiryKeys, Preference::byExpiry);
    }

    /**
     * The order's last key alone, for the search's cuts that know two combinations tie on the others: sorted
     * expiry keys compared one by one, earlier first.
     */
    static int byExpiry(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int cmp = a.get(i).compareTo(b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
