package io.coupon.domain;

/**
 * A variant's redemption rate against the control's: the difference, the lift, the two-sided p-value of the
 * pooled two-proportion z-test and the 95 % confidence interval of the difference with the unpooled standard
 * error. Plain doubles: statistics, not money.
 *
 * @param lift   rate / control rate − 1; null when the control rate is 0
 * @param ci95   {low, high}
 */
public record ProportionTest(double diff, Double lift, double pValue, double[] ci95) {

    /** The 97.5th percentile of the standard normal distribution. */
    public static final double Z_975 = 1.959963984540054;

    /**
     * Null when either side has granted nothing (its rate is undefined).
     *
     * @param n0 control granted, @param x0 control used, @param n1 variant granted, @param x1 variant used
     */
    public static ProportionTest of(long n0, long x0, long n1, long x1) {
        if (n0 == 0 || n1 == 0) {
            return null;
        }
        double p0 = (double) x0 / n0;
        double p1 = (double) x1 / n1;
        double diff = p1 - p0;
        Double lift = p0 == 0 ? null : p1 / p0 - 1;
        double pooled = (double) (x0 + x1) / (n0 + n1);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / n0 + 1.0 / n1));
        double pValue = pooledSe == 0 ? 1.0 : 2 * upperTail(Math.abs(diff) / pooledSe);
        double se = Math.sqrt(p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1);
        return new ProportionTest(diff, lift, Math.min(1.0, pValue), new double[] {diff - Z_975 * se, diff + Z_975 * se});
    }

    /** P(Z > z) for a standard normal Z, as erfc(z / √2) / 2. */
    static double upperTail(double z) {
        return erfc(z / Math.sqrt(2)) / 2;
    }

    /**
     * The complementary error function, by the Chebyshev fit of Numerical Recipes (§6.2, {@code erfcc}): fractional
     * error below 1.2e-7 everywhere, enough for a p-value.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
