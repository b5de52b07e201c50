package io.sluice.internal.log;

/**
 * The part of one input stream's queue that holds one batch interval's records: {@code documentCount}
 * consecutive Chronicle documents starting at {@code firstIndex}, holding {@code recordCount} records in all.
 * Chronicle indexes jump when the queue rolls to a new cycle, so a segment is read by moving to
 * {@code firstIndex} and reading {@code documentCount} documents, never by index arithmetic.
 *
 * @param streamId      the dense id from {@code IngestPipeline.registerStream}.
 * @param firstIndex    the Chronicle index of the first document, or {@link #NULL_INDEX} when empty.
 * @param documentCount how many documents (blocks), zero when empty.
 * @param recordCount   how many records across those documents, zero when empty.
 */
public record Segment(int streamId, long firstIndex, long documentCount, long recordCount)
{
    /** The first index of an empty segment. */
    public static final long NULL_INDEX = -1L;

    /**
     * @return an empty segment of {@code streamId}.
     */
    public static Segment empty(final int streamId)
    {
        return new Segment(streamId, NULL_INDEX, 0, 0);
    }

    /**
     * @return true when the segment holds no record.
     */
    public boolean isEmpty()
    {
        return 0 == documentCount;
    }
}
