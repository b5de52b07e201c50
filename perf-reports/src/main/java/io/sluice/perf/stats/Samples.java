package io.sluice.perf.stats;

/**
 * Mean and unbiased variance of a small sample, two-pass for accuracy. Allocation-free and thread-safe.
 */
public final class Samples
{
    private Samples()
    {
    }

    /**
     * Arithmetic mean.
     *
     * @param values at least one value
     * @return the mean
     * @throws IllegalArgumentException if empty
     */
    public static double mean(final double[] values)
    {
        if (values.length == 0)
        {
            throw new IllegalArgumentException("mean of no values");
        }
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    /**
     * Unbiased sample variance (divisor n - 1).
     *
     * @param values at least two values
     * @return the variance
     * @throws IllegalArgumentException if fewer than two values
     */
    public static double variance(final double[] values)
    {
        if (values.length < 2)
        {
            throw new IllegalArgumentException("variance needs at least two values, got " + values.length);
        }
        final double mean = mean(values);
        double sum = 0;
        for (final double value : values)
        {
            final double deviation = value - mean;
            sum += deviation * deviation;
        }
        return sum / (values.length - 1);
    }

    /**
     * Relative standard deviation (coefficient of variation): stddev / |mean|.
     *
     * @param values at least two values
     * @return the ratio; infinite when the mean is zero and the values vary, 0 when they are all zero
     */
    public static double relativeStandardDeviation(final double[] values)
    {
        final double standardDeviation = Math.sqrt(variance(values));
        if (standardDeviation == 0)
        {
            return 0;
        }
        return standardDeviation / Math.abs(mean(values));
    }
}
