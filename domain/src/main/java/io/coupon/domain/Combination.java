package io.coupon.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A combination the quote search has priced, with what {@link Preference} ranks it by.
 *
 * @param coupons    in application order
 * @param expiryKeys the coupons', sorted
 */
record Combination(long off, PricedCoupon[] coupons, List<String> expiryKeys) {

    /** No coupon at all: what the search has to beat. */
    static final Combination NONE = new Combination(0, new PricedCoupon[0], List.of());

    static final Comparator<Combination> BETTER_FIRST =
            Preference.betterFirst(Combination::off, Combination::size, Combination::expiryKeys);

    static Combination of(long off, PricedCoupon[] coupons) {
        String[] keys = new String[coupons.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = coupons[i].expiryKey();
        }
        Arrays.sort(keys);
        return new Combination(off, coupons, List.of(keys));
    }

    int size() {
        return coupons.length;
    }

    /**
     * Whether it beats every combination of at least {@code size} coupons that takes at most {@code most}: on
     * {@link Preference}'s first two keys, so whatever their expiries.
     */
    boolean beatsAll(long most, int size) {
        return most < off || (most == off && size > coupons.length);
    }

    List<WalletCoupon> walletCoupons() {
        return Arrays.stream(coupons).map(PricedCoupon::coupon).toList();
    }
}
