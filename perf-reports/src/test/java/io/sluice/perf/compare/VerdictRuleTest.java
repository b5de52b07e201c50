package io.sluice.perf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.SampleBasis;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One crafted case per verdict and rule branch. Per-fork means are chosen so the numbers can be checked by hand.
 */
class VerdictRuleTest
{
    private static final BenchmarkKey KEY = BenchmarkKey.of("x.Y.z", "thrpt", Map.of());

    /** Baseline per-fork means: mean 100, stddev 1 (relative 1 %), so the threshold is max(4 %, 2 %) = 4 %. */
    private static final double[] QUIET = {99, 100, 101};

    @Test
    void regressedWhenThroughputDropsBeyondThresholdAndSignificant()
    {
        final Comparison comparison = decide(QUIET, new double[] {89, 90, 91}, Direction.HIGHER_IS_BETTER);
        assertEquals(Verdict.REGRESSED, comparison.verdict());
        assertEquals(-0.10, comparison.relativeChange(), 1e-12);
        assertEquals(0.04, comparison.threshold(), 1e-12);
        assertTrue(comparison.p() < 0.05, "p " + comparison.p());
        assertTrue(comparison.reason().contains("p = "), comparison.reason());
    }

    @Test
    void improvedWhenThroughputRises()
    {
        assertEquals(Verdict.IMPROVED, decide(QUIET, new double[] {109, 110, 111}, Direction.HIGHER_IS_BETTER).verdict());
    }

    @Test
    void lowerIsBetterFlipsTheDirection()
    {
        // Same numbers as the throughput regression: for avgt a 10 % lower time is an improvement.
        assertEquals(Verdict.IMPROVED, decide(QUIET, new double[] {89, 90, 91}, Direction.LOWER_IS_BETTER).verdict());
        assertEquals(Verdict.REGRESSED, decide(QUIET, new double[] {109, 110, 111}, Direction.LOWER_IS_BETTER).verdict());
    }

    @Test
    void unchangedWithinMinimumEffectEvenIfSignificant()
    {
        // 3 % lower with almost no noise: p is tiny, but 3 % < 4 %.
        final Comparison comparison = decide(new double[] {100, 100.01, 99.99}, new double[] {97, 97.01, 96.99},
            Direction.HIGHER_IS_BETTER);
        assertTrue(comparison.p() < 1e-6, "p " + comparison.p());
        assertEquals(Verdict.UNCHANGED, comparison.verdict());
    }

    @Test
    void tooNoisyWhenChangeIsWithinTwiceTheBaselineSpread()
    {
        // Baseline stddev 10 % of the mean: threshold 20 %; a 15 % drop cannot be told from noise.
        final Comparison comparison = decide(new double[] {90, 100, 110}, new double[] {84, 85, 86},
            Direction.HIGHER_IS_BETTER);
        assertEquals(Verdict.TOO_NOISY, comparison.verdict());
        assertEquals(0.20, comparison.threshold(), 1e-12);
        assertTrue(comparison.reason().contains("baseline noise"), comparison.reason());
    }

    @Test
    void tooNoisyWhenBeyondThresholdButNotSignificant()
    {
        // Quiet baseline, wild candidate: -10 % on average but p is large.
        final Comparison comparison = decide(QUIET, new double[] {60, 120, 90}, Direction.HIGHER_IS_BETTER);
        assertTrue(comparison.p() >= 0.05, "p " + comparison.p());
        assertEquals(Verdict.TOO_NOISY, comparison.verdict());
        assertTrue(comparison.reason().contains("not significant"), comparison.reason());
    }

    @Test
    void tooNoisyWithFewerThanTwoSamples()
    {
        final Metric one = new Metric("primary", "ops/us", 50, Double.NaN, new double[] {50}, SampleBasis.ITERATIONS);
        final Comparison comparison = VerdictRule.decide(KEY, metric(QUIET), one, Direction.HIGHER_IS_BETTER,
            Threshold.DEFAULT);
        assertEquals(Verdict.TOO_NOISY, comparison.verdict());
        assertTrue(comparison.reason().contains("too few samples"), comparison.reason());
    }

    @Test
    void singleValuesCompareByRatioOnly()
    {
        final Metric base = single(100);
        assertEquals(Verdict.REGRESSED,
            VerdictRule.decide(KEY, base, single(110), Direction.LOWER_IS_BETTER, Threshold.DEFAULT).verdict());
        assertEquals(Verdict.IMPROVED,
            VerdictRule.decide(KEY, base, single(90), Direction.LOWER_IS_BETTER, Threshold.DEFAULT).verdict());
        final Comparison unchanged = VerdictRule.decide(KEY, base, single(103), Direction.LOWER_IS_BETTER,
            Threshold.DEFAULT);
        assertEquals(Verdict.UNCHANGED, unchanged.verdict());
        assertTrue(unchanged.reason().contains("ratio only"), unchanged.reason());
        assertTrue(Double.isNaN(unchanged.p()));
    }

    @Test
    void absoluteFloorSuppressesTinyAllocationChanges()
    {
        final Threshold allocation = Threshold.DEFAULT.withMinAbsoluteChange(Threshold.ALLOCATION_MIN_BYTES);
        final Comparison comparison = VerdictRule.decide(KEY, metric(new double[] {0.01, 0.011}),
            metric(new double[] {0.5, 0.51}), Direction.LOWER_IS_BETTER, allocation);
        assertEquals(Verdict.UNCHANGED, comparison.verdict());
        final Comparison real = VerdictRule.decide(KEY, metric(new double[] {16, 16}), metric(new double[] {40, 40.001}),
            Direction.LOWER_IS_BETTER, allocation);
        assertEquals(Verdict.REGRESSED, real.verdict());
    }

    @Test
    void thresholdRulesOverrideByPattern()
    {
        final ThresholdRules rules = ThresholdRules.of(Threshold.DEFAULT).with("Hash.*Benchmark=10%").with("Hash=1%");
        assertEquals(0.10, rules.forBenchmark("io.sluice.HashAggregationBenchmark.a").minRelativeChange(), 0);
        assertEquals(0.01, rules.forBenchmark("io.sluice.HashOther.a").minRelativeChange(), 0);
        assertEquals(0.04, rules.forBenchmark("io.sluice.Queue.a").minRelativeChange(), 0);
        final Comparison loose = VerdictRule.decide(KEY, metric(QUIET), metric(new double[] {92, 93, 94}),
            Direction.HIGHER_IS_BETTER, rules.forBenchmark("io.sluice.HashAggregationBenchmark.a"));
        assertEquals(Verdict.UNCHANGED, loose.verdict(), "7 % is below the 10 % override");
    }

    private static Comparison decide(final double[] base, final double[] cand, final Direction direction)
    {
        return VerdictRule.decide(KEY, metric(base), metric(cand), direction, Threshold.DEFAULT);
    }

    private static Metric metric(final double[] samples)
    {
        double sum = 0;
        for (final double sample : samples)
        {
            sum += sample;
        }
        return new Metric("primary", "ops/us", sum / samples.length, 1.0, samples, SampleBasis.FORKS);
    }

    private static Metric single(final double value)
    {
        return new Metric("primary", "us", value, Double.NaN, new double[] {value}, SampleBasis.SINGLE_VALUE);
    }
}
