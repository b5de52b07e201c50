package io.sluice.internal.ingest;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated slot of the ingest ring. A producer claims it, encodes a record straight into {@link #buffer}
 * (a fixed window of the ring's off-heap memory) and publishes it; the log writer reads it.
 *
 * <p>Threads: written only by the producer holding its claimed sequence, then read by the log writer after
 * publication (the Disruptor's sequence gives the happens-before). Never allocated after construction.
 */
final class IngestSlot
{
    /** A record of {@link #streamId}, {@link #length} bytes in {@link #buffer}. */
    static final int RECORD = 1;

    /** A batch boundary at {@link #batchTime}. */
    static final int CUT = 2;

    /** Claimed but carries nothing (a record that failed to encode, or an unused slot of a batch claim). */
    static final int SKIP = 3;

    /** The pipeline is closing: everything before it is drained. */
    static final int SHUTDOWN = 4;

    final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    int type;
    int streamId;
    int length;
    long batchTime;
}
