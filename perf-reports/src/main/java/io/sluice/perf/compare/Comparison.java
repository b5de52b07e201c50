package io.sluice.perf.compare;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.SampleBasis;

/**
 * One metric of one benchmark compared: the inputs, the statistics and the verdict with its reason.
 *
 * @param key              the benchmark, mode and params
 * @param baseline         the baseline metric
 * @param candidate        the candidate metric, converted to the baseline's unit
 * @param direction        which way is better
 * @param relativeChange   (candidate mean - baseline mean) / |baseline mean| over the samples; ±infinity from zero
 * @param threshold        the effective relative threshold max(min effect, factor &times; baseline relative stddev)
 * @param t                Welch's t (positive: candidate larger); NaN when no test was possible
 * @param degreesOfFreedom Welch's df; NaN when no test was possible or both samples are constant
 * @param p                two-sided p; NaN when no test was possible
 * @param basis            the weaker sample basis of the two sides
 * @param verdict          the verdict
 * @param reason           why, in one sentence, for reports
 */
public record Comparison(
    BenchmarkKey key,
    Metric baseline,
    Metric candidate,
    Direction direction,
    double relativeChange,
    double threshold,
    double t,
    double degreesOfFreedom,
    double p,
    SampleBasis basis,
    Verdict verdict,
    String reason)
{
    /**
     * The metric's name: {@code primary} or a secondary's name.
     *
     * @return the baseline metric's name
     */
    public String metricName()
    {
        return baseline.name();
    }
}
