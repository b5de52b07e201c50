package io.sluice.perf.stats;

/**
 * The natural logarithm of the gamma function, by the Lanczos approximation (g = 5, six terms, as in Numerical
 * Recipes' {@code gammln}); relative error below 2e-10 for positive arguments. Allocation-free and thread-safe.
 */
public final class LogGamma
{
    private static final double[] COEFFICIENTS = {
        76.18009172947146,
        -86.50532032941677,
        24.01409824083091,
        -1.231739572450155,
        0.1208650973866179e-2,
        -0.5395239384953e-5,
    };

    private static final double SQRT_TWO_PI = 2.5066282746310005;

    private LogGamma()
    {
    }

    /**
     * ln Γ(x).
     *
     * @param x the argument; must be positive
     * @return ln Γ(x)
     * @throws IllegalArgumentException if {@code x <= 0} or is NaN
     */
    public static double of(final double x)
    {
        if (!(x > 0))
        {
            throw new IllegalArgumentException("log-gamma needs x > 0, got " + x);
        }
        double y = x;
        final double tmp = x + 5.5 - (x + 0.5) * Math.log(x + 5.5);
        double series = 1.000000000190015;
        for (final double coefficient : COEFFICIENTS)
        {
            y += 1;
            series += coefficient / y;
        }
        return -tmp + Math.log(SQRT_TWO_PI * series / x);
    }
}
