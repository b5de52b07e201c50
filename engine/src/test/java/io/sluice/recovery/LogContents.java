package io.sluice.recovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link LogOracle} read from a checkpoint directory's ingest log: the oracle every checker compares the
 * outputs with.
 *
 * @param records         every record of every input stream, in log order (the same record twice is a duplicate in
 *                        the log itself: the feeder sends each record once).
 * @param batches         per sealed batch time, the records of its segments, in log order.
 * @param unsealedRecords records in the log that no seal covers: after a graceful stop they are records no batch
 *                        will ever process.
 * @param resealedRecords records covered by more than one seal: processed by two batches.
 * @param starts          how many times a context started on this log (start records in the manifest).
 * @param problems        what the oracle could not read or found inconsistent, in words.
 */
public record LogContents(List<String> records, SortedMap<Long, List<String>> batches, long unsealedRecords,
    long resealedRecords, int starts, List<String> problems)
{
    public LogContents
    {
        records = List.copyOf(records);
        batches = new TreeMap<>(batches);
        problems = List.copyOf(problems);
    }

    /** How often each record is in the log. */
    public Map<String, Long> recordCounts()
    {
        final Map<String, Long> counts = new HashMap<>();
        for (final String record : records)
        {
            counts.merge(record, 1L, Long::sum);
        }
        return counts;
    }

    /** How many records of each key the log holds. */
    public Map<String, Long> keyCounts()
    {
        return keyCounts(records);
    }

    /** Records in the log beyond their first copy: 0 unless the log itself holds duplicates. */
    public long duplicates()
    {
        long duplicates = 0;
        for (final long count : recordCounts().values())
        {
            duplicates += count - 1;
        }
        return duplicates;
    }

    /** Per sealed batch time, how many records of each key it holds. */
    public SortedMap<Long, Map<String, Long>> batchKeyCounts()
    {
        final SortedMap<Long, Map<String, Long>> counts = new TreeMap<>();
        for (final Map.Entry<Long, List<String>> batch : batches.entrySet())
        {
            counts.put(batch.getKey(), keyCounts(batch.getValue()));
        }
        return counts;
    }

    private static Map<String, Long> keyCounts(final List<String> lines)
    {
        final Map<String, Long> counts = new HashMap<>();
        for (final String line : lines)
        {
            counts.merge(RecordFormat.key(line), 1L, Long::sum);
        }
        return counts;
    }
}
