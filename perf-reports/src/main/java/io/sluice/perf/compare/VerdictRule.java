package io.sluice.perf.compare;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.SampleBasis;
import io.sluice.perf.stats.Samples;
import io.sluice.perf.stats.WelchResult;
import io.sluice.perf.stats.WelchTest;
import java.util.Locale;

/**
 * Decides the {@link Verdict} for one metric from its baseline and candidate samples:
 * <ol>
 *   <li>Both single values (latency percentiles): |change| &gt; min effect (and the absolute floor) decides by
 *       direction, otherwise unchanged; no significance test, and the reason says so.</li>
 *   <li>Fewer than two samples on a side: too noisy to tell.</li>
 *   <li>|change| &le; min effect or |absolute change| &le; the absolute floor: unchanged.</li>
 *   <li>|change| &le; noise factor &times; baseline relative stddev: too noisy to tell (the baseline's own spread
 *       is larger than the change).</li>
 *   <li>Welch's p &lt; alpha: improved or regressed by direction; otherwise too noisy to tell.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class VerdictRule
{
    private VerdictRule()
    {
    }

    /**
     * Compares.
     *
     * @param key       the benchmark
     * @param baseline  the baseline metric
     * @param candidate the candidate metric, already in the baseline's unit
     * @param direction which way is better
     * @param threshold the threshold for this benchmark
     * @return the comparison with verdict and reason
     */
    public static Comparison decide(
        final BenchmarkKey key,
        final Metric baseline,
        final Metric candidate,
        final Direction direction,
        final Threshold threshold)
    {
        final double[] base = baseline.samples();
        final double[] cand = candidate.samples();
        final SampleBasis basis = weaker(baseline.basis(), candidate.basis());
        final double baseMean = base.length > 0 ? Samples.mean(base) : Double.NaN;
        final double candMean = cand.length > 0 ? Samples.mean(cand) : Double.NaN;
        final double absoluteChange = candMean - baseMean;
        final double change = relativeChange(baseMean, candMean);
        final double magnitude = Math.abs(change);
        final boolean isBigEnough = magnitude > threshold.minRelativeChange()
            && Math.abs(absoluteChange) > threshold.minAbsoluteChange();

        if (baseline.basis() == SampleBasis.SINGLE_VALUE && candidate.basis() == SampleBasis.SINGLE_VALUE)
        {
            final double limit = threshold.minRelativeChange();
            if (!isBigEnough)
            {
                return of(key, baseline, candidate, direction, change, limit, null, basis, Verdict.UNCHANGED,
                    "single values: change " + percent(change) + " within " + unsigned(limit) + " (ratio only, no significance test)");
            }
            return of(key, baseline, candidate, direction, change, limit, null, basis, byDirection(direction, change),
                "single values: change " + percent(change) + " beyond " + unsigned(limit) + " (ratio only, no significance test)");
        }
        if (base.length < 2 || cand.length < 2)
        {
            return of(key, baseline, candidate, direction, change, threshold.minRelativeChange(), null, basis, Verdict.TOO_NOISY,
                "too few samples (" + base.length + " baseline, " + cand.length + " candidate; need 2 each)");
        }
        final double noise = threshold.noiseFactor() * Samples.relativeStandardDeviation(base);
        final double limit = Math.max(threshold.minRelativeChange(), noise);
        final WelchResult welch = WelchTest.test(base, cand);
        if (!isBigEnough)
        {
            return of(key, baseline, candidate, direction, change, limit, welch, basis, Verdict.UNCHANGED,
                "change " + percent(change) + " within minimum effect " + unsigned(threshold.minRelativeChange())
                    + (Math.abs(absoluteChange) <= threshold.minAbsoluteChange() && threshold.minAbsoluteChange() > 0
                    ? " or absolute floor " + threshold.minAbsoluteChange() + " " + baseline.unit() : ""));
        }
        if (magnitude <= noise)
        {
            return of(key, baseline, candidate, direction, change, limit, welch, basis, Verdict.TOO_NOISY,
                "change " + percent(change) + " within baseline noise (" + format(threshold.noiseFactor())
                    + " x rel. stddev = " + unsigned(noise) + ")");
        }
        if (!(welch.p() < threshold.alpha()))
        {
            return of(key, baseline, candidate, direction, change, limit, welch, basis, Verdict.TOO_NOISY,
                "change " + percent(change) + " beyond " + unsigned(limit) + " but not significant (p = "
                    + format(welch.p()) + " >= " + format(threshold.alpha()) + ")");
        }
        final String basisNote = basis == SampleBasis.ITERATIONS ? "; samples are iterations of one fork, p is optimistic" : "";
        return of(key, baseline, candidate, direction, change, limit, welch, basis, byDirection(direction, change),
            "change " + percent(change) + " beyond " + unsigned(limit) + ", p = " + format(welch.p()) + basisNote);
    }

    private static Comparison of(
        final BenchmarkKey key,
        final Metric baseline,
        final Metric candidate,
        final Direction direction,
        final double change,
        final double limit,
        final WelchResult welch,
        final SampleBasis basis,
        final Verdict verdict,
        final String reason)
    {
        final double t = welch == null ? Double.NaN : welch.t();
        final double df = welch == null ? Double.NaN : welch.degreesOfFreedom();
        final double p = welch == null ? Double.NaN : welch.p();
        return new Comparison(key, baseline, candidate, direction, change, limit, t, df, p, basis, verdict, reason);
    }

    private static Verdict byDirection(final Direction direction, final double change)
    {
        return direction.isImprovement(change) ? Verdict.IMPROVED : Verdict.REGRESSED;
    }

    /**
     * (candidate - baseline) / |baseline|; 0 when both are zero, ±infinity when only the baseline is.
     *
     * @param baseMean      baseline mean
     * @param candidateMean candidate mean
     * @return the relative change
     */
    static double relativeChange(final double baseMean, final double candidateMean)
    {
        if (baseMean == 0)
        {
            if (candidateMean == 0)
            {
                return 0;
            }
            return candidateMean > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return (candidateMean - baseMean) / Math.abs(baseMean);
    }

    private static SampleBasis weaker(final SampleBasis a, final SampleBasis b)
    {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static String percent(final double fraction)
    {
        if (Double.isInfinite(fraction))
        {
            return fraction > 0 ? "+inf%" : "-inf%";
        }
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100).replace("+0.0%", "0.0%").replace("-0.0%", "0.0%");
    }

    private static String unsigned(final double fraction)
    {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    private static String format(final double value)
    {
        if (value != 0 && Math.abs(value) < 0.001)
        {
            return String.format(Locale.ROOT, "%.1e", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
