package io.sluice.internal.topic;

import io.sluice.api.Codec;
import io.sluice.internal.graph.BatchData;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code saveToChronicleTopic}: appends each non-empty batch's records to a topic queue, one record document each,
 * then a batch marker carrying the batch time and the record count ({@link TopicDescriptor}). Idempotent on batch
 * time: the first batch reads the queue's last marker, and a batch whose time is at or before the last marker
 * written is skipped, so a batch run again (a re-run, a replay after restart) is not written twice. The marker
 * comes after the records so that a crash in the middle of a batch leaves no marker: the batch is written again
 * in full (its first part twice) rather than skipped, and nothing is lost.
 *
 * <p>Thread contract: called by the job executor, one batch at a time. The queue is opened for each non-empty batch
 * and closed after it (an output operation has no stop hook), so a topic sink costs one queue open per batch.
 */
public final class TopicSink<T> implements BiConsumer<BatchData<T>, Long>
{
    private static final int INITIAL_BYTES = 1024;

    private final Path dir;
    private final Codec<T> codec;
    private boolean hasReadLastMarker;
    private long lastWrittenTime = Long.MIN_VALUE;
    private UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(INITIAL_BYTES));

    public TopicSink(final Path dir, final Codec<T> codec)
    {
        this.dir = dir;
        this.codec = codec;
    }

    @Override
    public void accept(final BatchData<T> batch, final Long time)
    {
        if (!hasReadLastMarker)
        {
            try (SingleChronicleQueue queue = TopicQueues.open(dir))
            {
                lastWrittenTime = TopicQueues.lastMarkerTime(queue);
            }
            hasReadLastMarker = true;
        }
        if (time <= lastWrittenTime || batch.count() == 0)
        {
            return;
        }
        long records = 0;
        try (SingleChronicleQueue queue = TopicQueues.open(dir); ExcerptAppender appender = queue.createAppender())
        {
            for (final List<T> partition : batch.partitions())
            {
                for (final T value : partition)
                {
                    append(appender, value);
                    records++;
                }
            }
            TopicQueues.appendMarker(appender, scratch, time, records);
        }
        lastWrittenTime = time;
    }

    private void append(final ExcerptAppender appender, final T value)
    {
        while (true)
        {
            final UnsafeBuffer buffer = scratch;
            buffer.putByte(TopicDescriptor.KIND_OFFSET, TopicDescriptor.RECORD_KIND);
            final int length = codec.encode(value, buffer, TopicDescriptor.PAYLOAD_OFFSET,
                buffer.capacity() - TopicDescriptor.PAYLOAD_OFFSET);
            if (length >= 0)
            {
                TopicQueues.append(appender, buffer.addressOffset(), TopicDescriptor.PAYLOAD_OFFSET + length);
                return;
            }
            scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(buffer.capacity() * 2));
        }
    }
}
