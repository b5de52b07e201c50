package io.sluice.internal.log;

/**
 * Layout of one batch-manifest record: the body of one Chronicle document in the manifest queue. The manifest is
 * the recovery log: per batch a {@link #TYPE_SEAL seal} written before its job runs (the batch's segments), then one
 * {@link #TYPE_OUTPUT_DONE} per output operation that completed and a {@link #TYPE_BATCH_DONE} when the whole batch
 * did; a {@link #TYPE_START} when a context starts on the log; a {@link #TYPE_SNAPSHOT} when a state snapshot is
 * durable. All fields are in native byte order (little-endian on every platform Sluice supports).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |              CRC32C of bytes [4, Length)                      |  CRC_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |            Type               |           Version             |  TYPE_OFFSET, VERSION_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Length (whole record, bytes)                 |  LENGTH_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  | Count (seal, start: streams; output-done: id; batch-done: us)  |  COUNT_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 Batch Time (ms, long)                         |  BATCH_TIME_OFFSET
 *  |         (start: zero time; snapshot: the batch it holds)      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       Body ...                               ...  HEADER_LENGTH
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  Seal body: Count segment entries of SEGMENT_LENGTH each:
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |        First Chronicle Index (long, -1 when the segment is empty)  SEGMENT_FIRST_INDEX_OFFSET
 *  |                      Record Count (long)                      |  SEGMENT_RECORD_COUNT_OFFSET
 *  |                     Document Count (long)                     |  SEGMENT_DOCUMENT_COUNT_OFFSET
 *  |          Stream Id (int)      |        Reserved (int)         |  SEGMENT_STREAM_ID_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 *  Start body: Batch Interval (long ms) | Batch Clock Offset (long ms) | Count x (name length int, UTF-8 name)
 *  Snapshot body: Snapshot Id (long) | Name length (int) | UTF-8 file name
 *  Source body: From (long, exclusive) | To (long, inclusive): the input's positions for the batch
 * </pre>
 *
 * A record whose CRC does not match, whose length runs past its document, or whose version this build does not
 * know ends the readable log: recovery ignores it and everything after it (a torn tail).
 */
public final class ManifestDescriptor
{
    /** Bumped when the layout changes; a reader stops at versions it does not know. */
    public static final int CURRENT_VERSION = 2;

    /** A batch's segments, written before its job runs. */
    public static final int TYPE_SEAL = 1;
    /** A context started on this log (its zero time, interval, batch clock offset and input streams). */
    public static final int TYPE_START = 2;
    /** One output operation of a batch completed (Count = output id). */
    public static final int TYPE_OUTPUT_DONE = 3;
    /** Every output operation of a batch completed (Count = processing time in microseconds). */
    public static final int TYPE_BATCH_DONE = 4;
    /** A state snapshot of the batch is durable. */
    public static final int TYPE_SNAPSHOT = 5;
    /** What a non-receiver input read for a batch (Count = input index): a Chronicle topic's index range. */
    public static final int TYPE_SOURCE = 6;

    public static final int CRC_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int VERSION_OFFSET = 6;
    public static final int LENGTH_OFFSET = 8;
    public static final int COUNT_OFFSET = 12;
    public static final int BATCH_TIME_OFFSET = 16;
    public static final int HEADER_LENGTH = 24;

    public static final int SEGMENT_FIRST_INDEX_OFFSET = 0;
    public static final int SEGMENT_RECORD_COUNT_OFFSET = 8;
    public static final int SEGMENT_DOCUMENT_COUNT_OFFSET = 16;
    public static final int SEGMENT_STREAM_ID_OFFSET = 24;
    public static final int SEGMENT_LENGTH = 32;

    public static final int START_BATCH_MS_OFFSET = HEADER_LENGTH;
    public static final int START_CLOCK_OFFSET_OFFSET = HEADER_LENGTH + 8;
    public static final int START_NAMES_OFFSET = HEADER_LENGTH + 16;

    public static final int SNAPSHOT_ID_OFFSET = HEADER_LENGTH;
    public static final int SNAPSHOT_NAME_OFFSET = HEADER_LENGTH + 8;

    public static final int SOURCE_FROM_OFFSET = HEADER_LENGTH;
    public static final int SOURCE_TO_OFFSET = HEADER_LENGTH + 8;
    public static final int SOURCE_LENGTH = HEADER_LENGTH + 16;

    private ManifestDescriptor()
    {
    }

    /**
     * @return the length of a seal for {@code streamCount} streams.
     */
    public static int sealLength(final int streamCount)
    {
        return HEADER_LENGTH + streamCount * SEGMENT_LENGTH;
    }

    /**
     * @return the offset of segment entry {@code i} within a seal.
     */
    public static int segmentOffset(final int i)
    {
        return HEADER_LENGTH + i * SEGMENT_LENGTH;
    }
}
