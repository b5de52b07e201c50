package io.sluice.perf.stats;

/**
 * Welch's two-sample t-test, which does not assume equal variances: right for comparing per-fork means of two
 * releases, whose noise differs. Allocation-free apart from the result; thread-safe.
 */
public final class WelchTest
{
    private WelchTest()
    {
    }

    /**
     * Tests whether the means of {@code a} and {@code b} differ.
     *
     * @param a first sample, at least two values (e.g. the baseline's per-fork means)
     * @param b second sample, at least two values
     * @return t (positive when b's mean is larger), Welch–Satterthwaite df and the two-sided p
     * @throws IllegalArgumentException if a sample has fewer than two values
     */
    public static WelchResult test(final double[] a, final double[] b)
    {
        final double meanA = Samples.mean(a);
        final double meanB = Samples.mean(b);
        final double termA = Samples.variance(a) / a.length;
        final double termB = Samples.variance(b) / b.length;
        final double squaredError = termA + termB;
        if (squaredError == 0)
        {
            // Both samples constant: no noise to weigh the difference against.
            if (meanA == meanB)
            {
                return new WelchResult(0, Double.NaN, 1);
            }
            return new WelchResult(meanB > meanA ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, Double.NaN, 0);
        }
        final double t = (meanB - meanA) / Math.sqrt(squaredError);
        final double df = squaredError * squaredError
            / (termA * termA / (a.length - 1) + termB * termB / (b.length - 1));
        return new WelchResult(t, df, StudentT.twoSidedP(t, df));
    }
}
