package io.coupon.domain;

import java.util.List;

/**
 * The most a branch of the quote search can still take, in whole cents: a branch that cannot beat the best found
 * so far is cut. Three bounds, each tighter where the others are loose: what the chosen take plus each group's best
 * standalone take (adding a coupon never adds more than its standalone take: it only shrinks the others' bases,
 * and a take grows with its base by at most as much); the {@link RelaxedTerms} of the chosen and of every group to
 * come; and, once the search proves hard, the {@link Envelope}.
 */
final class Bounds {

    private final long total;
    private final List<PricedCoupon[]> groups;
    /** standalone[g]: the most the groups from g on can add, each by its best standalone take. */
    private final long[] standalone;
    /** Each group's loosest terms, which the envelope tabulates too. */
    private final RelaxedTerms[] loosest;
    /** from[g]: the loosest terms of the groups from g on, together. */
    private final RelaxedTerms[] from;
    private Envelope envelope;
    private Ties ties;

    /** @param groups in the order the search visits them */
    Bounds(long total, List<PricedCoupon[]> groups) {
        this.total = total;
        this.groups = groups;
        int n = groups.size();
        standalone = new long[n + 1];
        loosest = new RelaxedTerms[n];
        from = new RelaxedTerms[n + 1];
        from[n] = RelaxedTerms.NONE;
        for (int g = n - 1; g >= 0; g--) {
            standalone[g] = standalone[g + 1] + groups.get(g)[0].alone();
            loosest[g] = RelaxedTerms.loosest(groups.get(g));
            from[g] = loosest[g].plus(from[g + 1]);
        }
    }

    long standaloneFrom(int g) {
        return standalone[g];
    }

    /** Tightens the bounds for a hard wallet; {@code bestSize} limits the tables with fewer coupons. */
    void tabulate(int bestSize) {
        envelope = new Envelope(loosest, total, bestSize);
    }

    /** Built on demand: most searches never meet a branch that can only tie. */
    Ties ties() {
        if (ties == null) {
            ties = Ties.of(groups);
        }
        return ties;
    }

    /**
     * The most the chosen (with {@code chosen} terms), one more coupon (with {@code adding} terms) and any of groups
     * {@code g} on can take. The coupon comes apart so that a branch the bound cuts costs no new terms.
     */
    long relaxed(int g, RelaxedTerms chosen, RelaxedTerms adding) {
        long fixed = chosen.fixed() + adding.fixed();
        double factor = chosen.factor() * adding.factor();
        double left = Math.max(0, total - fixed - from[g].fixed()) * factor * from[g].factor();
        if (envelope != null) {
            left = Math.max(left, factor * envelope.leastLeft(g, total - fixed));
        }
        return bound(left, g, chosen, adding);
    }

    /**
     * The most the chosen (taking at most {@code taken}, with {@code chosen} terms) and at most {@code m} more
     * coupons of groups {@code g} on can take.
     */
    long within(int g, int m, long taken, RelaxedTerms chosen) {
        long most = Math.min(total, taken + ties().topAlone()[g][m]);
        if (envelope != null && envelope.tabulates(g, m)) {
            double left = chosen.factor() * envelope.leastLeft(g, m, total - chosen.fixed());
            most = Math.min(most, bound(left, g, chosen, RelaxedTerms.NONE));
        }
        return most;
    }

    /** What is taken at most when at least {@code left} stays before scoped takes and rounding. */
    private long bound(double left, int g, RelaxedTerms chosen, RelaxedTerms adding) {
        double keeps = left - (chosen.scoped() + adding.scoped() + from[g].scoped())
                - 0.5 * (chosen.halves() + adding.halves() + from[g].halves());
        if (keeps <= 0) {
            return total;
        }
        // whole cents are kept, so at least the ceiling; the margin absorbs floating-point error
        long keptCents = (long) Math.ceil(keeps - 0.01 - keeps * 1e-12);
        return total - Math.max(0, keptCents);
    }
}
