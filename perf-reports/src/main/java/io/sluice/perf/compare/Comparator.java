package io.sluice.perf.compare;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Result;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.SampleBasis;
import io.sluice.perf.model.ScoreUnits;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a baseline run with a candidate run, result by result, matched on (benchmark, mode, params).
 * Results on one side only are listed, never given a verdict; JVM differences become warnings.
 * Immutable and thread-safe.
 */
public final class Comparator
{
    private final ThresholdRules rules;

    /**
     * Creates a comparator.
     *
     * @param rules thresholds per benchmark
     */
    public Comparator(final ThresholdRules rules)
    {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Compares.
     *
     * @param baseline  the reference run (e.g. the last release)
     * @param candidate the run under test
     * @return the report
     */
    public ComparisonReport compare(final Run baseline, final Run candidate)
    {
        final List<String> warnings = new ArrayList<>(jvmWarnings(baseline.jvm(), candidate.jvm()));
        final Map<BenchmarkKey, Result> candidates = candidate.byKey();
        final Map<BenchmarkKey, Result> baselines = baseline.byKey();
        final List<Comparison> primary = new ArrayList<>();
        final List<Comparison> allocation = new ArrayList<>();
        final List<Unpaired> missing = new ArrayList<>();
        final List<Unpaired> unmatched = new ArrayList<>();
        final Set<SampleBasis> weakBases = new LinkedHashSet<>();

        for (final Result base : baseline.results())
        {
            final Result cand = candidates.get(base.key());
            if (cand == null)
            {
                unpaired(base.key(), "baseline", "candidate", candidate, missing, unmatched);
                continue;
            }
            final Direction direction = Direction.ofMode(base.key().mode());
            final Threshold threshold = rules.forBenchmark(base.key().benchmark());
            final Metric converted = convert(base.primary(), cand.primary());
            if (converted == null)
            {
                unmatched.add(new Unpaired(base.key(), "both", "units differ: baseline " + base.primary().unit()
                    + ", candidate " + cand.primary().unit()));
                continue;
            }
            final Comparison comparison = VerdictRule.decide(base.key(), base.primary(), converted, direction, threshold);
            primary.add(comparison);
            if (comparison.basis() == SampleBasis.ITERATIONS)
            {
                weakBases.add(SampleBasis.ITERATIONS);
            }
            for (final Map.Entry<String, Metric> secondary : base.secondary().entrySet())
            {
                final Metric candSecondary = cand.secondary().get(secondary.getKey());
                if (candSecondary != null && Direction.isAllocationPerOperation(secondary.getKey()))
                {
                    final Metric convertedSecondary = convert(secondary.getValue(), candSecondary);
                    if (convertedSecondary != null)
                    {
                        allocation.add(VerdictRule.decide(base.key(), secondary.getValue(), convertedSecondary,
                            Direction.LOWER_IS_BETTER, threshold.withMinAbsoluteChange(Threshold.ALLOCATION_MIN_BYTES)));
                    }
                }
            }
        }
        for (final Result cand : candidate.results())
        {
            if (!baselines.containsKey(cand.key()))
            {
                unpaired(cand.key(), "candidate", "baseline", baseline, missing, unmatched);
            }
        }
        if (!missing.isEmpty())
        {
            warnings.add(missing.size() + " result(s) present in one run only (see Missing); they have no verdict");
        }
        if (!unmatched.isEmpty())
        {
            warnings.add(unmatched.size() + " result(s) could not be matched by (benchmark, mode, params) or unit"
                + " (see Unmatched); they have no verdict");
        }
        if (weakBases.contains(SampleBasis.ITERATIONS))
        {
            warnings.add("some runs have a single fork: their samples are iterations, not independent JVMs;"
                + " run with -f 2 or more for trustworthy p-values");
        }
        return new ComparisonReport(baseline.label(), candidate.label(), baseline.jvm(), candidate.jvm(), warnings,
            primary, allocation, missing, unmatched);
    }

    /**
     * Warnings for JVM differences between two runs; none when either JVM is unknown (latency-harness input).
     *
     * @param baseline  the baseline JVM
     * @param candidate the candidate JVM
     * @return one line per differing property
     */
    public static List<String> jvmWarnings(final JvmInfo baseline, final JvmInfo candidate)
    {
        final List<String> warnings = new ArrayList<>();
        if (!baseline.isKnown() || !candidate.isKnown())
        {
            return warnings;
        }
        if (!baseline.jdkVersion().equals(candidate.jdkVersion()) || !baseline.vmVersion().equals(candidate.vmVersion())
            || !baseline.vmName().equals(candidate.vmName()))
        {
            warnings.add("JVM differs: baseline " + baseline.describe() + ", candidate " + candidate.describe()
                + "; differences may come from the JVM, not the code");
        }
        if (!baseline.jvmArgs().equals(candidate.jvmArgs()))
        {
            warnings.add("JVM arguments differ: baseline " + baseline.jvmArgs() + ", candidate " + candidate.jvmArgs());
        }
        return warnings;
    }

    private static Metric convert(final Metric base, final Metric cand)
    {
        final double factor = ScoreUnits.factor(cand.unit(), base.unit());
        if (Double.isNaN(factor))
        {
            return null;
        }
        return factor == 1.0 ? cand : cand.scaled(base.unit(), factor);
    }

    private static void unpaired(
        final BenchmarkKey key,
        final String side,
        final String otherSide,
        final Run other,
        final List<Unpaired> missing,
        final List<Unpaired> unmatched)
    {
        final List<String> variants = new ArrayList<>();
        for (final Result result : other.results())
        {
            if (result.key().benchmark().equals(key.benchmark()))
            {
                final String params = result.key().paramsText();
                variants.add(result.key().mode() + (params.isEmpty() ? "" : " " + params));
            }
        }
        if (variants.isEmpty())
        {
            missing.add(new Unpaired(key, side, "benchmark not in " + otherSide));
        }
        else
        {
            unmatched.add(new Unpaired(key, side, otherSide + " has: " + String.join("; ", variants)));
        }
    }
}
