package io.coupon.domain;

import java.util.Arrays;

/**
 * Coupons stacked on one cart, priced in whole cents by the rule {@link StackedDiscounts} states: in application
 * order, each on what is left. The one pricing of {@link StackedDiscounts#apply} and of every node of the quote
 * search, which is why it reuses its buffers rather than answering with new lists.
 */
final class CentStack {

    private final long total;
    private final PricedCoupon[] ordered;
    private final long[] takes;

    /** @param most the most coupons it will price at once */
    CentStack(long total, int most) {
        this.total = total;
        this.ordered = new PricedCoupon[most];
        this.takes = new long[most];
    }

    /** What the first {@code size} of {@code coupons}, in any order, take off together. */
    long price(PricedCoupon[] coupons, int size) {
        for (int i = 0; i < size; i++) { // insertion by application rank: a handful of coupons
            PricedCoupon next = coupons[i];
            int at = i;
            while (at > 0 && ordered[at - 1].rank() > next.rank()) {
                ordered[at] = ordered[at - 1];
                at--;
            }
            ordered[at] = next;
        }
        long left = total;
        for (int i = 0; i < size; i++) {
            PricedCoupon c = ordered[i];
            long base = c.subtotal();
            for (int j = 0; j < i; j++) {
                if (ordered[j].overlaps(c)) {
                    base -= takes[j];
                }
            }
            base = Math.max(0, Math.min(base, left));
            takes[i] = c.take(base);
            left -= takes[i];
        }
        return total - left;
    }

    /** The coupons last priced, in application order. */
    PricedCoupon[] ordered(int size) {
        return Arrays.copyOf(ordered, size);
    }

    /** What the {@code i}-th of them in application order took. */
    long take(int i) {
        return takes[i];
    }
}
