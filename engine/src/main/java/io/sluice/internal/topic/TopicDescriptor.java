package io.sluice.internal.topic;

/**
 * The layout of one document of a Sluice topic (a Chronicle queue that {@code TopicWriter} and
 * {@code saveToChronicleTopic} write and {@code chronicleTopic} reads). Every document starts with a kind byte:
 *
 * <pre>
 *  record document                          batch marker document (written by saveToChronicleTopic)
 *  0        1                               0        1                 9                 17
 *  +--------+------------------------+      +--------+-----------------+-----------------+
 *  | 'R'    | codec bytes of 1 record|      | 'M'    | batch time (ms) | records (long)  |
 *  +--------+------------------------+      +--------+-----------------+-----------------+
 * </pre>
 *
 * Numbers are little-endian. Readers skip markers; they separate the batches a sink wrote and carry the batch
 * time the sink uses to skip a batch it already wrote.
 */
public final class TopicDescriptor
{
    public static final int KIND_OFFSET = 0;
    public static final int PAYLOAD_OFFSET = 1;

    public static final byte RECORD_KIND = 'R';
    public static final byte MARKER_KIND = 'M';

    public static final int MARKER_TIME_OFFSET = 1;
    public static final int MARKER_RECORDS_OFFSET = 9;
    public static final int MARKER_LENGTH = 17;

    private TopicDescriptor()
    {
    }
}
