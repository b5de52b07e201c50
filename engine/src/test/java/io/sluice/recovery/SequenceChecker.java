package io.sluice.recovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The check for {@code mapWithState} emitting {@code <key> <running count>} once per record (Flink's
 * {@code SemanticsCheckMapper} rule): over all batch files in time order, each key's emitted counts must be exactly
 * 1, 2, 3, ..., n, where n is the log's count of that key.
 *
 * <p>Units: records. Lost = the numbers in 1..n never emitted; duplicated = extra emissions of a number in 1..n;
 * unexpected = numbers outside 1..n, and every emission of a key the log does not have. A decrease between two
 * consecutive emissions of a key (the state went back), an unparseable line (a timeout record, which a 1 h timeout
 * must never produce, is one) is a violation.
 *
 * <p>Stateless; thread-safe; allocates a list of the emissions per key.
 */
public final class SequenceChecker
{
    private SequenceChecker()
    {
    }

    /**
     * @param logKeyCounts how many records of each key the log holds.
     * @param outputs      batch time to that batch file's lines, one {@code <key> <count>} per record, in record order.
     */
    public static CheckResult check(final Map<String, Long> logKeyCounts, final SortedMap<Long, List<String>> outputs)
    {
        final CheckResult.Tally tally = new CheckResult.Tally("sequence");
        final Map<String, List<Long>> emitted = new HashMap<>();
        final Map<String, Long> lastBatch = new HashMap<>();
        for (final Map.Entry<Long, List<String>> batch : outputs.entrySet())
        {
            for (final String line : batch.getValue())
            {
                final long value;
                try
                {
                    value = RecordFormat.value(line);
                }
                catch (final NumberFormatException ex)
                {
                    tally.violation("batch " + batch.getKey() + ": unparseable line \"" + line + "\"");
                    continue;
                }
                final String key = RecordFormat.key(line);
                final List<Long> values = emitted.computeIfAbsent(key, k -> new ArrayList<>());
                if (!values.isEmpty() && value < values.get(values.size() - 1))
                {
                    tally.violation("key " + key + " went back from " + values.get(values.size() - 1) + " (batch "
                        + lastBatch.get(key) + ") to " + value + " (batch " + batch.getKey() + ")");
                }
                values.add(value);
                lastBatch.put(key, batch.getKey());
            }
        }
        for (final Map.Entry<String, Long> entry : new TreeMap<>(logKeyCounts).entrySet())
        {
            checkKey(entry.getKey(), entry.getValue(), emitted.getOrDefault(entry.getKey(), List.of()), tally);
        }
        for (final Map.Entry<String, List<Long>> entry : new TreeMap<>(emitted).entrySet())
        {
            if (!logKeyCounts.containsKey(entry.getKey()))
            {
                tally.unexpected(entry.getValue().size(), "key " + entry.getKey() + " is not in the log");
            }
        }
        return tally.result();
    }

    private static void checkKey(final String key, final long n, final List<Long> values, final CheckResult.Tally tally)
    {
        final int[] seen = new int[(int)n + 1];
        long outside = 0;
        for (final long value : values)
        {
            if (value >= 1 && value <= n)
            {
                seen[(int)value]++;
            }
            else
            {
                outside++;
            }
        }
        if (outside > 0)
        {
            tally.unexpected(outside, "key " + key + ": " + outside + " emissions outside 1.." + n);
        }
        long missing = 0;
        long firstMissing = -1;
        long extra = 0;
        long firstExtra = -1;
        for (int v = 1; v <= n; v++)
        {
            if (seen[v] == 0)
            {
                missing++;
                firstMissing = firstMissing < 0 ? v : firstMissing;
            }
            else if (seen[v] > 1)
            {
                extra += seen[v] - 1;
                firstExtra = firstExtra < 0 ? v : firstExtra;
            }
        }
        if (missing > 0)
        {
            tally.lost(missing, "key " + key + ": " + missing + " of 1.." + n + " never emitted (first " + firstMissing
                + ")");
        }
        if (extra > 0)
        {
            tally.duplicated(extra, "key " + key + ": " + extra + " extra emissions (first repeated value "
                + firstExtra + ")");
        }
    }
}
