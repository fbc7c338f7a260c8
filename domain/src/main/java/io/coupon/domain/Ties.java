package io.coupon.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What settles a branch that can at best tie, per group g: how much its coupons can still add with m more coupons,
 * and the earliest expiries they can still bring.
 *
 * @param topAlone     topAlone[g][m]: the m largest standalone takes of groups from g on, one per group, summed
 * @param earliestKeys earliestKeys[g]: each group's earliest expiry key, of the groups from g on, sorted
 */
record Ties(long[][] topAlone, String[][] earliestKeys) {

    static Ties of(List<PricedCoupon[]> groups) {
        int n = groups.size();
        long[][] topAlone = new long[n + 1][];
        String[][] earliestKeys = new String[n + 1][];
        for (int g = 0; g <= n; g++) {
            long[] alones = new long[n - g];
            String[] keys = new String[n - g];
            for (int h = g; h < n; h++) {
                alones[h - g] = groups.get(h)[0].alone();
                keys[h - g] = Arrays.stream(groups.get(h)).map(PricedCoupon::expiryKey).min(String::compareTo)
                        .orElseThrow();
            }
            Arrays.sort(alones);
            Arrays.sort(keys);
            topAlone[g] = new long[n - g + 1];
            for (int m = 1; m <= n - g; m++) {
                topAlone[g][m] = topAlone[g][m - 1] + alones[n - g - m];
            }
            earliestKeys[g] = keys;
        }
        return new Ties(topAlone, earliestKeys);
    }
}
