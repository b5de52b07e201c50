package io.sluice.api;

import io.sluice.internal.topic.TopicDescriptor;
import io.sluice.internal.topic.TopicQueues;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Appends records to a Chronicle topic, one document per record, in the layout
 * {@link StreamingContext#chronicleTopic} reads: for the process that produces a topic (it needs only
 * {@code sluice-engine} on its class path, no context). Use the same {@link Codec} as the readers.
 *
 * <pre>
 * try (TopicWriter&lt;String&gt; writer = TopicWriter.open(Path.of("topics/trips"), Codecs.STRING)) {
 *     writer.append("2014/8/1 00:03:00,40.7366,-73.9906,B02512");
 * }
 * </pre>
 *
 * <p>Thread contract: one thread appends (Chronicle appenders are not thread-safe); any number of writers, in
 * this process or others, may append to the same queue. {@link #append} allocates only when a record is larger
 * than any before it (the encoding buffer grows).
 */
public final class TopicWriter<T> implements AutoCloseable
{
    private static final int INITIAL_BYTES = 1024;

    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final Codec<T> codec;
    private UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(INITIAL_BYTES));

    private TopicWriter(final Path dir, final Codec<T> codec)
    {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.queue = TopicQueues.open(Objects.requireNonNull(dir, "dir"));
        this.appender = queue.createAppender();
    }

    /** Opens (creating if needed) the topic queue in {@code dir}. */
    public static <T> TopicWriter<T> open(final Path dir, final Codec<T> codec)
    {
        return new TopicWriter<>(dir, codec);
    }

    /**
     * Appends {@code value} as one document.
     *
     * @return its Chronicle index.
     */
    public long append(final T value)
    {
        Objects.requireNonNull(value, "value");
        while (true)
        {
            final UnsafeBuffer buffer = scratch;
            buffer.putByte(TopicDescriptor.KIND_OFFSET, TopicDescriptor.RECORD_KIND);
            final int length = codec.encode(value, buffer, TopicDescriptor.PAYLOAD_OFFSET,
                buffer.capacity() - TopicDescriptor.PAYLOAD_OFFSET);
            if (length >= 0)
            {
                return TopicQueues.append(appender, buffer.addressOffset(), TopicDescriptor.PAYLOAD_OFFSET + length);
            }
            scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(buffer.capacity() * 2));
        }
    }

    /** The Chronicle index of the last document this writer appended. */
    public long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
