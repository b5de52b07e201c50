package io.sluice.internal.log;

import java.util.List;

/**
 * What one batch boundary (a cut) recorded: the batch time and, for every input stream in id order,
 * the segment holding the records that arrived since the previous cut. Immutable.
 *
 * @param batchTime the batch time given to the cut, in ms.
 * @param segments  one segment per stream, {@code segments.get(i).streamId() == i}.
 */
public record BatchSegments(long batchTime, List<Segment> segments)
{
    public BatchSegments
    {
        segments = List.copyOf(segments);
    }

    /**
     * @return the segment of {@code streamId}.
     */
    public Segment segment(final int streamId)
    {
        return segments.get(streamId);
    }

    /**
     * @return the records across every stream.
     */
    public long recordCount()
    {
        long count = 0;
        for (final Segment segment : segments)
        {
            count += segment.recordCount();
        }
        return count;
    }
}
