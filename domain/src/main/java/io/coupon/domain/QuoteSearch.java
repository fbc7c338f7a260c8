package io.coupon.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The best combination of stackable coupons, one stack group at a time (at most one coupon of each), depth first;
 * exclusive coupons are offered to it alone. Groups and coupons come best first, so the greedy answer is found at
 * once and most branches are cut by the {@link Bounds}; a branch that could only tie the best with more coupons is
 * cut too, which keeps the answer exact.
 *
 * <p>A wallet that still needs more than a couple of thousand nodes is "hard": it gets a greedy incumbent (fixed
 * amounts first, then by marginal take), the tabulated {@link Envelope}, and, for branches that can only tie, cuts
 * on the number of coupons and on the earliest expiries they could still hold. All of it is checked against brute
 * force with hard mode forced from the first node. A search budget bounds the pathological rest (tens of stack
 * groups covering the order many ways over), see {@code NODE_BUDGET}.
 */
final class QuoteSearch {

    /** Easy wallets are done long before this many nodes; hard ones then pay ~0.1 ms for a tighter bound. */
    static final long HARD_AFTER_NODES = 2_000;
    /**
     * Far beyond any wallet people hold (200 all-different coupons in 16 stack groups need ~10⁴ nodes): past
     * it, the search stops and the best combination found so far is the answer. Tens of stack groups, each
     * with many usable coupons, whose fixed amounts can cover the order many ways over, can get there: the
     * total is then the whole order and only the tie-break between equally good sets is left unsettled.
     */
    private static final long NODE_BUDGET = 200_000;
    /** The deepest a combination goes: groups beyond it are not searched. */
    private static final int MOST_GROUPS = 64;

    private final long total;
    private final List<PricedCoupon[]> groups;
    private final long hardAfterNodes;
    private final Bounds bounds;
    private final CentStack stack;
    private final PricedCoupon[] chosen = new PricedCoupon[MOST_GROUPS];
    private Combination best = Combination.NONE;
    private long nodes;

    /** @param groups each one's coupons best first, the groups best first */
    QuoteSearch(long total, List<PricedCoupon[]> groups, long hardAfterNodes) {
        this.total = total;
        this.groups = groups.size() > MOST_GROUPS ? groups.subList(0, MOST_GROUPS) : groups;
        this.hardAfterNodes = hardAfterNodes;
        this.bounds = new Bounds(total, this.groups);
        this.stack = new CentStack(total, MOST_GROUPS);
    }

    /** Offers an exclusive coupon, used alone. */
    void offer(PricedCoupon exclusive) {
        consider(new PricedCoupon[] {exclusive}, 1);
    }

    /** The best of what was offered and of the stack groups. */
    Combination run() {
        visit(0, 0, 0, 0, RelaxedTerms.NONE);
        return best;
    }

    /**
     * Extends the first {@code size} chosen from group {@code g} on; {@code sum} is the sum of their standalone
     * takes, {@code value} what they take together and {@code terms} their relaxed terms.
     */
    private void visit(int g, int size, long sum, long value, RelaxedTerms terms) {
        if (g == groups.size()) {
            return;
        }
        if (++nodes == hardAfterNodes) {
            greedy(true); // a hard wallet: worth a better incumbent and a tighter bound
            greedy(false);
            bounds.tabulate(best.size());
        } else if (nodes > NODE_BUDGET) {
            return; // a pathological wallet: answer with the best found rather than hang the request
        }
        for (PricedCoupon candidate : groups.get(g)) {
            long withIt = sum + candidate.alone();
            long taken = Math.min(withIt, value + candidate.alone());
            if (hopeless(taken + bounds.standaloneFrom(g + 1), size + 1)) {
                break; // later candidates of the group take no more alone, so they are hopeless too
            }
            long upper = bounds.relaxed(g + 1, terms, candidate.relaxed());
            if (hopeless(upper, size + 1)) {
                continue; // the relaxed bound is not monotone in the group's order: others may still do
            }
            chosen[size] = candidate;
            RelaxedTerms termsWith = terms.plus(candidate.relaxed());
            if (upper <= best.off() && onlyLosingTies(g + 1, size + 1, 0, taken, termsWith)) {
                continue;
            }
            visit(g + 1, size + 1, withIt, consider(chosen, size + 1), termsWith);
        }
        long taken = Math.min(sum, value);
        if (hopeless(taken + bounds.standaloneFrom(g + 1), size + 1)) {
            return;
        }
        long upper = bounds.relaxed(g + 1, terms, RelaxedTerms.NONE);
        if (!hopeless(upper, size + 1) && !(upper <= best.off()
                && onlyLosingTies(g + 1, size, 1, taken, terms))) {
            visit(g + 1, size, sum, value, terms);
        }
    }

