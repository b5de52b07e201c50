package io.sluice.perf.stats;

/**
 * Student's t distribution with real (not only integer) degrees of freedom, as Welch's test needs.
 * Allocation-free and thread-safe.
 */
public final class StudentT
{
    private StudentT()
    {
    }

    /**
     * P(T &le; t) for T ~ t(df).
     *
     * @param t  the statistic; infinities allowed
     * @param df degrees of freedom, positive
     * @return the cumulative probability
     * @throws IllegalArgumentException if {@code df <= 0} or t is NaN
     */
    public static double cdf(final double t, final double df)
    {
        final double tail = twoSidedP(t, df) / 2;
        return t >= 0 ? 1 - tail : tail;
    }

    /**
     * P(|T| &ge; |t|) for T ~ t(df): the two-sided p-value of a t statistic.
     * Uses P = I<sub>df/(df+t²)</sub>(df/2, 1/2).
     *
     * @param t  the statistic; infinities allowed (p = 0)
     * @param df degrees of freedom, positive
     * @return the p-value in [0, 1]
     * @throws IllegalArgumentException if {@code df <= 0} or t is NaN
     */
    public static double twoSidedP(final double t, final double df)
    {
        if (Double.isNaN(t))
        {
            throw new IllegalArgumentException("t is NaN");
        }
        if (!(df > 0))
        {
            throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
        }
        if (Double.isInfinite(t))
        {
            return 0;
        }
        final double x = df / (df + t * t);
        return IncompleteBeta.regularized(x, df / 2, 0.5);
    }
}
