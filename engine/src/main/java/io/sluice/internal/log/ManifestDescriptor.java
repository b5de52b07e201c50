package io.sluice.internal.log;

/**
 * Layout of one batch-manifest entry: the body of one Chronicle document in the manifest queue.
 * All fields are in native byte order (little-endian on every platform Sluice supports).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          Batch Time                           |  BATCH_TIME_OFFSET
 *  |                          (ms, long)                           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                         Stream Count (n)                      |  STREAM_COUNT_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                           Version                             |  VERSION_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |              n segment entries of SEGMENT_LENGTH each        ...  HEADER_LENGTH
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  Segment entry i, at HEADER_LENGTH + i * SEGMENT_LENGTH:
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  First Chronicle Index (long)                 |  SEGMENT_FIRST_INDEX_OFFSET
 *  |                  (-1 when the segment is empty)               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      Record Count (long)                      |  SEGMENT_RECORD_COUNT_OFFSET
 *  |                                                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Document Count (long)                     |  SEGMENT_DOCUMENT_COUNT_OFFSET
 *  |                                                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                          Stream Id                            |  SEGMENT_STREAM_ID_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                           Reserved                            |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class ManifestDescriptor
{
    /** Bumped when the layout changes; a reader rejects versions it does not know. */
    public static final int CURRENT_VERSION = 1;

    public static final int BATCH_TIME_OFFSET = 0;
    public static final int STREAM_COUNT_OFFSET = 8;
    public static final int VERSION_OFFSET = 12;
    public static final int HEADER_LENGTH = 16;

    public static final int SEGMENT_FIRST_INDEX_OFFSET = 0;
    public static final int SEGMENT_RECORD_COUNT_OFFSET = 8;
    public static final int SEGMENT_DOCUMENT_COUNT_OFFSET = 16;
    public static final int SEGMENT_STREAM_ID_OFFSET = 24;
    public static final int SEGMENT_LENGTH = 32;

    private ManifestDescriptor()
    {
    }

    /**
     * @return the length of an entry for {@code streamCount} streams.
     */
    public static int entryLength(final int streamCount)
    {
        return HEADER_LENGTH + streamCount * SEGMENT_LENGTH;
    }

    /**
     * @return the offset of segment entry {@code i} within an entry.
     */
    public static int segmentOffset(final int i)
    {
        return HEADER_LENGTH + i * SEGMENT_LENGTH;
    }
}
