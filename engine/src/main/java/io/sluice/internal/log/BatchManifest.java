package io.sluice.internal.log;

import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The batch manifest: a Chronicle queue of its own with one document per cut, laid out as
 * {@link ManifestDescriptor}, so any batch can be re-read, replayed after a crash or inspected later.
 *
 * <p>Threads: {@link #append} from one thread only (the log writer; its appender is bound to the first thread
 * that appends); {@link #readAll()} from any one thread at a time. {@link #append} allocates nothing once its
 * scratch buffer has grown to the stream count (off-heap, from {@link OffHeapAllocator}, freed by
 * {@link #close()}).
 */
public final class BatchManifest implements AutoCloseable
{
    static
    {
        ChronicleSetup.ensure();
    }

    private final SingleChronicleQueue queue;
    private final UnsafeBuffer scratch = new UnsafeBuffer(0, 0);
    private ExcerptAppender appender;
    private long scratchAddress;
    private int scratchLength;
    private boolean isClosed;

    /**
     * Opens (creating if needed) the manifest in {@code dir}.
     */
    public BatchManifest(final Path dir, final RollCycle rollCycle)
    {
        queue = LogQueues.open(dir, rollCycle);
    }

    /**
     * Appends one entry.
     *
     * @return the Chronicle index of the entry.
     */
    public long append(final BatchSegments entry)
    {
        final List<Segment> segments = entry.segments();
        final int streamCount = segments.size();
        final int length = ManifestDescriptor.entryLength(streamCount);
        final UnsafeBuffer scratch = scratch(length);
        scratch.putLong(ManifestDescriptor.BATCH_TIME_OFFSET, entry.batchTime());
        scratch.putInt(ManifestDescriptor.STREAM_COUNT_OFFSET, streamCount);
        scratch.putInt(ManifestDescriptor.VERSION_OFFSET, ManifestDescriptor.CURRENT_VERSION);
        for (int i = 0; i < streamCount; i++)
        {
            final Segment segment = segments.get(i);
            final int offset = ManifestDescriptor.segmentOffset(i);
            scratch.putLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET, segment.firstIndex());
            scratch.putLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET, segment.recordCount());
            scratch.putLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET, segment.documentCount());
            scratch.putInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET, segment.streamId());
            scratch.putInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET + 4, 0);
        }
        if (null == appender)
        {
            appender = queue.createAppender();
        }
        return LogQueues.append(appender, scratchAddress, length);
    }

    /**
     * Reads every entry from the start of the manifest, in append order. Allocates the entries.
     */
    public List<BatchSegments> readAll()
    {
        final List<BatchSegments> entries = new ArrayList<>();
        final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    flyweight.wrap(bytes.addressForRead(bytes.readPosition(), length), length);
                    entries.add(decode(flyweight, length));
                }
            }
        }
        return entries;
    }

    /**
     * Closes the appender, if any; call from the appending thread when it stops appending (Chronicle binds an
     * appender to its thread). A later {@link #append} opens a new one.
     */
    public void closeAppender()
    {
        if (null != appender)
        {
            appender.close();
            appender = null;
        }
    }

    /**
     * Closes the appender (if {@link #closeAppender()} has not) and the queue and frees the scratch buffer.
     * Call once appending has stopped. Idempotent.
     */
    public void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosed = true;
        closeAppender();
        queue.close();
        OffHeapAllocator.free(scratchAddress, scratchLength);
        scratchAddress = 0;
        scratch.wrap(0, 0);
    }

    private UnsafeBuffer scratch(final int length)
    {
        if (length > scratchLength)
        {
            OffHeapAllocator.free(scratchAddress, scratchLength);
            scratchAddress = OffHeapAllocator.allocate(length);
            scratchLength = length;
            scratch.wrap(scratchAddress, length);
        }
        return scratch;
    }

    private static BatchSegments decode(final UnsafeBuffer entry, final int length)
    {
        final int version = entry.getInt(ManifestDescriptor.VERSION_OFFSET);
        if (ManifestDescriptor.CURRENT_VERSION != version)
        {
            throw new IllegalStateException("manifest entry version " + version + " is not supported (this build " +
                "reads version " + ManifestDescriptor.CURRENT_VERSION + "): read it with the Sluice that wrote it");
        }
        final int streamCount = entry.getInt(ManifestDescriptor.STREAM_COUNT_OFFSET);
        if (streamCount < 0 || ManifestDescriptor.entryLength(streamCount) > length)
        {
            throw new IllegalStateException("corrupt manifest entry: " + streamCount + " streams in " + length + " bytes");
        }
        final List<Segment> segments = new ArrayList<>(streamCount);
        for (int i = 0; i < streamCount; i++)
        {
            final int offset = ManifestDescriptor.segmentOffset(i);
            segments.add(new Segment(
                entry.getInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET),
                entry.getLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET),
                entry.getLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET),
                entry.getLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET)));
        }
        return new BatchSegments(entry.getLong(ManifestDescriptor.BATCH_TIME_OFFSET), segments);
    }
}
