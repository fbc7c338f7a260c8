package io.coupon.domain;

/**
 * The bound a hard wallet earns, tabulated per group g and on a grid of the order: the least that
 * {@code max(0, left − fixed) × factor} can become when each group from g on adds its largest fixed take or its
 * smallest factor (one of the two, unlike {@link RelaxedTerms}, which grants both). Each entry is read at the grid
 * point below, so it errs low: still a bound, and an order of magnitude tighter on many groups. Also tabulated with
 * at most m more coupons (m below the best's size): what proves that fewer coupons cannot reach a total, so that a
 * tie is settled by expiry without visiting every tie.
 */
final class Envelope {

    private static final int POINTS = 2_048;

    private final RelaxedTerms[] groups;
    private final double step;
    /** least[g][i]: the least left of i steps by groups from g on. */
    private final double[][] least;
    /** fewest[g][m]: as {@link #least} with at most m more coupons; null when the best holds none. */
    private final double[][][] fewest;

    /** @param groups each group's loosest terms, in the search's order */
    Envelope(RelaxedTerms[] groups, long total, int bestSize) {
        this.groups = groups;
        int n = groups.length;
        int points = (int) Math.max(1, Math.min(POINTS, total));
        this.step = total / (double) points;
        this.least = new double[n + 1][];
        least[n] = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            least[n][i] = i * step;
        }
        for (int g = n - 1; g >= 0; g--) {
            least[g] = withGroup(g, least[g + 1], least[g + 1]);
        }
        this.fewest = fewest(Math.min(bestSize, n));
    }

    /** The least groups from g on leave of {@code left}. */
    double leastLeft(int g, long left) {
        return read(least[g], left);
    }

    boolean tabulates(int g, int most) {
        return fewest != null && most < fewest[g].length;
    }

    /** The least at most {@code most} more coupons of groups from g on leave of {@code left}, if it tabulates. */
    double leastLeft(int g, int most, long left) {
        return read(fewest[g][most], left);
    }

    private double[][][] fewest(int limit) {
        if (limit == 0) {
            return null;
        }
        int n = groups.length;
        double[][][] fewest = new double[n + 1][][];
        for (int g = n; g >= 0; g--) {
            fewest[g] = new double[Math.min(limit, n - g) + 1][];
            fewest[g][0] = least[n];
            for (int m = 1; m < fewest[g].length; m++) {
                double[] skip = m < fewest[g + 1].length ? fewest[g + 1][m] : least[g + 1];
                fewest[g][m] = withGroup(g, skip, fewest[g + 1][m - 1]);
            }
        }
        return fewest;
    }

    /**
     * One row of a table: at every grid point, the least of skipping group g ({@code skip}), or taking its
     * factor or its fixed amount and going on with one coupon fewer allowed ({@code fewer}).
     */
    private double[] withGroup(int g, double[] skip, double[] fewer) {
        long fixed = groups[g].fixed();
        double shift = fixed / step;
        double[] row = new double[skip.length];
        for (int i = 0; i < row.length; i++) {
            double l = Math.min(skip[i], groups[g].factor() * fewer[i]);
            if (fixed > 0) {
                int below = (int) Math.floor(i - shift);
                l = Math.min(l, below < 0 ? 0 : fewer[below]);
            }
            row[i] = l;
        }
        return row;
    }

    private double read(double[] table, long left) {
        if (left <= 0) {
            return 0;
        }
        int at = (int) Math.min(table.length - 1, Math.floor(left / step));
        return table[at];
    }
}
