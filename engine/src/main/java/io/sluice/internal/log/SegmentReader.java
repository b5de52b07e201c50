package io.sluice.internal.log;

import io.sluice.api.Codec;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.Consumer;

/**
 * Reads the records of one stream's segments back from its queue, zero copy: the {@link RecordHandler}
 * sees a flyweight over the queue's mapped memory.
 *
 * <p>Not thread-safe: one consuming thread. Its Chronicle tailer is created by the first {@code read} and
 * bound to that thread (Chronicle's rule), so the reader must stay on the thread that first used it.
 * {@link #read(Segment, RecordHandler)} allocates nothing; the codec overload allocates what the codec's
 * {@code decode} allocates. Close it when done; the pipeline closes any reader still open when it closes its
 * queues.
 */
public final class SegmentReader implements AutoCloseable
{
    static
    {
        ChronicleSetup.ensure();
    }

    private final int streamId;
    private final ChronicleQueue queue;
    private final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
    private ExcerptTailer tailer;

    /**
     * @param queue the queue of stream {@code streamId}; owned by the caller and kept open while reading.
     */
    public SegmentReader(final int streamId, final ChronicleQueue queue)
    {
        this.streamId = streamId;
        this.queue = queue;
    }

    /**
     * @return the stream this reader reads.
     */
    public int streamId()
    {
        return streamId;
    }

    /**
     * Calls {@code handler} for every record of {@code segment}, in append order.
     *
     * @throws IllegalArgumentException if the segment belongs to another stream.
     * @throws IllegalStateException    if the queue no longer holds the segment (for example, files deleted).
     */
    public void read(final Segment segment, final RecordHandler handler)
    {
        if (segment.streamId() != streamId)
        {
            throw new IllegalArgumentException(
                "segment of stream " + segment.streamId() + " given to the reader of stream " + streamId);
        }
        final long documents = segment.documentCount();
        if (0 == documents)
        {
            return;
        }
        final ExcerptTailer tailer = tailer();
        if (!tailer.moveToIndex(segment.firstIndex()))
        {
            throw new IllegalStateException("the queue of stream " + streamId + " has no document at index " +
                Long.toHexString(segment.firstIndex()) + ": its files were removed or belong to another queue");
        }
        final UnsafeBuffer flyweight = this.flyweight;
        for (long d = 0; d < documents; d++)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    throw new IllegalStateException("segment " + segment + " ends after " + d + " documents");
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long start = bytes.readPosition();
                final int length = (int)bytes.readRemaining();
                flyweight.wrap(bytes.addressForRead(start, length), length);
                readBlock(flyweight, length, handler);
            }
        }
        flyweight.wrap(0, 0);
    }

    /**
     * Calls {@code handler} for every block (document) of {@code segment}, in append order; the handler walks the
     * records itself ({@link BlockDescriptor}). Allocates nothing.
     *
     * @throws IllegalArgumentException if the segment belongs to another stream.
     * @throws IllegalStateException    if the queue no longer holds the segment.
     */
    public void readBlocks(final Segment segment, final BlockHandler handler)
    {
        if (segment.streamId() != streamId)
        {
            throw new IllegalArgumentException(
                "segment of stream " + segment.streamId() + " given to the reader of stream " + streamId);
        }
        final long documents = segment.documentCount();
        if (0 == documents)
        {
            return;
        }
        final ExcerptTailer tailer = tailer();
        if (!tailer.moveToIndex(segment.firstIndex()))
        {
            throw new IllegalStateException("the queue of stream " + streamId + " has no document at index " +
                Long.toHexString(segment.firstIndex()) + ": its files were removed or belong to another queue");
        }
        final UnsafeBuffer flyweight = this.flyweight;
        for (long d = 0; d < documents; d++)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    throw new IllegalStateException("segment " + segment + " ends after " + d + " documents");
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long start = bytes.readPosition();
                final int length = (int)bytes.readRemaining();
                flyweight.wrap(bytes.addressForRead(start, length), length);
                handler.onBlock(flyweight, length);
            }
        }
        flyweight.wrap(0, 0);
    }

    /**
     * Decodes every record of {@code segment} with {@code codec} and hands each value to {@code consumer}.
     */
    public <T> void read(final Segment segment, final Codec<T> codec, final Consumer<? super T> consumer)
    {
        read(segment, (buffer, offset, length) -> consumer.accept(codec.decode(buffer, offset, length)));
    }

    /**
     * Closes the tailer; the queue stays open (it belongs to the pipeline). Idempotent.
     */
    public void close()
    {
        if (null != tailer)
        {
            tailer.close();
            tailer = null;
        }
    }

    private ExcerptTailer tailer()
    {
        ExcerptTailer tailer = this.tailer;
        if (null == tailer)
        {
            tailer = queue.createTailer();
            this.tailer = tailer;
        }
        return tailer;
    }

    private static void readBlock(final UnsafeBuffer block, final int blockLength, final RecordHandler handler)
    {
        final int count = block.getInt(BlockDescriptor.RECORD_COUNT_OFFSET);
        int position = BlockDescriptor.HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int length = block.getInt(position);
            final int offset = position + BlockDescriptor.RECORD_LENGTH_FIELD_LENGTH;
            if (length < 0 || offset + length > blockLength)
            {
                throw new IllegalStateException("corrupt block: record " + i + " of " + count + " has length " +
                    length + " at offset " + position + " in a block of " + blockLength + " bytes");
            }
            handler.onRecord(block, offset, length);
            position = offset + length;
        }
    }
}
