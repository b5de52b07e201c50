package io.sluice.recovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Jepsen's total-queue check for the stateless pipeline: every record in the ingest log must come out exactly as
 * often as it is in the log. The output is the union of every batch file (a re-run batch replaces its file, so a
 * batch counts once however often it ran).
 *
 * <p>Units: records. Lost = log count minus output count where the output has fewer; duplicated = the excess where
 * the output has more of a record that is in the log; unexpected = output records the log does not hold at all.
 *
 * <p>Stateless; thread-safe; allocates maps of the output's size.
 */
public final class TotalQueueChecker
{
    private TotalQueueChecker()
    {
    }

    /**
     * @param logCounts how often each record is in the log.
     * @param outputs   batch time to that batch file's lines.
     */
    public static CheckResult check(final Map<String, Long> logCounts, final SortedMap<Long, List<String>> outputs)
    {
        final CheckResult.Tally tally = new CheckResult.Tally("total-queue");
        final Map<String, Long> outCounts = new HashMap<>();
        final Map<String, Long> firstBatch = new HashMap<>();
        for (final Map.Entry<Long, List<String>> batch : outputs.entrySet())
        {
            for (final String line : batch.getValue())
            {
                outCounts.merge(line, 1L, Long::sum);
                firstBatch.putIfAbsent(line, batch.getKey());
            }
        }
        for (final Map.Entry<String, Long> entry : new TreeMap<>(logCounts).entrySet())
        {
            final long expected = entry.getValue();
            final long actual = outCounts.getOrDefault(entry.getKey(), 0L);
            if (actual < expected)
            {
                tally.lost(expected - actual, "\"" + entry.getKey() + "\" is " + expected + "x in the log, " + actual
                    + "x in the output");
            }
            else if (actual > expected)
            {
                tally.duplicated(actual - expected, "\"" + entry.getKey() + "\" is " + expected + "x in the log, "
                    + actual + "x in the output (first in batch " + firstBatch.get(entry.getKey()) + ")");
            }
        }
        for (final Map.Entry<String, Long> entry : new TreeMap<>(outCounts).entrySet())
        {
            if (!logCounts.containsKey(entry.getKey()))
            {
                tally.unexpected(entry.getValue(), "\"" + entry.getKey() + "\" is not in the log (first in batch "
                    + firstBatch.get(entry.getKey()) + ")");
            }
        }
        return tally.result();
    }
}
