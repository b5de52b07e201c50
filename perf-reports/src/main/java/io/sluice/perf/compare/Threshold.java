package io.sluice.perf.compare;

/**
 * When a change counts, following flink-benchmarks: only if |relative change| &gt; max({@code minRelativeChange},
 * {@code noiseFactor} &times; relative stddev of the baseline samples) and Welch's p &lt; {@code alpha}, and the
 * absolute change exceeds {@code minAbsoluteChange}.
 *
 * @param minRelativeChange the minimum effect size, e.g. 0.04 for 4 %
 * @param noiseFactor       multiplier of the baseline's relative standard deviation, e.g. 2
 * @param alpha             significance level of the two-sided Welch test, e.g. 0.05
 * @param minAbsoluteChange absolute floor in the metric's unit (0 for none); used for allocation, where 0.01 to
 *                          0.02 B/op is a 100 % change of nothing
 */
public record Threshold(double minRelativeChange, double noiseFactor, double alpha, double minAbsoluteChange)
{
    /** flink-benchmarks' rule: 4 %, 2 sigma, p &lt; 0.05. */
    public static final Threshold DEFAULT = new Threshold(0.04, 2.0, 0.05, 0.0);

    /** Allocation per operation additionally ignores changes below one byte per operation. */
    public static final double ALLOCATION_MIN_BYTES = 1.0;

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a value is negative, NaN, or alpha is not in (0, 1)
     */
    public Threshold
    {
        if (!(minRelativeChange >= 0) || !(noiseFactor >= 0) || !(minAbsoluteChange >= 0))
        {
            throw new IllegalArgumentException("threshold values must be non-negative");
        }
        if (!(alpha > 0 && alpha < 1))
        {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }

    /**
     * The same threshold with another minimum effect size.
     *
     * @param relative e.g. 0.05
     * @return a new threshold
     */
    public Threshold withMinRelativeChange(final double relative)
    {
        return new Threshold(relative, noiseFactor, alpha, minAbsoluteChange);
    }

    /**
     * The same threshold with an absolute floor.
     *
     * @param absolute in the metric's unit
     * @return a new threshold
     */
    public Threshold withMinAbsoluteChange(final double absolute)
    {
        return new Threshold(minRelativeChange, noiseFactor, alpha, absolute);
    }
}
