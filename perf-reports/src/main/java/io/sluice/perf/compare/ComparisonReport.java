package io.sluice.perf.compare;

import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.RunLabel;
import java.util.List;

/**
 * Everything a comparison found, in input order: what every renderer prints.
 *
 * @param baseline    the baseline's label
 * @param candidate   the candidate's label
 * @param baselineJvm the baseline's JVM
 * @param candidateJvm the candidate's JVM
 * @param warnings    lines every output must show (JVM differences, one-sided results, weak sample bases)
 * @param primary     primary-metric comparisons
 * @param allocation  {@code gc.alloc.rate.norm} comparisons, reported separately
 * @param missing     results whose benchmark exists in one run only
 * @param unmatched   results whose benchmark exists in both runs but not with this mode and param set
 */
public record ComparisonReport(
    RunLabel baseline,
    RunLabel candidate,
    JvmInfo baselineJvm,
    JvmInfo candidateJvm,
    List<String> warnings,
    List<Comparison> primary,
    List<Comparison> allocation,
    List<Unpaired> missing,
    List<Unpaired> unmatched)
{
    /** Copies the lists. */
    public ComparisonReport
    {
        warnings = List.copyOf(warnings);
        primary = List.copyOf(primary);
        allocation = List.copyOf(allocation);
        missing = List.copyOf(missing);
        unmatched = List.copyOf(unmatched);
    }

    /**
     * Whether the CI gate fails: any primary or allocation comparison regressed.
     *
     * @return true on any regression
     */
    public boolean hasRegression()
    {
        return count(Verdict.REGRESSED) > 0;
    }

    /**
     * How many comparisons (primary and allocation) have a verdict.
     *
     * @param verdict the verdict
     * @return the count
     */
    public int count(final Verdict verdict)
    {
        int count = 0;
        for (final Comparison comparison : primary)
        {
            count += comparison.verdict() == verdict ? 1 : 0;
        }
        for (final Comparison comparison : allocation)
        {
            count += comparison.verdict() == verdict ? 1 : 0;
        }
        return count;
    }
}
