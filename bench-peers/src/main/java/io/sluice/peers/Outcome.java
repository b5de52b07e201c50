package io.sluice.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an engine run reports. Throughput is input records per second over the timed batches; {@code outputs} is
 * every (batch, key, value) the output operation saw in a check run, as text lines {@code batch<TAB>key<TAB>value},
 * unsorted (the driver sorts before comparing).
 */
public final class Outcome
{
    private final List<String> outputs = new ArrayList<>();
    private final Map<String, Long> finalState = new HashMap<>();
    private long outputCount;
    private long valueSum;
    private long lastBatch = -1;
    private double recordsPerSecond;
    private String note = "";
    private final Map<String, Object> metrics = new java.util.LinkedHashMap<>();

    /** Called by an engine's output operation; thread-safe. */
    public synchronized void add(final long batch, final Object key, final long value, final boolean isKept)
    {
        outputCount++;
        valueSum += value;
        lastBatch = Math.max(lastBatch, batch);
        if (isKept)
        {
            outputs.add(batch + "\t" + key + "\t" + value);
        }
    }

    /**
     * Stateful workloads: remembers the latest (largest, as counts only grow) value of each key; a check run
     * compares these final states, since engines emit state at different moments (per batch or per record).
     */
    public synchronized void putFinal(final Object key, final long value)
    {
        outputCount++;
        finalState.merge(String.valueOf(key), value, Math::max);
    }

    public synchronized List<String> outputs()
    {
        final List<String> all = new ArrayList<>(outputs);
        finalState.forEach((key, value) -> all.add("final\t" + key + "\t" + value));
        return all;
    }

    public synchronized long outputCount()
    {
        return outputCount;
    }

    /** @return the largest batch index {@link #add} has seen, -1 before any. */
    public synchronized long lastBatch()
    {
        return lastBatch;
    }

    public synchronized long valueSum()
    {
        return valueSum;
    }

    public void setRecordsPerSecond(final double recordsPerSecond)
    {
        this.recordsPerSecond = recordsPerSecond;
    }

    public double recordsPerSecond()
    {
        return recordsPerSecond;
    }

    public String note()
    {
        return note;
    }

    public void setNote(final String note)
    {
        this.note = note;
    }

    /** Adds a named number (or list of numbers) to the JSON line: latency percentiles, repeat throughputs. */
    public synchronized void putMetric(final String name, final Object value)
    {
        metrics.put(name, value);
    }

    /** One JSON object on one line. */
    public synchronized String toJson(final String engine, final Spec spec)
    {
        return String.format(Locale.ROOT,
            "{\"engine\": \"%s\", \"workload\": \"%s\", \"batches\": %d, \"warmupBatches\": %d, " +
            "\"recordsPerBatch\": %d, \"recordsPerSecond\": %.0f, \"outputCount\": %d, \"valueSum\": %d, " +
            "\"note\": \"%s\"%s}",
            engine, spec.workload(), spec.batches(), spec.warmupBatches(), spec.recordsPerBatch(), recordsPerSecond,
            outputCount, valueSum, note.replace("\"", "'"), metricsJson());
    }

    private String metricsJson()
    {
        final StringBuilder json = new StringBuilder();
        metrics.forEach((name, value) ->
        {
            json.append(", \"").append(name).append("\": ");
            if (value instanceof double[] values)
            {
                json.append('[');
                for (int i = 0; i < values.length; i++)
                {
                    json.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.0f", values[i]));
                }
                json.append(']');
            }
            else
            {
                json.append(value);
            }
        });
        return json.toString();
    }
}
