package io.sluice.perf.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Checks I_x(a, b) against Simpson integration in {@code src/test/python/welch_reference.py} and closed forms.
 */
class IncompleteBetaTest
{
    /** {x, a, b, I_x(a, b)} from welch_reference.py. */
    private static final double[][] VALUES = {
        {0.3, 2.0, 3.0, 0.34830000000000333},
        {0.7, 1.5, 4.5, 0.9900350006126906},
        {0.5, 10.0, 10.0, 0.5000000000000001},
        {0.9, 3.0, 1.0, 0.7290000000000031},
        {0.05, 1.0, 7.5, 0.31934499916642445},
    };

    @Test
    void matchesNumericIntegration()
    {
        for (final double[] row : VALUES)
        {
            assertEquals(row[3], IncompleteBeta.regularized(row[0], row[1], row[2]), 1e-9,
                "x=" + row[0] + " a=" + row[1] + " b=" + row[2]);
        }
    }

    @Test
    void matchesClosedForms()
    {
        // I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b.
        assertEquals(Math.pow(0.42, 3.7), IncompleteBeta.regularized(0.42, 3.7, 1), 1e-12);
        assertEquals(1 - Math.pow(1 - 0.42, 2.2), IncompleteBeta.regularized(0.42, 1, 2.2), 1e-12);
        assertEquals(0.0, IncompleteBeta.regularized(0, 2, 3), 0);
        assertEquals(1.0, IncompleteBeta.regularized(1, 2, 3), 0);
    }

    @Test
    void logGammaMatchesFactorials()
    {
        assertEquals(Math.log(120), LogGamma.of(6), 1e-10);
        assertEquals(0.5 * Math.log(Math.PI), LogGamma.of(0.5), 1e-10);
    }

    @Test
    void rejectsOutOfRangeArguments()
    {
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(1.5, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(0.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LogGamma.of(0));
    }
}
