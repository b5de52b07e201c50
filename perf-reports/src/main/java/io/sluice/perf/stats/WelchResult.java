package io.sluice.perf.stats;

/**
 * The outcome of Welch's unequal-variances t-test.
 *
 * @param t             the statistic, (mean of b - mean of a) / standard error; 0 when both samples are constant
 *                      and equal, ±infinity when they are constant and differ
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom; {@code NaN} when both variances are zero
 * @param p             two-sided p-value
 */
public record WelchResult(double t, double degreesOfFreedom, double p)
{
}
