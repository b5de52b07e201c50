package io.sluice.perf.history;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import java.util.List;

/**
 * One benchmark-and-params across runs; runs that lack it simply have no point.
 *
 * @param key       the benchmark, mode and params
 * @param unit      the unit of every point (the first run's; later runs are converted)
 * @param direction which way is better
 * @param points    by ascending run index
 */
public record HistorySeries(BenchmarkKey key, String unit, Direction direction, List<HistoryPoint> points)
{
    /** Copies the points. */
    public HistorySeries
    {
        points = List.copyOf(points);
    }
}
