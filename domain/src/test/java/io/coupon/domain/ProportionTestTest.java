package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The experiment statistics against values worked out by hand (and checked with Python's math.erfc). */
class ProportionTestTest {

    private static final double EXACT = 1e-12;
    /** The erfc fit is good to about 1e-7 relative; p-values are compared to 1e-6. */
    private static final double P_VALUE = 1e-6;

    /**
     * Control 100 of 1000 used, variant 130 of 1000. Rates .10 and .13, diff .03, lift .3. Pooled p = 230/2000 =
     * .115, se = √(.115 × .885 × (1/1000 + 1/1000)) = .0142671, z = .03 / .0142671 = 2.10274, p = 2(1 − Φ(z)) =
     * .0354885. Unpooled se = √(.1 × .9/1000 + .13 × .87/1000) = .0142512, ci = .03 ± 1.959964 × .0142512 =
     * [.0020679, .0579321].
     */
    @Test
    void comparesTwoRatesAsWorkedOutByHand() {
        ProportionTest t = ProportionTest.of(1000, 100, 1000, 130);

        assertEquals(0.03, t.diff(), EXACT);
        assertEquals(0.3, t.lift(), EXACT);
        assertEquals(0.03548845046647473, t.pValue(), P_VALUE);
        assertEquals(0.0020679344393763656, t.ci95()[0], EXACT);
        assertEquals(0.057932065560623636, t.ci95()[1], EXACT);
    }

    /** Control 50/200 = .25, variant 50/250 = .20: diff −.05, lift −.2, z = −1.26773, p = .204894. */
    @Test
    void aLowerRateHasANegativeDiffAndTheSameTwoSidedPValue() {
        ProportionTest t = ProportionTest.of(200, 50, 250, 50);

        assertEquals(-0.05, t.diff(), EXACT);
        assertEquals(-0.2, t.lift(), EXACT);
        assertEquals(0.20489389381637868, t.pValue(), P_VALUE);
        assertEquals(-0.127845367811097, t.ci95()[0], EXACT);
        assertEquals(0.027845367811097047, t.ci95()[1], EXACT);
    }

    /** A control that used nothing has no lift; the test still runs: 0/500 vs 10/400, z = 3.55534, p = .000377489. */
    @Test
    void aZeroControlRateHasNoLift() {
        ProportionTest t = ProportionTest.of(500, 0, 400, 10);

        assertNull(t.lift());
        assertEquals(0.025, t.diff(), EXACT);
        assertEquals(0.0003774892144266714, t.pValue(), P_VALUE);
        assertEquals(0.009700036049518017, t.ci95()[0], EXACT);
    }

    @Test
    void equalRatesWithNoSpreadHaveAPValueOfOne() {
        ProportionTest t = ProportionTest.of(10, 0, 20, 0);

        assertEquals(0, t.diff(), EXACT);
        assertEquals(1.0, t.pValue(), EXACT);
        assertEquals(0, t.ci95()[0], EXACT);
        assertEquals(0, t.ci95()[1], EXACT);
    }

    @Test
    void nothingGrantedOnEitherSideHasNoComparison() {
        assertNull(ProportionTest.of(0, 0, 10, 1));
        assertNull(ProportionTest.of(10, 1, 0, 0));
    }

    @Test
    void theNormalTailMatchesKnownQuantiles() {
        assertEquals(0.025, ProportionTest.upperTail(ProportionTest.Z_975), 1e-7);
        assertEquals(0.5, ProportionTest.upperTail(0), 1e-7);
        assertEquals(0.15865525393145707, ProportionTest.upperTail(1), 1e-7);
    }
}
