package io.sluice.internal.topic;

import io.sluice.internal.log.ChronicleSetup;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Opens topic queues and writes and reads topic documents ({@link TopicDescriptor}). Every topic queue is a
 * binary Chronicle queue rolling daily ({@code FAST_DAILY}); an existing queue keeps the roll cycle it was
 * created with. Stateless; the appender and tailer passed in belong to the calling thread.
 */
public final class TopicQueues
{
    static
    {
        ChronicleSetup.ensure();
    }

    /** No document: the position before the first document of a queue. */
    public static final long NONE = -1;

    private TopicQueues()
    {
    }

    /** Opens (creating if needed) the topic queue in {@code dir}. */
    public static SingleChronicleQueue open(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
    }

    /** Appends {@code length} bytes at {@code address} as one document. */
    public static long append(final ExcerptAppender appender, final long address, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().unsafeWrite(address, length);
        }
        return appender.lastIndexAppended();
    }

    /** Appends a batch marker; {@code scratch} holds at least {@link TopicDescriptor#MARKER_LENGTH} bytes. */
    public static void appendMarker(final ExcerptAppender appender, final UnsafeBuffer scratch, final long time,
        final long records)
    {
        scratch.putByte(TopicDescriptor.KIND_OFFSET, TopicDescriptor.MARKER_KIND);
        scratch.putLong(TopicDescriptor.MARKER_TIME_OFFSET, time, ByteOrder.LITTLE_ENDIAN);
        scratch.putLong(TopicDescriptor.MARKER_RECORDS_OFFSET, records, ByteOrder.LITTLE_ENDIAN);
        append(appender, scratch.addressOffset(), TopicDescriptor.MARKER_LENGTH);
    }

    /** Wraps {@code flyweight} over the document {@code dc} is reading (zero copy, valid until it closes). */
    public static void wrap(final DocumentContext dc, final UnsafeBuffer flyweight)
    {
        final Bytes<?> bytes = dc.wire().bytes();
        final long start = bytes.readPosition();
        final int length = (int)bytes.readRemaining();
        flyweight.wrap(bytes.addressForRead(start, length), length);
    }

    /**
     * The batch time of the last marker in {@code queue}, reading backwards from its end, or
     * {@link Long#MIN_VALUE} when it holds none.
     */
    public static long lastMarkerTime(final SingleChronicleQueue queue)
    {
        final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return Long.MIN_VALUE;
                    }
                    wrap(dc, flyweight);
                    if (flyweight.capacity() >= TopicDescriptor.MARKER_LENGTH
                        && flyweight.getByte(TopicDescriptor.KIND_OFFSET) == TopicDescriptor.MARKER_KIND)
                    {
                        return flyweight.getLong(TopicDescriptor.MARKER_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
                    }
                }
            }
        }
    }
}
