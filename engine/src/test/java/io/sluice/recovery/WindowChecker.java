package io.sluice.recovery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The check for {@code reduceByKeyAndWindow(sum, inverse, window, slide)} counting records per key: every window
 * output at time {@code T} must equal, key by key, the count of the records in the batches the manifest sealed with
 * times in {@code (T - window, T]}, recomputed from the log. That is Spark's definition of the window, and it holds
 * across a crash whatever the engine does with the batch times it was down for: a time with no seal holds no
 * record. Without a filter a key, once seen, stays in every later window output, decaying to 0. The run must end
 * after the window slid past the last data, so the last output must be all zeros: a record added twice and removed
 * once (or the reverse) by the incremental state is left over there.
 *
 * <p>Units: record x window (a record missing from two windows counts 2). Lost = expected minus emitted where the
 * window shows less (a key missing from a window where it has records counts its whole expected value);
 * duplicated = the excess where it shows more; unexpected = keys emitted before any sealed batch holds them (at
 * least 1 per emission). Violations: a negative window value, a key dropped from a window after it was seen, an
 * unparseable line or repeated key, and a last window that still covers data.
 *
 * <p>Stateless; thread-safe; allocates per-window maps.
 */
public final class WindowChecker
{
    private WindowChecker()
    {
    }

    /**
     * @param batchKeyCounts per sealed batch time, how many records of each key the batch holds.
     * @param windowMs       the window length.
     * @param outputs        window time to that window's {@code <key> <sum>} lines.
     */
    public static CheckResult check(final SortedMap<Long, Map<String, Long>> batchKeyCounts, final long windowMs,
        final SortedMap<Long, List<String>> outputs)
    {
        final CheckResult.Tally tally = new CheckResult.Tally("window");
        final Set<String> seen = new HashSet<>();
        final Iterator<Map.Entry<Long, Map<String, Long>>> batches = batchKeyCounts.entrySet().iterator();
        Map.Entry<Long, Map<String, Long>> nextBatch = batches.hasNext() ? batches.next() : null;
        for (final Map.Entry<Long, List<String>> window : outputs.entrySet())
        {
            final long time = window.getKey();
            while (nextBatch != null && nextBatch.getKey() <= time)
            {
                for (final Map.Entry<String, Long> count : nextBatch.getValue().entrySet())
                {
                    if (count.getValue() > 0)
                    {
                        seen.add(count.getKey());
                    }
                }
                nextBatch = batches.hasNext() ? batches.next() : null;
            }
            final Map<String, Long> expected = expected(batchKeyCounts, time - windowMs, time);
            final Map<String, Long> actual = OutputLines.keyValues(time, window.getValue(), tally);
            checkWindow(time, expected, actual, seen, tally);
        }
        long lastDataBatch = Long.MIN_VALUE;
        for (final Map.Entry<Long, Map<String, Long>> batch : batchKeyCounts.entrySet())
        {
            if (batch.getValue().values().stream().anyMatch(count -> count > 0))
            {
                lastDataBatch = batch.getKey();
            }
        }
        if (lastDataBatch != Long.MIN_VALUE && (outputs.isEmpty() || outputs.lastKey() - windowMs < lastDataBatch))
        {
            tally.violation("the last window (" + (outputs.isEmpty() ? "none" : outputs.lastKey()) + ") still covers "
                + "the last batch with data (" + lastDataBatch + "): the run stopped before the window slid past it");
        }
        return tally.result();
    }

    private static void checkWindow(final long time, final Map<String, Long> expected, final Map<String, Long> actual,
        final Set<String> seen, final CheckResult.Tally tally)
    {
        for (final Map.Entry<String, Long> entry : actual.entrySet())
        {
            final String key = entry.getKey();
            final long value = entry.getValue();
            if (value < 0)
            {
                tally.violation("window " + time + ": key " + key + " is negative (" + value + ")");
            }
            if (!seen.contains(key))
            {
                tally.unexpected(Math.max(1L, Math.abs(value)), "window " + time + ": key " + key + " = " + value
                    + " before any sealed batch holds it");
                continue;
            }
            final long want = expected.getOrDefault(key, 0L);
            if (value > want)
            {
                tally.duplicated(value - want, "window " + time + ": key " + key + " = " + value + ", the log gives "
                    + want);
            }
            else if (value < want)
            {
                tally.lost(want - value, "window " + time + ": key " + key + " = " + value + ", the log gives " + want);
            }
        }
        for (final String key : new TreeMap<>(expected).keySet())
        {
            if (!actual.containsKey(key) && expected.get(key) > 0)
            {
                tally.lost(expected.get(key), "window " + time + ": key " + key + " missing, the log gives "
                    + expected.get(key));
            }
        }
        for (final String key : seen)
        {
            if (!actual.containsKey(key) && expected.getOrDefault(key, 0L) == 0)
            {
                tally.violation("window " + time + ": key " + key + " was seen before but is missing (a window "
                    + "without a filter keeps it at 0)");
            }
        }
    }

    private static Map<String, Long> expected(final SortedMap<Long, Map<String, Long>> batchKeyCounts,
        final long fromExclusive, final long toInclusive)
    {
        final Map<String, Long> sums = new HashMap<>();
        for (final Map<String, Long> batch : batchKeyCounts.subMap(fromExclusive + 1, toInclusive + 1).values())
        {
            for (final Map.Entry<String, Long> count : batch.entrySet())
            {
                sums.merge(count.getKey(), count.getValue(), Long::sum);
            }
        }
        return sums;
    }
}
