package io.coupon.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combination of a user's usable coupons that takes the most off a cart; ties go to fewer coupons, then to
 * the combination whose earliest-expiring coupon expires first; beyond the contract, further ties compare the next
 * expiries, then coupon ids, so the answer is one and the same every time.
 *
 * <p>An exclusive coupon is tried alone. Stackable ones are searched depth-first, one stack group at a time (at
 * most one coupon of each), with two prunings that keep the answer exact:
 * <ul>
 *   <li>coupons with identical terms (so of one group) are interchangeable, so only the one a tie-break prefers
 *       is kept, and a coupon that takes nothing on its own is dropped (it could only add a coupon to a tie);</li>
 *   <li>a branch is bounded by what its coupons take together plus what each coupon still to come takes alone
 *       (adding a coupon never adds more than its standalone take: it only shrinks the others' bases, and a take
 *       grows with its base by at most as much), and by the sum of all standalone takes; a branch that cannot beat
 *       the best found so far, or could only tie it with more coupons, is cut. The property test checks the search
 *       against brute force on random wallets with scopes, caps and ties.</li>
 * </ul>
 * <ul>
 *   <li>a second bound relaxes what is still to come: fixed amounts (and any scoped coupon) take at most their
 *       standalone take, a whole-order {@code DISCOUNT} leaves at least {@code factor × left − ½ cent}, so the
 *       order keeps at least {@code (total − fixed) × Π factors − scoped takes − ½ cent each}; each group still to
 *       come is granted its largest fixed take, its smallest factor and its largest scoped take at once. It is what
 *       cuts wallets of many different whole-order coupons, where the sum of standalone takes exceeds the order;</li>
 *   <li>when no coupon is scoped, a fixed-amount coupon of a group is dropped if another of the group takes at
 *       least as much and expires first: the fixed amounts come off the order before any factor applies, so
 *       swapping it in never leaves more to pay, and on a tie its earlier expiry wins.</li>
 * </ul>
 * Groups and coupons are visited best first, so the greedy answer is found at once and most branches are cut.
 * A wallet that still needs more than a couple of thousand nodes is "hard": it gets a greedy incumbent (fixed
 * amounts first, then by marginal take), the bound tabulated per group on a grid of the order (each group adds
 * its fixed amount or its factor, not both), the same table limited to m more coupons, and, for branches that can
 * only tie, cuts on the number of coupons and on the earliest expiries they could still hold. All of it is checked
 * against brute force with hard mode forced from the first node. A search budget bounds the pathological rest
 * (tens of stack groups covering the order many ways over), see {@code NODE_BUDGET}.
 * Inside the search, combinations are priced in whole cents with the very rules of {@link StackedDiscounts} (which
 * prices the answer itself), so a node costs a few arithmetic operations rather than a round of BigDecimals.
 */
public final class QuoteOptimizer {

