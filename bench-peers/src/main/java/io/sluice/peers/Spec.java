package io.sluice.peers;

/**
 * What one engine run does: the workload, how many batches of how many input records, how many of the first batches
 * are warm-up, and whether it is a check run (small, distinct data, every output kept) or a perf run.
 *
 * @param workload        {@code wordcount}, {@code window} or {@code state}.
 * @param batches         batches in all, warm-up included.
 * @param warmupBatches   leading batches not timed.
 * @param recordsPerBatch input records (lines, or keys) per batch.
 * @param isCheck         keep every output for the agreement check.
 * @param lines           the input: record {@code i} is {@code lines[i % lines.length]}.
 */
public record Spec(String workload, int batches, int warmupBatches, int recordsPerBatch, boolean isCheck,
                   String[] lines)
{
    /** Window length and slide, in batches (windowed word count). */
    public static final int WINDOW_BATCHES = 30;

    public long totalRecords()
    {
        return (long)batches * recordsPerBatch;
    }

    public String line(final long i)
    {
        return lines[(int)(i % lines.length)];
    }

    public long batchOf(final long i)
    {
        return i / recordsPerBatch;
    }
}
