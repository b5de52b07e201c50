package io.sluice.peers;

/**
 * What one engine run does: the workload, how many batches of how many input records, how many of the first batches
 * are warm-up, and whether it is a check run (small, distinct data, every output kept) or a perf run.
 *
 * @param workload        {@code wordcount}, {@code window}, {@code state}, {@code uber}, {@code nexmark-q1} or {@code nexmark-q2}.
 * @param batches         batches in all, warm-up included.
 * @param warmupBatches   leading batches not timed.
 * @param recordsPerBatch input records (lines, or keys) per batch.
 * @param isCheck         keep every output for the agreement check.
 * @param lines           the input: record {@code i} is {@code lines[i % lines.length]}.
 * @param openLoop        a latency run's schedule ({@code null} in check and throughput runs): records are offered
 *                        open-loop at a fixed rate and every engine reports its latency into it.
 */
public record Spec(String workload, int batches, int warmupBatches, int recordsPerBatch, boolean isCheck,
                   String[] lines, OpenLoop openLoop)
{
    /** @return whether this is a latency run (records offered open-loop at a fixed rate). */
    public boolean isLatency()
    {
        return null != openLoop;
    }

    /** Distinct keys of the running-count workload. */
    public static final int STATE_KEYS = 1_000_000;

    /** NEXMark q5's window, in batches (slide 1). */
    public static final int Q5_WINDOW_BATCHES = 10;

    /** Window length and slide, in batches (windowed word count). */
    public static final int WINDOW_BATCHES = 30;

    /** Event-time offset continuous engines add to batch indexes, so no window starts before time 0. */
    public static final long EVENT_TIME_OFFSET = 1000;

    public long totalRecords()
    {
        return (long)batches * recordsPerBatch;
    }

    public String line(final long i)
    {
        return lines[(int)(i % lines.length)];
    }

    /**
     * Latency runs of {@code state} on the continuous engines, which emit one running count per record: the source
     * tags each key with its record index ({@code key + '\t' + i}), so the sink can report that record's latency.
     */
    public static String tagged(final long i, final String key)
    {
        return key + '\t' + i;
    }

    /** @return the key of a {@link #tagged} key, or the key itself if untagged. */
    public static String keyOf(final String key)
    {
        final int tab = key.lastIndexOf('\t');
        return tab < 0 ? key : key.substring(0, tab);
    }

    /** @return the record index of a {@link #tagged} key, or -1 if untagged. */
    public static long indexOf(final String key)
    {
        final int tab = key.lastIndexOf('\t');
        return tab < 0 ? -1 : Long.parseLong(key, tab + 1, key.length(), 10);
    }

    /** @return record {@code i}'s line as a continuous engine's latency run emits it (tagged for {@code state}). */
    public String latencyLine(final long i)
    {
        return "state".equals(workload) ? tagged(i, line(i)) : line(i);
    }

    public long batchOf(final long i)
    {
        return i / recordsPerBatch;
    }

    /**
     * The sum of all output values a complete run produces (every record counted once per output batch it is in),
     * so a continuous engine knows when it has seen everything.
     */
    /** @return true once a continuous engine's outcome holds every output a complete run produces. */
    public boolean isComplete(final Outcome outcome)
    {
        if (isStateless())
        {
            return outcome.outputCount() >= expectedOutputCount();
        }
        if ("nexmark-q5".equals(workload))
        {
            return outcome.lastBatch() >= batches - 1;
        }
        return "state".equals(workload) ? outcome.outputCount() >= totalRecords() :
            outcome.valueSum() >= expectedValueSum();
    }

    /** @return the window length in batches of a windowed workload. */
    public int windowBatches()
    {
        return "nexmark-q5".equals(workload) ? Q5_WINDOW_BATCHES : WINDOW_BATCHES;
    }

    /** NEXMark q1 and q2 are per-event: their check compares the multiset of outputs, not batch membership. */
    public boolean isStateless()
    {
        return "nexmark-q1".equals(workload) || "nexmark-q2".equals(workload);
    }

    /** @return how many outputs a stateless query produces over the whole run. */
    public long expectedOutputCount()
    {
        long count = 0;
        for (long i = 0; i < totalRecords(); i++)
        {
            final String event = line(i);
            if ("nexmark-q1".equals(workload) ? Nexmark.isBid(event) : Nexmark.isQ2(event))
            {
                count++;
            }
        }
        return count;
    }

    /** The batch label an output is checked under. */
    public long label(final long batch)
    {
        return isStateless() ? 0 : batch;
    }

    public long expectedValueSum()
    {
        final long perBatch = (long)recordsPerBatch * Lines.WORDS_PER_LINE;
        switch (workload)
        {
            case "wordcount":
                return perBatch * batches;
            case "uber":
                return (long)recordsPerBatch * batches;
            case "window":
                long sum = 0;
                for (int b = 0; b < batches; b++)
                {
                    sum += perBatch * Math.min(WINDOW_BATCHES, batches - b);
                }
                return sum;
            default:
                throw new UnsupportedOperationException("workload " + workload);
        }
    }
}