    /**
     * For a branch that can at best tie the best total: whether each tie it can reach loses, on the number of
     * coupons or on expiry. The branch holds the first {@code size} chosen (taking at most {@code taken}) and
     * adds at least {@code atLeast} coupons from groups {@code g} on. When only combinations of exactly the best's
     * size can tie, the earliest expiries it could hold are its own and the earliest of as many groups still to
     * come; if those do not come first, nothing in it does.
     */
    private boolean onlyLosingTies(int g, int size, int atLeast, long taken, RelaxedTerms terms) {
        int most = Math.min(best.size() - size, groups.size() - g);
        if (most < atLeast || bounds.within(g, most, taken, terms) < best.off()) {
            return true;
        }
        if (most == best.size() - size && most - 1 >= atLeast
                && bounds.within(g, most - 1, taken, terms) >= best.off()) {
            return false; // could tie with fewer coupons, which wins whatever the expiries
        }
        if (most < best.size() - size) {
            return false; // every tie it reaches has fewer coupons than the best
        }
        String[] earliest = new String[best.size()];
        for (int i = 0; i < size; i++) {
            earliest[i] = chosen[i].expiryKey();
        }
        System.arraycopy(bounds.ties().earliestKeys()[g], 0, earliest, size, most);
        Arrays.sort(earliest);
        return Preference.byExpiry(Arrays.asList(earliest), best.expiryKeys()) >= 0;
    }

    /**
     * A good combination to beat, found greedily: add, from a group not yet used, the coupon that takes the
     * most on top of what is chosen, while that helps; with {@code fixedFirst}, fixed amounts alone until none
     * helps (they can cover the whole order, factors never can). Depth-first search finds good combinations
     * late when the order can be covered many ways over; the cuts need a good one early.
     */
    private void greedy(boolean fixedFirst) {
        PricedCoupon[] picked = new PricedCoupon[groups.size()];
        boolean[] used = new boolean[groups.size()];
        int size = 0;
        long value = 0;
        while (size < picked.length) {
            long bestGain = 0;
            int bestGroup = -1;
            PricedCoupon bestCandidate = null;
            for (int g = 0; g < groups.size(); g++) {
                if (used[g]) {
                    continue;
                }
                for (PricedCoupon candidate : groups.get(g)) {
                    if (fixedFirst && !candidate.fixed()) {
                        continue;
                    }
                    picked[size] = candidate;
                    long gain = consider(picked, size + 1) - value;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestGroup = g;
                        bestCandidate = candidate;
                    }
                }
            }
            if (bestCandidate == null) {
                if (!fixedFirst) {
                    return;
                }
                fixedFirst = false;
                continue;
            }
            picked[size++] = bestCandidate;
            used[bestGroup] = true;
            value += bestGain;
        }
    }

    /** Whether every combination of at least {@code size} coupons taking at most {@code bound} loses. */
    private boolean hopeless(long bound, int size) {
        return best.beatsAll(Math.min(bound, total), size);
    }

    /**
     * Prices the first {@code size} of {@code combination}, keeps it if it is the best so far, and returns what it
     * takes.
     */
    private long consider(PricedCoupon[] combination, int size) {
        long off = stack.price(combination, size);
        if (!best.beatsAll(off, size)) { // only a contender pays for its expiry keys
            Combination contender = Combination.of(off, stack.ordered(size));
            if (Combination.BETTER_FIRST.compare(contender, best) < 0) {
                best = contender;
            }
        }
        return off;
    }
}
