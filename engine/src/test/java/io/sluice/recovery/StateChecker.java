package io.sluice.recovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The check for {@code updateStateByKey} counting records per key, whose every batch file holds the whole state:
 * the last batch file (the one the final graceful stop wrote) must give each key exactly the log's count for it,
 * and across batch files in time order each key's count must never decrease.
 *
 * <p>Units: records. Lost = the sum of the shortfalls (a key missing from the last file is short by its whole
 * count); duplicated = the sum of the excesses; unexpected = the counts of keys the log does not have (at least 1
 * per such key). A decrease between two batch files, an unparseable line or a key given twice in a file is a
 * violation.
 *
 * <p>Stateless; thread-safe; allocates maps of the key count.
 */
public final class StateChecker
{
    private StateChecker()
    {
    }

    /**
     * @param logKeyCounts how many records of each key the log holds.
     * @param outputs      batch time to that batch file's {@code <key> <count>} lines.
     */
    public static CheckResult check(final Map<String, Long> logKeyCounts, final SortedMap<Long, List<String>> outputs)
    {
        final CheckResult.Tally tally = new CheckResult.Tally("state");
        final Map<String, Long> previous = new HashMap<>();
        final Map<String, Long> previousBatch = new HashMap<>();
        Map<String, Long> last = Map.of();
        for (final Map.Entry<Long, List<String>> batch : outputs.entrySet())
        {
            final long time = batch.getKey();
            last = OutputLines.keyValues(time, batch.getValue(), tally);
            for (final Map.Entry<String, Long> entry : last.entrySet())
            {
                final Long before = previous.put(entry.getKey(), entry.getValue());
                if (before != null && entry.getValue() < before)
                {
                    tally.violation("key " + entry.getKey() + " went down from " + before + " (batch "
                        + previousBatch.get(entry.getKey()) + ") to " + entry.getValue() + " (batch " + time + ")");
                }
                previousBatch.put(entry.getKey(), time);
            }
        }
        final String where = outputs.isEmpty() ? "no batch file" : "the last batch file (" + outputs.lastKey() + ")";
        for (final Map.Entry<String, Long> entry : new TreeMap<>(logKeyCounts).entrySet())
        {
            final long expected = entry.getValue();
            final Long actual = last.get(entry.getKey());
            if (actual == null)
            {
                tally.lost(expected, "key " + entry.getKey() + " (" + expected + " in the log) missing from " + where);
            }
            else if (actual < expected)
            {
                tally.lost(expected - actual, "key " + entry.getKey() + ": " + expected + " in the log, " + actual
                    + " in " + where);
            }
            else if (actual > expected)
            {
                tally.duplicated(actual - expected, "key " + entry.getKey() + ": " + expected + " in the log, "
                    + actual + " in " + where);
            }
        }
        for (final Map.Entry<String, Long> entry : last.entrySet())
        {
            if (!logKeyCounts.containsKey(entry.getKey()))
            {
                tally.unexpected(Math.max(1L, Math.abs(entry.getValue())), "key " + entry.getKey() + " = "
                    + entry.getValue() + " in " + where + " is not in the log");
            }
        }
        return tally.result();
    }
}