    /** Better first: the contract's order of preference between two combinations. */
    public static final Comparator<CartQuote> BETTER_FIRST = Comparator
            .comparing(CartQuote::discountAmount, Comparator.reverseOrder())
            .thenComparingInt((CartQuote q) -> q.coupons().size())
            .thenComparing(CartQuote::expiryKeys, QuoteOptimizer::lexicographic);

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
        return best(cart, usable, Search.HARD_AFTER_NODES);
    }

    /** As {@link #best(Cart, List)}, treating the wallet as hard after {@code hardAfterNodes}: tests use 1. */
    static CartQuote best(Cart cart, List<WalletCoupon> usable, long hardAfterNodes) {
        Map<CouponTerms, WalletCoupon> keepers = new HashMap<>();
        for (WalletCoupon coupon : usable) {
            keepers.merge(coupon.terms(), coupon, QuoteOptimizer::keeper);
        }
        List<WalletCoupon> byApplication = new ArrayList<>(keepers.values());
        byApplication.sort(StackedDiscounts.APPLICATION_ORDER);
        Search search = new Search(cart, hardAfterNodes);
        Map<String, List<Candidate>> groups = new LinkedHashMap<>();
        for (int rank = 0; rank < byApplication.size(); rank++) {
            Candidate candidate = new Candidate(byApplication.get(rank), rank, cart);
            if (candidate.alone == 0) {
                continue;
            }
            if (candidate.coupon.terms().stackable()) {
                groups.computeIfAbsent(candidate.coupon.stackGroup(), g -> new ArrayList<>()).add(candidate);
            } else {
                search.consider(new Candidate[] {candidate}, 1);
            }
        }
        boolean anyScoped = groups.values().stream().flatMap(List::stream).anyMatch(c -> !c.whole);
        List<Candidate[]> ordered = new ArrayList<>();
        for (List<Candidate> group : groups.values()) {
            Candidate[] candidates = (anyScoped ? group : withoutDominatedFixedAmounts(group))
                    .toArray(Candidate[]::new);
            Arrays.sort(candidates, Comparator.comparingLong((Candidate c) -> -c.alone)
                    .thenComparing(c -> c.expiryKey));
            ordered.add(candidates);
        }
        ordered.sort(Comparator.comparingLong((Candidate[] g) -> -g[0].alone));
        search.run(ordered);
        return search.bestSize == 0 ? CartQuote.none(cart)
                : StackedDiscounts.apply(cart, Arrays.stream(search.best, 0, search.bestSize)
                        .map(c -> c.coupon).toList());
    }

    /**
     * The group without whole-order fixed amounts another fixed amount of the group beats: at least as much off and
     * an earlier expiry key. Only sound when no coupon of the quote is scoped (a scoped fixed amount applied after a
     * larger whole-order one works on a smaller base).
     */
    private static List<Candidate> withoutDominatedFixedAmounts(List<Candidate> group) {
        List<Candidate> kept = new ArrayList<>(group.size());
        for (Candidate candidate : group) {
            boolean dominated = false;
            if (candidate.fixed) {
                for (Candidate other : group) {
                    if (other != candidate && other.fixed && other.amount >= candidate.amount
                            && other.expiryKey.compareTo(candidate.expiryKey) < 0) {
                        dominated = true;
                        break;
                    }
                }
            }
            if (!dominated) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private static int lexicographic(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int cmp = a.get(i).compareTo(b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
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

    /** One usable coupon, priced in cents against the cart. */
    private static final class Candidate {
        final WalletCoupon coupon;
        /** Its place in the application order. */
        final int rank;
        final String expiryKey;
        final long subtotal;
        /** Which lines it covers; null: the whole order (overlaps everything). */
        final long[] lines;
        final boolean fixed;
        final long amount;
        final long cap;
        final BigDecimal factor;
        /** The factor as numerator / denominator (a power of ten), for whole-cent arithmetic. */
        final long factorNumerator;
        final long factorDenominator;
        /** What it takes alone. */
        final long alone;
        /** Whether it covers the whole order. */
        final boolean whole;
        /** The share of what is left a whole-order discount leaves to pay, at most 1 (for the relaxed bound); 1 else. */
        final double leaves;

        Candidate(WalletCoupon coupon, int rank, Cart cart) {
            this.coupon = coupon;
            this.rank = rank;
            this.expiryKey = CartQuote.expiryKey(coupon.expiresAt(), coupon.couponId());
            this.subtotal = cents(cart.subtotal(coupon.scope()).orElse(BigDecimal.ZERO));
            this.lines = lines(cart, coupon.scope());
            CouponTerms terms = coupon.terms();
            this.fixed = terms.fixedAmount();
            this.amount = fixed ? cents(terms.discount()) : 0;
            this.cap = !fixed && terms.maxDiscount() != null ? cents(terms.maxDiscount()) : Long.MAX_VALUE;
            this.factor = fixed ? null : terms.discount();
            boolean exact = factor != null && factor.scale() >= 0 && factor.scale() <= 9 && factor.signum() >= 0;
            this.factorNumerator = exact ? factor.unscaledValue().longValueExact() : -1;
            this.factorDenominator = exact ? BigDecimal.TEN.pow(factor.scale()).longValueExact() : -1;
            this.alone = take(subtotal);
            this.whole = lines == null;
            this.leaves = fixed || !whole ? 1.0 : Math.min(1.0, Math.max(0.0, factor.doubleValue()));
        }

        /** Whether it counts in the relaxed bound as a factor on what is left (else as its standalone take). */
        boolean actsAsFactor() {
            return !fixed && whole;
        }

        /** {@link Discounts#off} in cents. */
        long take(long base) {
            if (fixed) {
                return Math.min(amount, base);
            }
            return Math.min(Math.min(base - pay(base), cap), base);
        }

        /** half-up(base × factor), in cents. */
        private long pay(long base) {
            if (factorNumerator >= 0) {
                try {
                    long twice = Math.multiplyExact(Math.multiplyExact(base, factorNumerator), 2L);
                    return Math.addExact(twice, factorDenominator) / (2 * factorDenominator);
                } catch (ArithmeticException tooLarge) {
                    // an order beyond what longs multiply: fall through to BigDecimal
                }
            }
            return BigDecimal.valueOf(base).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        boolean overlaps(Candidate other) {
            if (lines == null || other.lines == null) {
                return true;
            }
            for (int i = 0; i < lines.length; i++) {
                if ((lines[i] & other.lines[i]) != 0) {
                    return true;
                }
            }
            return false;
        }

        private static long[] lines(Cart cart, Scope scope) {
            if (scope == null || cart.items() == null) {
                return null;
            }
            long[] bits = new long[(cart.items().size() + 63) / 64];
            for (int i = 0; i < cart.items().size(); i++) {
                if (scope.covers(cart.items().get(i))) {
                    bits[i / 64] |= 1L << (i % 64);
                }
            }
            return bits;
        }
    }

    private static long cents(BigDecimal amount) {
        return Discounts.money(amount).movePointRight(2).longValueExact();
    }

    private static final class Search {
        /** Easy wallets are done long before this many nodes; hard ones then pay ~0.1 ms for a tighter bound. */
        static final long HARD_AFTER_NODES = 2_000;
        private static final int ENVELOPE_POINTS = 2_048;
        /**
         * Far beyond any wallet people hold (200 all-different coupons in 16 stack groups need ~10⁴ nodes): past
         * it, the search stops and the best combination found so far is the answer. Tens of stack groups, each
         * with many usable coupons, whose fixed amounts can cover the order many ways over, can get there: the
         * total is then the whole order and only the tie-break between equally good sets is left unsettled.
         */
        private static final long NODE_BUDGET = 200_000;

        private final long total;
        private List<Candidate[]> groups;
        /** suffix[g]: the most the groups from g on can add, each by its best standalone take. */
        private long[] suffix;
        /** The relaxed bound's terms of the groups from g on: each group's largest fixed take, smallest factor… */
        private long[] fixedSuffix;
        private double[] factorSuffix;
        /** …largest scoped discount's take, and whether it holds a whole-order discount (½ cent of rounding). */
        private long[] scopedSuffix;
        private int[] halvesSuffix;
        /** Each group's largest fixed take and smallest whole-order factor. */
        private long[] groupFixed;
        private double[] groupFactor;
        /** Built once the search proves hard: see {@link #buildEnvelope()}. */
        private double[][] envelope;
        /** fewest[g][m]: as {@link #envelope} with at most m more coupons; built with it, up to the best's size. */
        private double[][][] fewest;
        private double step;
        private long nodes;
        private final Candidate[] chosen = new Candidate[64];
        private final Candidate[] sorted = new Candidate[64];
        private final long[] takes = new long[64];
        private Candidate[] best = new Candidate[0];
        private String[] bestKeys = new String[0];
        /** topAlone[g][m]: the m largest standalone takes of groups from g on, one per group, summed. */
        private long[][] topAlone;
        /** earliestKeys[g]: each group's earliest expiry key, of the groups from g on, in order. */
        private String[][] earliestKeys;
        private int bestSize;
        private long bestTotal;

        private final long hardAfterNodes;

        Search(Cart cart, long hardAfterNodes) {
            this.total = cents(cart.total());
            this.hardAfterNodes = hardAfterNodes;
        }

        void run(List<Candidate[]> ordered) {
            groups = ordered.size() > chosen.length ? ordered.subList(0, chosen.length) : ordered;
            int n = groups.size();
            suffix = new long[n + 1];
            fixedSuffix = new long[n + 1];
            factorSuffix = new double[n + 1];
            scopedSuffix = new long[n + 1];
            halvesSuffix = new int[n + 1];
            groupFixed = new long[n];
            groupFactor = new double[n];
            factorSuffix[n] = 1.0;
            for (int g = n - 1; g >= 0; g--) {
                long fixedMost = 0;
                double factorLeast = 1.0;
                long scopedMost = 0;
                int halves = 0;
                for (Candidate c : groups.get(g)) {
                    if (c.fixed) {
                        fixedMost = Math.max(fixedMost, c.alone);
                    } else if (c.actsAsFactor()) {
                        factorLeast = Math.min(factorLeast, c.leaves);
                        halves = 1;
                    } else {
                        scopedMost = Math.max(scopedMost, c.alone);
                    }
                }
                suffix[g] = suffix[g + 1] + groups.get(g)[0].alone;
                groupFixed[g] = fixedMost;
                groupFactor[g] = factorLeast;
                fixedSuffix[g] = fixedSuffix[g + 1] + fixedMost;
                factorSuffix[g] = factorSuffix[g + 1] * factorLeast;
                scopedSuffix[g] = scopedSuffix[g + 1] + scopedMost;
                halvesSuffix[g] = halvesSuffix[g + 1] + halves;
            }
            visit(0, 0, 0, 0, 0, 1.0, 0, 0);
        }

        /**
         * Extends the first {@code size} chosen from group {@code g} on; {@code sum} is the sum of their standalone
         * takes and {@code value} what they take together; {@code fixed}, {@code factor}, {@code scoped} and
         * {@code halves} are their terms of the relaxed bound.
         */
        private void visit(int g, int size, long sum, long value, long fixed, double factor, long scoped,
                int halves) {
            if (g == groups.size()) {
                return;
            }
            if (++nodes == hardAfterNodes) {
                greedy(true); // a hard wallet: worth a better incumbent and a tighter bound
                greedy(false);
                buildEnvelope();
            } else if (nodes > NODE_BUDGET) {
                return; // a pathological wallet: answer with the best found rather than hang the request
            }
            for (Candidate candidate : groups.get(g)) {
                long withIt = sum + candidate.alone;
                if (hopeless(Math.min(withIt, value + candidate.alone) + suffix[g + 1], size + 1)) {
                    break; // later candidates of the group take no more alone, so they are hopeless too
                }
                long fixedWith = fixed + (candidate.fixed ? candidate.alone : 0);
                double factorWith = factor * candidate.leaves;
                long scopedWith = scoped + (candidate.fixed || candidate.whole ? 0 : candidate.alone);
                int halvesWith = halves + (candidate.actsAsFactor() ? 1 : 0);
                long upper = relaxed(g + 1, fixedWith, factorWith, scopedWith, halvesWith);
                if (hopeless(upper, size + 1)) {
                    continue; // the relaxed bound is not monotone in the group's order: others may still do
                }
                chosen[size] = candidate;
                if (upper <= bestTotal && onlyLosingTies(g + 1, size + 1, 0, Math.min(withIt, value + candidate.alone),
                        fixedWith, factorWith, scopedWith, halvesWith)) {
                    continue;
                }
                visit(g + 1, size + 1, withIt, consider(chosen, size + 1), fixedWith, factorWith, scopedWith,
                        halvesWith);
            }
            long taken = Math.min(sum, value);
            if (hopeless(taken + suffix[g + 1], size + 1)) {
                return;
            }
            long upper = relaxed(g + 1, fixed, factor, scoped, halves);
            if (!hopeless(upper, size + 1) && !(upper <= bestTotal
                    && onlyLosingTies(g + 1, size, 1, taken, fixed, factor, scoped, halves))) {
                visit(g + 1, size, sum, value, fixed, factor, scoped, halves);
            }
        }

        /**
         * For a branch that can at best tie the best total: whether each tie it can reach loses, on the number of
         * coupons or on expiry. The branch holds the first {@code size} chosen (taking at most {@code taken}) and
         * adds at least {@code atLeast} coupons from groups {@code g} on; a coupon adds at most its standalone
         * take, so with {@code m} more it takes at most {@code taken} plus the m largest of those. When only
         * combinations of exactly the best's size can tie, the earliest expiries it could hold are its own and
         * the earliest of as many groups still to come; if those do not come first, nothing in it does.
         */
        private boolean onlyLosingTies(int g, int size, int atLeast, long taken, long fixed, double factor,
                long scoped, int halves) {
            if (topAlone == null) {
                tabulateTies();
            }
            int most = Math.min(bestSize - size, groups.size() - g);
            if (most < atLeast || within(g, most, taken, fixed, factor, scoped, halves) < bestTotal) {
                return true;
            }
            if (most == bestSize - size && most - 1 >= atLeast
                    && within(g, most - 1, taken, fixed, factor, scoped, halves) >= bestTotal) {
                return false; // could tie with fewer coupons, which wins whatever the expiries
            }
            if (most < bestSize - size) {
                return false; // every tie it reaches has fewer coupons than the best
            }
            String[] earliest = new String[bestSize];
            for (int i = 0; i < size; i++) {
                earliest[i] = chosen[i].expiryKey;
            }
            System.arraycopy(earliestKeys[g], 0, earliest, size, most);
            Arrays.sort(earliest);
            return Arrays.compare(earliest, bestKeys) >= 0;
        }

        /** Lazily: most searches never meet a branch that can only tie. */
        private void tabulateTies() {
            int n = groups.size();
            topAlone = new long[n + 1][];
            earliestKeys = new String[n + 1][];
            for (int g = 0; g <= n; g++) {
                long[] alones = new long[n - g];
                String[] keys = new String[n - g];
                for (int h = g; h < n; h++) {
                    alones[h - g] = groups.get(h)[0].alone;
                    keys[h - g] = Arrays.stream(groups.get(h)).map(c -> c.expiryKey).min(String::compareTo)
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
        }

        /** The most the chosen (taking at most {@code taken}) and at most {@code m} more coupons can take. */
        private long within(int g, int m, long taken, long fixed, double factor, long scoped, int halves) {
            long most = Math.min(total, taken + topAlone[g][m]);
            if (fewest != null && m < fewest[g].length) {
                most = Math.min(most, bound(factor * leastLeft(fewest[g][m], total - fixed), g, scoped, halves));
            }
            return most;
        }

        /**
         * The most the chosen coupons (described by the relaxed terms) and any of groups {@code g} on can take: the
         * order keeps at least {@code (total − fixed) × factor − scoped − ½ cent per factor}, in whole cents.
         */
        private long relaxed(int g, long fixed, double factor, long scoped, int halves) {
            double left = Math.max(0, total - fixed - fixedSuffix[g]) * factor * factorSuffix[g];
            if (envelope != null) {
                left = Math.max(left, factor * leastLeft(envelope[g], total - fixed));
            }
            return bound(left, g, scoped, halves);
        }

        /** What is taken at most when at least {@code left} stays before scoped takes and rounding. */
        private long bound(double left, int g, long scoped, int halves) {
            double keeps = left - (scoped + scopedSuffix[g]) - 0.5 * (halves + halvesSuffix[g]);
            if (keeps <= 0) {
                return total;
            }
            // whole cents are kept, so at least the ceiling; the margin absorbs floating-point error
            long keptCents = (long) Math.ceil(keeps - 0.01 - keeps * 1e-12);
            return total - Math.max(0, keptCents);
        }

        /**
         * A good combination to beat, found greedily: add, from a group not yet used, the coupon that takes the
         * most on top of what is chosen, while that helps; with {@code fixedFirst}, fixed amounts alone until none
         * helps (they can cover the whole order, factors never can). Depth-first search finds good combinations
         * late when the order can be covered many ways over; the cuts need a good one early.
         */
        private void greedy(boolean fixedFirst) {
            Candidate[] picked = new Candidate[groups.size()];
            boolean[] used = new boolean[groups.size()];
            int size = 0;
            long value = 0;
            while (size < picked.length) {
                long bestGain = 0;
                int bestGroup = -1;
                Candidate bestCandidate = null;
                for (int g = 0; g < groups.size(); g++) {
                    if (used[g]) {
                        continue;
                    }
                    for (Candidate candidate : groups.get(g)) {
                        if (fixedFirst && !candidate.fixed) {
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

        /**
         * Tabulates, for every group g and {@code left} on a grid of the order, the least that
         * {@code max(0, left − fixed) × factor} can become when each group from g on adds its largest fixed take
         * or its smallest factor (one of the two, unlike the bound that grants both). Each entry is taken at the
         * grid point below, so it errs low: still a bound, and an order of magnitude tighter on many groups.
         */
        private void buildEnvelope() {
            int n = groups.size();
            int points = (int) Math.max(1, Math.min(ENVELOPE_POINTS, total));
            step = total / (double) points;
            envelope = new double[n + 1][];
            envelope[n] = new double[points + 1];
            for (int i = 0; i <= points; i++) {
                envelope[n][i] = i * step;
            }
            for (int g = n - 1; g >= 0; g--) {
                envelope[g] = withGroup(g, envelope[g + 1], envelope[g + 1]);
            }
            buildFewest();
        }

        /**
         * The same table when at most m more groups may add a coupon (m below the best's size): what proves that
         * fewer coupons cannot reach a total, so that a tie is settled by expiry without visiting every tie.
         */
        private void buildFewest() {
            int n = groups.size();
            int limit = Math.min(bestSize, n);
            if (limit == 0) {
                return;
            }
            fewest = new double[n + 1][][];
            for (int g = n; g >= 0; g--) {
                fewest[g] = new double[Math.min(limit, n - g) + 1][];
                fewest[g][0] = envelope[n];
                for (int m = 1; m < fewest[g].length; m++) {
                    double[] skip = m < fewest[g + 1].length ? fewest[g + 1][m] : envelope[g + 1];
                    fewest[g][m] = withGroup(g, skip, fewest[g + 1][m - 1]);
                }
            }
        }

        /**
         * One row of a table: at every grid point, the least of skipping group g ({@code skip}), or taking its
         * factor or its fixed amount and going on with one coupon fewer allowed ({@code fewer}).
         */
        private double[] withGroup(int g, double[] skip, double[] fewer) {
            double shift = groupFixed[g] / step;
            double[] least = new double[skip.length];
            for (int i = 0; i < least.length; i++) {
                double l = Math.min(skip[i], groupFactor[g] * fewer[i]);
                if (groupFixed[g] > 0) {
                    int below = (int) Math.floor(i - shift);
                    l = Math.min(l, below < 0 ? 0 : fewer[below]);
                }
                least[i] = l;
            }
            return least;
        }

        /** A tabulated least of what is left of {@code left}, read at the grid point below. */
        private double leastLeft(double[] table, long left) {
            if (left <= 0) {
                return 0;
            }
            int at = (int) Math.min(table.length - 1, Math.floor(left / step));
            return table[at];
        }

        /** Whether every combination of at least {@code size} coupons taking at most {@code bound} loses. */
        private boolean hopeless(long bound, int size) {
            long most = Math.min(bound, total);
            return most < bestTotal || (most == bestTotal && size > bestSize);
        }

        /**
         * Prices the first {@code size} of {@code combination} as {@link StackedDiscounts#apply} does, keeps it if
         * it is the best so far, and returns what it takes.
         */
        long consider(Candidate[] combination, int size) {
            for (int i = 0; i < size; i++) { // insertion by application rank: a handful of coupons
                Candidate next = combination[i];
                int at = i;
                while (at > 0 && sorted[at - 1].rank > next.rank) {
                    sorted[at] = sorted[at - 1];
                    at--;
                }
                sorted[at] = next;
            }
            long left = total;
            for (int i = 0; i < size; i++) {
                Candidate c = sorted[i];
                long base = c.subtotal;
                for (int j = 0; j < i; j++) {
                    if (sorted[j].overlaps(c)) {
                        base -= takes[j];
                    }
                }
                base = Math.max(0, Math.min(base, left));
                takes[i] = c.take(base);
                left -= takes[i];
            }
            long discount = total - left;
            if (bestSize == 0 ? discount > 0 : better(discount, size)) {
                best = Arrays.copyOf(sorted, size);
                bestSize = size;
                bestTotal = discount;
                bestKeys = new String[size];
                for (int i = 0; i < size; i++) {
                    bestKeys[i] = best[i].expiryKey;
                }
                Arrays.sort(bestKeys);
            }
            return discount;
        }

        private boolean better(long discount, int size) {
            if (discount != bestTotal) {
                return discount > bestTotal;
            }
            if (size != bestSize) {
                return size < bestSize;
            }
            String[] mine = new String[size];
            String[] theirs = new String[size];
            for (int i = 0; i < size; i++) {
                mine[i] = sorted[i].expiryKey;
                theirs[i] = best[i].expiryKey;
            }
            Arrays.sort(mine);
            Arrays.sort(theirs);
            return Arrays.compare(mine, theirs) < 0;
        }
    }
}
