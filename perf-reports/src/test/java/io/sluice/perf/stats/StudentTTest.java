package io.sluice.perf.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Checks the t distribution against values computed independently by
 * {@code src/test/python/welch_reference.py} (Simpson integration of the t density, no shared algorithm).
 */
class StudentTTest
{
    /** {t, df, CDF(t)} from welch_reference.py. */
    private static final double[][] CDF = {
        {0.5, 1.0, 0.6475836176504315},
        {2.0, 3.0, 0.9303370157205755},
        {-1.7, 4.5, 0.07817695606793812},
        {3.2, 10.0, 0.995254152102347},
        {1.0, 100.0, 0.8401379221079324},
        {6.0, 2.3, 0.9905257960043294},
        {-0.25, 1.5, 0.41625484200160484},
    };

    @Test
    void cdfMatchesNumericIntegration()
    {
        for (final double[] row : CDF)
        {
            assertEquals(row[2], StudentT.cdf(row[0], row[1]), 1e-9, "t=" + row[0] + " df=" + row[1]);
        }
    }

    @Test
    void cdfOfOneDegreeIsCauchyClosedForm()
    {
        // t(1) is the Cauchy distribution: CDF = 1/2 + atan(t)/pi.
        assertEquals(0.5 + Math.atan(2.5) / Math.PI, StudentT.cdf(2.5, 1), 1e-12);
    }

    @Test
    void twoSidedPIsTwiceTheTail()
    {
        assertEquals(2 * (1 - 0.9303370157205755), StudentT.twoSidedP(2.0, 3.0), 1e-9);
        assertEquals(2 * (1 - 0.9303370157205755), StudentT.twoSidedP(-2.0, 3.0), 1e-9);
        assertEquals(1.0, StudentT.twoSidedP(0, 5), 1e-15);
        assertEquals(0.0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, 5), 0);
    }

    @Test
    void rejectsNonPositiveDegreesOfFreedom()
    {
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedP(1, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedP(Double.NaN, 3));
    }
}
