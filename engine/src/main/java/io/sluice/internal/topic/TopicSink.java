package io.sluice.internal.topic;

import io.sluice.api.Codec;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code saveToChronicleTopic}: appends each non-empty batch's records to a topic queue, one record document each,
 * then a batch marker carrying the batch time and the record count ({@link TopicDescriptor}). Idempotent on batch
 * time: when the queue is opened the sink reads its last marker, and a batch whose time is at or before the last
 * marker written is skipped, so a batch run again (a re-run, a replay after restart) is not written twice. The
 * marker comes after the records so that a crash in the middle of a batch leaves no marker: the batch is written
 * again in full (its first part twice) rather than skipped, and nothing is lost.
 *
 * <p>The queue and its appender are opened by the first batch and stay open for the stream's life; {@link #close()}
 * (the context's stop, through the output operation) closes them and frees the off-heap encoding buffer. A batch
 * that fails while writing closes them too (Chronicle's appender may be left mid-document), and the next batch
 * opens the queue again and re-reads its last marker.
 *
 * <p>Thread contract: {@link #accept} is called by the job executor, one batch at a time; {@link #close()} from
 * any thread. A close while a batch is being written waits for nothing: the writing thread closes the queue when
 * it finishes the batch.
 */
public final class TopicSink<T> implements BiConsumer<BatchData<T>, Long>, AutoCloseable
{
    private static final int INITIAL_BYTES = 1024;

    private final Path dir;
    private final Codec<T> codec;
    private final UnsafeBuffer scratch = new UnsafeBuffer(0, 0);
    private long lastWrittenTime = Long.MIN_VALUE;
    private SingleChronicleQueue queue;
    private ExcerptAppender appender;
    private long scratchAddress;
    private int scratchLength;
    private int queueOpens;
    private boolean isWriting;
    private boolean isClosed;

    public TopicSink(final Path dir, final Codec<T> codec)
    {
        this.dir = dir;
        this.codec = codec;
    }

    @Override
    public void accept(final BatchData<T> batch, final Long time)
    {
        synchronized (this)
        {
            if (isClosed)
            {
                throw new IllegalStateException("the sink of topic " + dir + " is closed: the context stopped");
            }
            isWriting = true;
        }
        boolean isDone = false;
        try
        {
            if (queue == null)
            {
                open();
            }
            if (time > lastWrittenTime && batch.count() > 0)
            {
                write(batch, time);
                lastWrittenTime = time;
            }
            isDone = true;
        }
        finally
        {
            synchronized (this)
            {
                isWriting = false;
                if (isClosed || !isDone)
                {
                    closeQueue();
                }
            }
        }
    }

    private void open()
    {
        queue = TopicQueues.open(dir);
        queueOpens++;
        lastWrittenTime = Math.max(lastWrittenTime, TopicQueues.lastMarkerTime(queue));
        appender = queue.createAppender();
        if (scratchAddress == 0)
        {
            grow(INITIAL_BYTES);
        }
    }

    private void write(final BatchData<T> batch, final long time)
    {
        long records = 0;
        for (final List<T> partition : batch.partitions())
        {
            for (final T value : partition)
            {
                append(value);
                records++;
            }
        }
        TopicQueues.appendMarker(appender, scratch, time, records);
    }

    private void append(final T value)
    {
        while (true)
        {
            scratch.putByte(TopicDescriptor.KIND_OFFSET, TopicDescriptor.RECORD_KIND);
            final int length = codec.encode(value, scratch, TopicDescriptor.PAYLOAD_OFFSET,
                scratchLength - TopicDescriptor.PAYLOAD_OFFSET);
            if (length >= 0)
            {
                TopicQueues.append(appender, scratchAddress, TopicDescriptor.PAYLOAD_OFFSET + length);
                return;
            }
            grow(scratchLength * 2);
        }
    }

    private void grow(final int length)
    {
        scratchAddress = scratchAddress == 0 ? OffHeapAllocator.allocate(length)
            : OffHeapAllocator.reallocate(scratchAddress, scratchLength, length);
        scratchLength = length;
        scratch.wrap(scratchAddress, length);
    }

    /** Closes the queue and frees the encoding buffer (now, or when the batch being written ends). Idempotent. */
    @Override
    public synchronized void close()
    {
        isClosed = true;
        if (!isWriting)
        {
            closeQueue();
        }
    }

    private void closeQueue()
    {
        if (appender != null)
        {
            // the appender was made on the job thread; a close from the stopping thread takes it over
            appender.singleThreadedCheckReset();
            appender.close();
            appender = null;
        }
        if (queue != null)
        {
            queue.close();
            queue = null;
        }
        if (isClosed && scratchAddress != 0)
        {
            OffHeapAllocator.free(scratchAddress, scratchLength);
            scratchAddress = 0;
            scratchLength = 0;
            scratch.wrap(0, 0);
        }
    }

    /** How many times the queue was opened (once, unless a batch failed while writing). For tests. */
    synchronized int queueOpens()
    {
        return queueOpens;
    }

    /** Whether the queue is open now. For tests. */
    synchronized boolean isOpen()
    {
        return queue != null;
    }
}
