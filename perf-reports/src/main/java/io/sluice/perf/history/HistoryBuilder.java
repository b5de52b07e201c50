package io.sluice.perf.history;

import io.sluice.perf.compare.Comparator;
import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Result;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.RunLabel;
import io.sluice.perf.model.ScoreUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link HistoryReport} from runs given oldest first. Stateless and thread-safe.
 */
public final class HistoryBuilder
{
    private HistoryBuilder()
    {
    }

    /**
     * Builds the history.
     *
     * @param runs oldest first; at least one
     * @return the report
     * @throws IllegalArgumentException if there are no runs
     */
    public static HistoryReport build(final List<Run> runs)
    {
        if (runs.isEmpty())
        {
            throw new IllegalArgumentException("history needs at least one run");
        }
        final List<RunLabel> labels = new ArrayList<>();
        final List<String> jvms = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<BenchmarkKey, String> units = new LinkedHashMap<>();
        final Map<BenchmarkKey, List<HistoryPoint>> points = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++)
        {
            final Run run = runs.get(i);
            labels.add(run.label());
            jvms.add(run.jvm().describe());
            if (i > 0)
            {
                for (final String warning : Comparator.jvmWarnings(runs.get(i - 1).jvm(), run.jvm()))
                {
                    warnings.add(runs.get(i - 1).label().name() + " -> " + run.label().name() + ": " + warning);
                }
            }
            for (final Result result : run.results())
            {
                final Metric metric = result.primary();
                final String unit = units.computeIfAbsent(result.key(), key -> metric.unit());
                final double factor = ScoreUnits.factor(metric.unit(), unit);
                if (Double.isNaN(factor))
                {
                    warnings.add(run.label().name() + ": " + result.key() + " is in " + metric.unit() + ", earlier runs in "
                        + unit + "; point left out");
                    continue;
                }
                points.computeIfAbsent(result.key(), key -> new ArrayList<>())
                    .add(new HistoryPoint(i, metric.score() * factor, metric.scoreError() * factor));
            }
        }
        final List<HistorySeries> series = new ArrayList<>();
        for (final Map.Entry<BenchmarkKey, List<HistoryPoint>> entry : points.entrySet())
        {
            final BenchmarkKey key = entry.getKey();
            if (entry.getValue().size() < runs.size())
            {
                warnings.add(key + " is missing from " + (runs.size() - entry.getValue().size()) + " of " + runs.size()
                    + " runs");
            }
            series.add(new HistorySeries(key, units.get(key), Direction.ofMode(key.mode()), entry.getValue()));
        }
        return new HistoryReport(labels, jvms, warnings, series);
    }
}
