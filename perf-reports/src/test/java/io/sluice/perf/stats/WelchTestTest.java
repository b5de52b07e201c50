package io.sluice.perf.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checks t, Welch–Satterthwaite df and p against {@code src/test/python/welch_reference.py}: textbook formulas
 * with Python's statistics module, and p by Simpson integration of the t density.
 */
class WelchTestTest
{
    @Test
    void clearShiftWithFiveSamplesEach()
    {
        check(new double[] {10.1, 9.8, 10.4, 10.0, 9.9}, new double[] {11.2, 11.5, 10.9, 11.8, 11.1},
            6.677986644040065, 6.875122057068456, 0.00030620089675570394);
    }

    @Test
    void unequalSizesAndVariances()
    {
        check(new double[] {14.2, 13.1}, new double[] {9.5, 8.6, 9.9},
            -6.432921571933527, 1.9794904902921668, 0.02392797696857618);
    }

    @Test
    void notSignificant()
    {
        check(new double[] {1, 2, 3, 4}, new double[] {1.5, 2.5, 3.5, 4.5, 5.5, 6.5},
            1.5, 7.941176470588235, 0.1722790772912881);
    }

    @Test
    void realForkMeansHalved()
    {
        // fastutilAddTo distinctKeys=1000 per-fork means of the committed fixture, and the same halved.
        check(new double[] {59.75201062749, 64.59458202126115}, new double[] {29.876005313745, 32.297291010630575},
            -11.483462455121561, 1.4705882352941175, 0.0204247549785177);
    }

    @Test
    void constantSamples()
    {
        final WelchResult equal = WelchTest.test(new double[] {3, 3}, new double[] {3, 3, 3});
        assertEquals(1.0, equal.p(), 0);
        final WelchResult different = WelchTest.test(new double[] {3, 3}, new double[] {4, 4});
        assertEquals(0.0, different.p(), 0);
        assertTrue(different.t() > 0);
    }

    @Test
    void needsTwoSamplesEach()
    {
        assertThrows(IllegalArgumentException.class, () -> WelchTest.test(new double[] {1}, new double[] {1, 2}));
    }

    private static void check(final double[] a, final double[] b, final double t, final double df, final double p)
    {
        final WelchResult result = WelchTest.test(a, b);
        assertEquals(t, result.t(), 1e-9 * Math.abs(t));
        assertEquals(df, result.degreesOfFreedom(), 1e-9 * df);
        assertEquals(p, result.p(), 1e-9);
    }
}
