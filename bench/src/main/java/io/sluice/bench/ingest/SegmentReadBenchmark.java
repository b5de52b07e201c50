package io.sluice.bench.ingest;

import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.log.AppendListener;
import io.sluice.internal.log.BlockAppender;
import io.sluice.internal.log.LogQueues;
import io.sluice.internal.log.RecordHandler;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reading one batch's segment back: {@value #RECORDS} records written once per trial, then read per invocation by
 * {@link SegmentReader} (blocks of records, a zero-copy flyweight per record), and the naive twin, a tailer reading
 * one document per record into a {@code byte[]} copy. The handler sums record lengths and first bytes so nothing is
 * dead code. One operation is one record; the queue's pages are warm (it was just written), as for a job that runs
 * right after its cut.
 */
@State(Scope.Thread)
public class SegmentReadBenchmark extends BenchmarkBase
{
    static final int RECORDS = 100_000;

    @Param({"16", "100"})
    int recordBytes;

    Path dataDir;
    SingleChronicleQueue blockQueue;
    SingleChronicleQueue documentQueue;
    Segment segment;
    SegmentReader reader;
    long documentStartIndex;
    final Summer summer = new Summer();

    /** The record handler: sums what it sees, allocates nothing. */
    static final class Summer implements RecordHandler
    {
        long sum;

        @Override
        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            sum += length + buffer.getByte(offset);
        }
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        dataDir = TempDirs.create("sluice-bench-segment");
        blockQueue = LogQueues.open(dataDir.resolve("blocks"), IngestConfig.defaults().rollCycle());
        documentQueue = LogQueues.open(dataDir.resolve("documents"), IngestConfig.defaults().rollCycle());
        final UnsafeBuffer record = new UnsafeBuffer(ByteBuffer.allocateDirect(recordBytes));
        record.setMemory(0, recordBytes, (byte)'x');
        final byte[] recordArray = new byte[recordBytes];
        try (ExcerptAppender appender = blockQueue.createAppender();
            BlockAppender blockAppender = new BlockAppender(0, appender, 65536, AppendListener.NONE))
        {
            for (int i = 0; i < RECORDS; i++)
            {
                blockAppender.append(record, 0, recordBytes);
            }
            segment = blockAppender.takeSegment();
        }
        try (ExcerptAppender appender = documentQueue.createAppender())
        {
            for (int i = 0; i < RECORDS; i++)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(recordArray);
                }
            }
            documentStartIndex = documentQueue.firstIndex();
        }
        reader = new SegmentReader(0, blockQueue);
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        reader.close();
        blockQueue.close();
        documentQueue.close();
        TempDirs.delete(dataDir);
    }

    /** The engine's path: blocks of records, a flyweight per record. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long segmentReader()
    {
        summer.sum = 0;
        reader.read(segment, summer);
        return summer.sum;
    }

    /** The naive baseline: a document per record, each copied into a new {@code byte[]}. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long documentPerRecord()
    {
        long sum = 0;
        try (ExcerptTailer tailer = documentQueue.createTailer())
        {
            tailer.moveToIndex(documentStartIndex);
            for (int i = 0; i < RECORDS; i++)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    final byte[] copy = new byte[(int)bytes.readRemaining()];
                    bytes.read(copy);
                    sum += copy.length + copy[0];
                }
            }
        }
        return sum;
    }
}
