package io.sluice.internal.log;

import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The batch manifest, Sluice's recovery log: a Chronicle queue of its own holding CRC-framed records laid out as
 * {@link ManifestDescriptor}: each batch's seal (its segments) before its job, each output operation's completion
 * and the batch's completion after it, a start record per run, a record per durable state snapshot.
 *
 * <p>Threads: each writing thread uses its own {@link Writer} (Chronicle binds an appender to the thread that first
 * uses it); {@link #append(BatchSegments)} is the log writer's writer, bound to the first thread that calls it.
 * {@link #readRecords()} and {@link #readAll()} from any one thread at a time. Writing allocates nothing once a
 * writer's scratch buffer has grown to the record size (off-heap, from {@link OffHeapAllocator}, freed by
 * {@link #close()}).
 */
public final class BatchManifest implements AutoCloseable
{
    static
    {
        ChronicleSetup.ensure();
    }

    private final SingleChronicleQueue queue;
    private final List<Writer> writers = new ArrayList<>();
    private Writer sealWriter;
    private boolean isClosed;
    private volatile java.util.function.Consumer<Throwable> writeFailure = cause -> { };

    /**
     * Opens (creating if needed) the manifest in {@code dir}.
     */
    public BatchManifest(final Path dir, final RollCycle rollCycle)
    {
        queue = LogQueues.open(dir, rollCycle);
    }

    /** As {@link #BatchManifest(Path, RollCycle)}, rolling by {@code timeProvider}'s clock. */
    public BatchManifest(final Path dir, final RollCycle rollCycle,
        final net.openhft.chronicle.core.time.TimeProvider timeProvider)
    {
        queue = LogQueues.open(dir, rollCycle, timeProvider);
    }

    /**
     * Sets who is told when appending a record fails (a full disk, an unwritable directory), on the writing thread,
     * before the failure is rethrown to the writer's caller: the context stops on it.
     */
    public void onWriteFailure(final java.util.function.Consumer<Throwable> listener)
    {
        writeFailure = listener;
    }

    /**
     * @return a new writer for one thread; closed by {@link #close()} unless its thread closed it.
     */
    public Writer writer()
    {
        synchronized (writers)
        {
            if (isClosed)
            {
                throw new IllegalStateException("the batch manifest is closed");
            }
            final Writer writer = new Writer();
            writers.add(writer);
            return writer;
        }
    }

    /**
     * Appends a seal (the log writer's path).
     *
     * @return the Chronicle index of the record.
     */
    public long append(final BatchSegments entry)
    {
        if (null == sealWriter)
        {
            sealWriter = writer();
        }
        return sealWriter.seal(entry);
    }

    /**
     * Reads every seal from the start of the manifest, in append order (the other records are skipped; a torn tail
     * ends the list). Allocates the entries.
     */
    public List<BatchSegments> readAll()
    {
        final List<BatchSegments> seals = new ArrayList<>();
        for (final ManifestRecord record : readRecords().records())
        {
            if (record instanceof ManifestRecord.Seal seal)
            {
                seals.add(seal.segments());
            }
        }
        return seals;
    }

    /** What {@link #readRecords()} found: the valid records, and why reading stopped early (or null). */
    public record Contents(List<ManifestRecord> records, String tornTail)
    {
    }

    /**
     * Reads every valid record from the start of the manifest, in append order, up to the first record that fails
     * its CRC or length check or has an unknown version (a torn or foreign tail, reported, never fatal).
     */
    public Contents readRecords()
    {
        final List<ManifestRecord> records = new ArrayList<>();
        final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
        String tornTail = null;
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
                    final long address = bytes.addressForRead(bytes.readPosition(), length);
                    flyweight.wrap(address, length);
                    final String problem = check(flyweight, address, length);
                    if (null != problem)
                    {
                        tornTail = "manifest record at index " + Long.toHexString(dc.index()) + " " + problem
                            + ": it and every later record are ignored";
                        break;
                    }
                    records.add(decode(flyweight));
                }
            }
        }
        return new Contents(records, tornTail);
    }

    /**
     * Retention: deletes the manifest's cycle files whose records are all about batches at or before
     * {@code neededAfter} (a cycle goes when the next cycle's first seal is at or before it). The current cycle is
     * kept. Write a start record first if the deleted cycles may hold the only one.
     *
     * @return how many files were deleted.
     */
    public int deleteCyclesBefore(final long neededAfter)
    {
        final java.util.NavigableSet<Long> cycles = CycleFiles.cycles(queue);
        int deleteBefore = Integer.MIN_VALUE;
        Long previous = null;
        for (final long cycle : cycles)
        {
            if (previous != null)
            {
                final long firstSeal = firstSealTime((int)cycle);
                if (firstSeal == Long.MIN_VALUE || firstSeal > neededAfter)
                {
                    break;
                }
                deleteBefore = (int)cycle;
            }
            previous = cycle;
        }
        return deleteBefore == Integer.MIN_VALUE ? 0 : CycleFiles.deleteBefore(queue, deleteBefore);
    }

    /** Whether a deletion by {@link #deleteCyclesBefore} would remove any file. */
    public boolean hasCyclesBefore(final long neededAfter)
    {
        final java.util.NavigableSet<Long> cycles = CycleFiles.cycles(queue);
        if (cycles.size() < 2)
        {
            return false;
        }
        final long second = cycles.higher(cycles.first());
        final long firstSeal = firstSealTime((int)second);
        return firstSeal != Long.MIN_VALUE && firstSeal <= neededAfter;
    }

    private long firstSealTime(final int cycle)
    {
        final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (!tailer.moveToIndex(queue.rollCycle().toIndex(cycle, 0)))
            {
                return Long.MIN_VALUE;
            }
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent() || queue.rollCycle().toCycle(dc.index()) != cycle)
                    {
                        return Long.MIN_VALUE;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    final long address = bytes.addressForRead(bytes.readPosition(), length);
                    flyweight.wrap(address, length);
                    if (null != check(flyweight, address, length))
                    {
                        return Long.MIN_VALUE;
                    }
                    if (flyweight.getShort(ManifestDescriptor.TYPE_OFFSET) == ManifestDescriptor.TYPE_SEAL)
                    {
                        return flyweight.getLong(ManifestDescriptor.BATCH_TIME_OFFSET);
                    }
                }
            }
        }
    }

    /**
     * Closes the seal writer's appender; call from the log-writer thread when it stops appending. A later
     * {@link #append} opens a new one.
     */
    public void closeAppender()
    {
        if (null != sealWriter)
        {
            sealWriter.close();
            sealWriter = null;
        }
    }

    /**
     * Closes every writer and the queue and frees the scratch buffers. Call once appending has stopped. Idempotent.
     */
    public void close()
    {
        synchronized (writers)
        {
            if (isClosed)
            {
                return;
            }
            isClosed = true;
            for (final Writer writer : writers)
            {
                writer.close();
            }
            writers.clear();
        }
        queue.close();
    }

    private static String check(final UnsafeBuffer record, final long address, final int length)
    {
        if (length < ManifestDescriptor.HEADER_LENGTH)
        {
            return "is " + length + " bytes, shorter than a header";
        }
        final int declared = record.getInt(ManifestDescriptor.LENGTH_OFFSET);
        if (declared < ManifestDescriptor.HEADER_LENGTH || declared > length)
        {
            return "declares " + declared + " bytes in a document of " + length;
        }
        if (crc(record, declared, new byte[declared], new CRC32C()) != record.getInt(ManifestDescriptor.CRC_OFFSET))
        {
            return "fails its CRC";
        }
        final int version = record.getShort(ManifestDescriptor.VERSION_OFFSET);
        if (ManifestDescriptor.CURRENT_VERSION != version)
        {
            return "has version " + version + " (this build reads version " + ManifestDescriptor.CURRENT_VERSION
                + ": read it with the Sluice that wrote it)";
        }
        final int type = record.getShort(ManifestDescriptor.TYPE_OFFSET);
        if (ManifestDescriptor.TYPE_SEAL == type &&
            ManifestDescriptor.sealLength(record.getInt(ManifestDescriptor.COUNT_OFFSET)) > declared)
        {
            return "is a seal too short for its streams";
        }
        if (ManifestDescriptor.TYPE_SOURCE == type && ManifestDescriptor.SOURCE_LENGTH > declared)
        {
            return "is a source record too short for its positions";
        }
        if (type < ManifestDescriptor.TYPE_SEAL || type > ManifestDescriptor.TYPE_SOURCE)
        {
            return "has unknown type " + type;
        }
        return null;
    }

    /** CRC32C of bytes [TYPE_OFFSET, length) of {@code record}, through {@code copy} (at least length bytes). */
    private static int crc(final UnsafeBuffer record, final int length, final byte[] copy, final CRC32C crc32c)
    {
        final int from = ManifestDescriptor.TYPE_OFFSET;
        record.getBytes(from, copy, 0, length - from);
        crc32c.reset();
        crc32c.update(copy, 0, length - from);
        return (int)crc32c.getValue();
    }

    private static ManifestRecord decode(final UnsafeBuffer entry)
    {
        final long time = entry.getLong(ManifestDescriptor.BATCH_TIME_OFFSET);
        final int count = entry.getInt(ManifestDescriptor.COUNT_OFFSET);
        switch (entry.getShort(ManifestDescriptor.TYPE_OFFSET))
        {
            case ManifestDescriptor.TYPE_SEAL:
            {
                final List<Segment> segments = new ArrayList<>(count);
                for (int i = 0; i < count; i++)
                {
                    final int offset = ManifestDescriptor.segmentOffset(i);
                    segments.add(new Segment(
                        entry.getInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET),
                        entry.getLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET),
                        entry.getLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET),
                        entry.getLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET)));
                }
                return new ManifestRecord.Seal(new BatchSegments(time, segments));
            }
            case ManifestDescriptor.TYPE_START:
            {
                final List<String> names = new ArrayList<>(count);
                int offset = ManifestDescriptor.START_NAMES_OFFSET;
                for (int i = 0; i < count; i++)
                {
                    final int length = entry.getInt(offset);
                    final byte[] bytes = new byte[length];
                    entry.getBytes(offset + 4, bytes);
                    names.add(new String(bytes, StandardCharsets.UTF_8));
                    offset += 4 + length;
                }
                return new ManifestRecord.Start(time, entry.getLong(ManifestDescriptor.START_BATCH_MS_OFFSET),
                    entry.getLong(ManifestDescriptor.START_CLOCK_OFFSET_OFFSET), names);
            }
            case ManifestDescriptor.TYPE_OUTPUT_DONE:
                return new ManifestRecord.OutputDone(time, count);
            case ManifestDescriptor.TYPE_BATCH_DONE:
                return new ManifestRecord.BatchDone(time, count);
            case ManifestDescriptor.TYPE_SOURCE:
                return new ManifestRecord.Source(time, count, entry.getLong(ManifestDescriptor.SOURCE_FROM_OFFSET),
                    entry.getLong(ManifestDescriptor.SOURCE_TO_OFFSET));
            default:
            {
                final int length = entry.getInt(ManifestDescriptor.SNAPSHOT_NAME_OFFSET);
                final byte[] bytes = new byte[length];
                entry.getBytes(ManifestDescriptor.SNAPSHOT_NAME_OFFSET + 4, bytes);
                return new ManifestRecord.SnapshotDone(time, entry.getLong(ManifestDescriptor.SNAPSHOT_ID_OFFSET),
                    new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Appends records for one thread. Not thread-safe: one writer per writing thread.
     */
    public final class Writer implements AutoCloseable
    {
        private final UnsafeBuffer scratch = new UnsafeBuffer(0, 0);
        private final CRC32C crc32c = new CRC32C();
        private byte[] crcCopy = new byte[256];
        private ExcerptAppender appender;
        private long scratchAddress;
        private int scratchLength;
        private boolean isWriterClosed;

        private Writer()
        {
        }

        /** Appends a seal; returns its Chronicle index. */
        public long seal(final BatchSegments entry)
        {
            final List<Segment> segments = entry.segments();
            final int streamCount = segments.size();
            final UnsafeBuffer buffer = header(ManifestDescriptor.TYPE_SEAL, ManifestDescriptor.sealLength(streamCount),
                streamCount, entry.batchTime());
            for (int i = 0; i < streamCount; i++)
            {
                final Segment segment = segments.get(i);
                final int offset = ManifestDescriptor.segmentOffset(i);
                buffer.putLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET, segment.firstIndex());
                buffer.putLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET, segment.recordCount());
                buffer.putLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET, segment.documentCount());
                buffer.putInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET, segment.streamId());
                buffer.putInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET + 4, 0);
            }
            return write(ManifestDescriptor.sealLength(streamCount));
        }

        /** Appends a start record. Allocates (the encoded names): once per run. */
        public long start(final long zeroTime, final long batchMs, final long clockOffsetMs, final List<String> streams)
        {
            final List<byte[]> names = new ArrayList<>(streams.size());
            int length = ManifestDescriptor.START_NAMES_OFFSET;
            for (final String stream : streams)
            {
                final byte[] name = stream.getBytes(StandardCharsets.UTF_8);
                names.add(name);
                length += 4 + name.length;
            }
            final UnsafeBuffer buffer = header(ManifestDescriptor.TYPE_START, length, streams.size(), zeroTime);
            buffer.putLong(ManifestDescriptor.START_BATCH_MS_OFFSET, batchMs);
            buffer.putLong(ManifestDescriptor.START_CLOCK_OFFSET_OFFSET, clockOffsetMs);
            int offset = ManifestDescriptor.START_NAMES_OFFSET;
            for (final byte[] name : names)
            {
                buffer.putInt(offset, name.length);
                buffer.putBytes(offset + 4, name);
                offset += 4 + name.length;
            }
            return write(length);
        }

        /** Appends the completion of output operation {@code outputId} of batch {@code batchTime}. */
        public long outputDone(final long batchTime, final int outputId)
        {
            header(ManifestDescriptor.TYPE_OUTPUT_DONE, ManifestDescriptor.HEADER_LENGTH, outputId, batchTime);
            return write(ManifestDescriptor.HEADER_LENGTH);
        }

        /** Appends the completion of batch {@code batchTime}, which took {@code processingMicros}. */
        public long batchDone(final long batchTime, final long processingMicros)
        {
            header(ManifestDescriptor.TYPE_BATCH_DONE, ManifestDescriptor.HEADER_LENGTH,
                (int)Math.min(Integer.MAX_VALUE, Math.max(0, processingMicros)), batchTime);
            return write(ManifestDescriptor.HEADER_LENGTH);
        }

        /** Appends what input {@code inputIndex} read for batch {@code batchTime}: positions {@code (from, to]}. */
        public long source(final long batchTime, final int inputIndex, final long from, final long to)
        {
            final UnsafeBuffer buffer = header(ManifestDescriptor.TYPE_SOURCE, ManifestDescriptor.SOURCE_LENGTH,
                inputIndex, batchTime);
            buffer.putLong(ManifestDescriptor.SOURCE_FROM_OFFSET, from);
            buffer.putLong(ManifestDescriptor.SOURCE_TO_OFFSET, to);
            return write(ManifestDescriptor.SOURCE_LENGTH);
        }

        /** Appends that snapshot {@code fileName} of batch {@code batchTime} is durable. */
        public long snapshotDone(final long batchTime, final long snapshotId, final String fileName)
        {
            final byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
            final int length = ManifestDescriptor.SNAPSHOT_NAME_OFFSET + 4 + name.length;
            final UnsafeBuffer buffer = header(ManifestDescriptor.TYPE_SNAPSHOT, length, 0, batchTime);
            buffer.putLong(ManifestDescriptor.SNAPSHOT_ID_OFFSET, snapshotId);
            buffer.putInt(ManifestDescriptor.SNAPSHOT_NAME_OFFSET, name.length);
            buffer.putBytes(ManifestDescriptor.SNAPSHOT_NAME_OFFSET + 4, name);
            return write(length);
        }

        private UnsafeBuffer header(final int type, final int length, final int count, final long batchTime)
        {
            final UnsafeBuffer buffer = scratch(length);
            buffer.putShort(ManifestDescriptor.TYPE_OFFSET, (short)type);
            buffer.putShort(ManifestDescriptor.VERSION_OFFSET, (short)ManifestDescriptor.CURRENT_VERSION);
            buffer.putInt(ManifestDescriptor.LENGTH_OFFSET, length);
            buffer.putInt(ManifestDescriptor.COUNT_OFFSET, count);
            buffer.putLong(ManifestDescriptor.BATCH_TIME_OFFSET, batchTime);
            return buffer;
        }

        private long write(final int length)
        {
            if (isWriterClosed)
            {
                throw new IllegalStateException("the manifest writer is closed");
            }
            if (crcCopy.length < length)
            {
                crcCopy = new byte[length];
            }
            scratch.putInt(ManifestDescriptor.CRC_OFFSET, crc(scratch, length, crcCopy, crc32c));
            try
            {
                if (null == appender)
                {
                    appender = queue.createAppender();
                }
                return LogQueues.append(appender, scratchAddress, length);
            }
            catch (final RuntimeException | Error ex)
            {
                writeFailure.accept(ex);
                throw ex;
            }
        }

        private UnsafeBuffer scratch(final int length)
        {
            if (length > scratchLength)
            {
                final int newLength = Math.max(length, 256);
                OffHeapAllocator.free(scratchAddress, scratchLength);
                scratchAddress = OffHeapAllocator.allocate(newLength);
                scratchLength = newLength;
                scratch.wrap(scratchAddress, newLength);
            }
            return scratch;
        }

        /** Closes the appender and frees the scratch buffer. Idempotent. */
        @Override
        public void close()
        {
            if (isWriterClosed)
            {
                return;
            }
            isWriterClosed = true;
            if (null != appender)
            {
                try
                {
                    appender.close();
                }
                catch (final RuntimeException ignore)
                {
                    // closing the queue releases an appender another thread could not close
                }
                appender = null;
            }
            OffHeapAllocator.free(scratchAddress, scratchLength);
            scratchAddress = 0;
            scratchLength = 0;
            scratch.wrap(0, 0);
        }
    }
}
