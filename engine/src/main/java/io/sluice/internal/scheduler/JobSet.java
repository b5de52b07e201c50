package io.sluice.internal.scheduler;

import io.sluice.internal.graph.Job;

import java.util.List;
import java.util.Map;

/**
 * The jobs of one batch time, with what the inputs read for it and when it was submitted ({@code submissionTime} on
 * the context's clock, {@code submissionNanos} on {@link System#nanoTime()} for sub-millisecond delays).
 */
record JobSet(long time, List<Job> jobs, Map<Integer, Long> streamIdToNumRecords, long numRecords, long submissionTime,
              long submissionNanos)
{
    /** A batch that runs nothing: no output had data, or its generation failed. */
    static JobSet withoutJobs(final long time)
    {
        return new JobSet(time, List.of(), Map.of(), 0, 0, 0);
    }
}
