package io.sluice.internal.log;

import io.sluice.internal.recovery.CrashPoints;
import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.queue.ExcerptAppender;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Gathers one stream's records into a pending block (see {@link BlockDescriptor}) and appends each full or
 * flushed block to the stream's queue as one document; counts what went in since the last
 * {@link #takeSegment()} so a cut can record the stream's {@link Segment}.
 *
 * <p>Single-threaded: owned by the log-writer thread, which must also be the thread that created the appender
 * (Chronicle binds appenders to a thread). Steady-state appends allocate nothing; the pending block is
 * {@code blockBytes} of off-heap memory from {@link OffHeapAllocator}, freed by {@link #close()}.
 */
public final class BlockAppender implements AutoCloseable
{
    /** Records up to this many bytes are copied word by word rather than with {@code Unsafe.copyMemory}. */
    static final int SMALL_COPY_MAX_BYTES = 128;

    private final int streamId;
    private final int blockBytes;
    private final ExcerptAppender appender;
    private final AppendListener listener;
    private final UnsafeBuffer block;
    private long blockAddress;

    private int position = BlockDescriptor.HEADER_LENGTH;
    private int pendingRecords;

    private long segmentFirstIndex = Segment.NULL_INDEX;
    private long segmentDocuments;
    private long segmentRecords;

    /**
     * @param blockBytes the largest document body; must hold the largest framed record plus the header.
     * @param listener   told of every document appended, on this appender's thread.
     */
    public BlockAppender(
        final int streamId, final ExcerptAppender appender, final int blockBytes, final AppendListener listener)
    {
        this.streamId = streamId;
        this.appender = appender;
        this.listener = listener;
        this.blockBytes = blockBytes;
        this.blockAddress = OffHeapAllocator.allocate(blockBytes);
        this.block = new UnsafeBuffer(blockAddress, blockBytes);
    }

    /**
     * Adds one record, appending the pending block first if the record does not fit in it.
     *
     * @throws IllegalArgumentException if the record can never fit in a block.
     */
    public void append(final DirectBuffer src, final int srcOffset, final int length)
    {
        final int framed = BlockDescriptor.framedLength(length);
        if (position + framed > blockBytes)
        {
            if (BlockDescriptor.HEADER_LENGTH + framed > blockBytes)
            {
                throw new IllegalArgumentException(
                    "record of " + length + " bytes does not fit in a block of " + blockBytes + " bytes");
            }
            flush();
        }
        final UnsafeBuffer block = this.block;
        final int position = this.position;
        block.putInt(position, length);
        final int dstOffset = position + BlockDescriptor.RECORD_LENGTH_FIELD_LENGTH;
        if (length <= SMALL_COPY_MAX_BYTES)
        {
            copySmall(src, srcOffset, block, dstOffset, length);
        }
        else
        {
            block.putBytes(dstOffset, src, srcOffset, length);
        }
        this.position = position + framed;
        pendingRecords++;
    }

    /**
     * Copies word by word: for records this small, {@code Unsafe.copyMemory} (behind {@code putBytes}) costs more
     * than the copy itself. IngestStoreBenchmark (16-byte records) chose the threshold.
     */
    private static void copySmall(
        final DirectBuffer src, final int srcOffset, final UnsafeBuffer dst, final int dstOffset, final int length)
    {
        int i = 0;
        for (final int words = length & ~7; i < words; i += 8)
        {
            dst.putLong(dstOffset + i, src.getLong(srcOffset + i));
        }
        for (; i < length; i++)
        {
            dst.putByte(dstOffset + i, src.getByte(srcOffset + i));
        }
    }

    /**
     * Appends the pending block, if it holds any record, as one document.
     *
     * @return the number of records appended.
     */
    public int flush()
    {
        final int records = pendingRecords;
        if (0 == records)
        {
            return 0;
        }
        block.putInt(BlockDescriptor.RECORD_COUNT_OFFSET, records);
        final long index = CrashPoints.isArmed() ? appendArmed() : LogQueues.append(appender, blockAddress, position);
        if (0 == segmentDocuments)
        {
            segmentFirstIndex = index;
        }
        segmentDocuments++;
        segmentRecords += records;
        position = BlockDescriptor.HEADER_LENGTH;
        pendingRecords = 0;
        listener.onAppended(streamId, index, records);
        CrashPoints.hit(CrashPoints.LOG_AFTER_APPEND);
        return records;
    }

    /**
     * Starts the open segment with {@code carried}: documents already in the queue that belong to no sealed segment
     * (what a crashed process appended after its last cut). Call before the first append.
     */
    public void carryOver(final Segment carried)
    {
        if (0 != segmentDocuments || 0 != pendingRecords)
        {
            throw new IllegalStateException("carry documents over before the first append");
        }
        if (!carried.isEmpty())
        {
            segmentFirstIndex = carried.firstIndex();
            segmentDocuments = carried.documentCount();
            segmentRecords = carried.recordCount();
        }
    }

    /** The crash test's append: the point {@value CrashPoints#LOG_MID_APPEND} inside the open document. */
    private long appendArmed()
    {
        try (net.openhft.chronicle.wire.DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().unsafeWrite(blockAddress, position);
            CrashPoints.hit(CrashPoints.LOG_MID_APPEND);
        }
        return appender.lastIndexAppended();
    }

    /**
     * @return true when records wait in the pending block.
     */
    public boolean hasPending()
    {
        return 0 != pendingRecords;
    }

    /**
     * Flushes, then returns the segment of everything appended since the previous call and starts a new one.
     * Allocates the returned {@link Segment}: once per batch, not per record.
     */
    public Segment takeSegment()
    {
        flush();
        final Segment segment = 0 == segmentDocuments ?
            Segment.empty(streamId) :
            new Segment(streamId, segmentFirstIndex, segmentDocuments, segmentRecords);
        segmentFirstIndex = Segment.NULL_INDEX;
        segmentDocuments = 0;
        segmentRecords = 0;
        return segment;
    }

    /**
     * Frees the pending block and closes the appender; records still pending are dropped, so flush first.
     * Idempotent.
     */
    public void close()
    {
        if (0 != blockAddress)
        {
            OffHeapAllocator.free(blockAddress, blockBytes);
            blockAddress = 0;
            block.wrap(0, 0);
            appender.close();
        }
    }
}
