package io.sluice.internal.log;

import java.util.List;

/**
 * One record of the batch manifest, decoded (see {@link ManifestDescriptor} for the layout). Immutable; allocated
 * when the manifest is read back (recovery, the log inspector), never on the batch path.
 */
public sealed interface ManifestRecord
{
    /** The batch time the record is about (a start's zero time). */
    long batchTime();

    /** A batch's segments, written before its job ran. */
    record Seal(BatchSegments segments) implements ManifestRecord
    {
        @Override
        public long batchTime()
        {
            return segments.batchTime();
        }
    }

    /**
     * A context started on this log.
     *
     * @param zeroTime      one batch interval before the first batch time of the log's first run.
     * @param batchMs       the batch interval.
     * @param clockOffsetMs how far the batch clock runs behind the context's clock from this start on.
     * @param streams       the input streams' names, in stream id order.
     */
    record Start(long zeroTime, long batchMs, long clockOffsetMs, List<String> streams) implements ManifestRecord
    {
        public Start
        {
            streams = List.copyOf(streams);
        }

        @Override
        public long batchTime()
        {
            return zeroTime;
        }
    }

    /** Output operation {@code outputId} of batch {@code batchTime} completed. */
    record OutputDone(long batchTime, int outputId) implements ManifestRecord
    {
    }

    /** Every output operation of batch {@code batchTime} completed, taking {@code processingMicros}. */
    record BatchDone(long batchTime, int processingMicros) implements ManifestRecord
    {
    }

    /** The state snapshot of batch {@code batchTime}, file {@code fileName} in the checkpoint directory, is durable. */
    record SnapshotDone(long batchTime, long snapshotId, String fileName) implements ManifestRecord
    {
    }

    /** Input {@code inputIndex} (a Chronicle topic) read the positions {@code (from, to]} for batch {@code batchTime}. */
    record Source(long batchTime, int inputIndex, long from, long to) implements ManifestRecord
    {
    }
}
