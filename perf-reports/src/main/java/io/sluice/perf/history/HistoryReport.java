package io.sluice.perf.history;

import io.sluice.perf.model.RunLabel;
import java.util.List;

/**
 * Many runs of the same suites, oldest first, as series per benchmark-and-params.
 *
 * @param runs     the runs' labels in the order given
 * @param jvms     each run's JVM description, same order
 * @param warnings lines every output must show (JVM changes, gaps, unit mismatches)
 * @param series   one per (benchmark, mode, params) in first-seen order
 */
public record HistoryReport(List<RunLabel> runs, List<String> jvms, List<String> warnings, List<HistorySeries> series)
{
    /** Copies the lists. */
    public HistoryReport
    {
        runs = List.copyOf(runs);
        jvms = List.copyOf(jvms);
        warnings = List.copyOf(warnings);
        series = List.copyOf(series);
    }
}
