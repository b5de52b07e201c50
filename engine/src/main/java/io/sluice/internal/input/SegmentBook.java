package io.sluice.internal.input;

import io.sluice.internal.log.BatchSegments;

import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The segments of each generated batch, as the log writer wrote them to the manifest; receiver input nodes
 * look up theirs here. The scheduler adds an entry before generating the batch's jobs and removes entries
 * the graph no longer remembers.
 */
public final class SegmentBook
{
    private final ConcurrentSkipListMap<Long, BatchSegments> byTime = new ConcurrentSkipListMap<>();

    public void put(final long time, final BatchSegments segments)
    {
        byTime.put(time, segments);
    }

    /** The segments of {@code time}, or {@code null} if that batch was never cut. */
    public BatchSegments get(final long time)
    {
        return byTime.get(time);
    }

    /** Forgets the batches at or before {@code time}. */
    public void forgetUpTo(final long time)
    {
        byTime.headMap(time, true).clear();
    }
}
