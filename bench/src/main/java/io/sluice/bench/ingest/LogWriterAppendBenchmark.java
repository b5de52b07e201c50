package io.sluice.bench.ingest;

import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.log.AppendListener;
import io.sluice.internal.log.BlockAppender;
import io.sluice.internal.log.LogQueues;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
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
 * The log writer alone, without the ring: records per second appended to a Chronicle queue by
 * {@link BlockAppender} (many records per document, {@code sluice.log.blockBytes} = 64 KiB), and the naive twin, one
 * Chronicle document per record.
 *
 * <p>Everything runs on the benchmark thread (Chronicle binds appenders to the thread that creates them, and JMH runs
 * a {@link Scope#Thread} state's fixtures on its benchmark thread). A fresh queue per iteration keeps the data
 * directory small. One operation is one record.
 */
@State(Scope.Thread)
public class LogWriterAppendBenchmark extends BenchmarkBase
{
    static final int RECORDS_PER_INVOCATION = 1000;
    static final int BLOCK_BYTES = 65536;

    @Param({"16", "100"})
    int recordBytes;

    Path dataDir;
    SingleChronicleQueue queue;
    ExcerptAppender appender;
    BlockAppender blockAppender;
    UnsafeBuffer record;
    byte[] recordArray;

    @Setup(Level.Iteration)
    public void setUp()
    {
        dataDir = TempDirs.create("sluice-bench-logwriter");
        queue = LogQueues.open(dataDir, IngestConfig.defaults().rollCycle());
        appender = queue.createAppender();
        blockAppender = new BlockAppender(0, appender, BLOCK_BYTES, AppendListener.NONE);
        recordArray = new byte[recordBytes];
        record = new UnsafeBuffer(ByteBuffer.allocateDirect(recordBytes));
        record.setMemory(0, recordBytes, (byte)'x');
    }

    @TearDown(Level.Iteration)
    public void tearDown()
    {
        blockAppender.flush();
        blockAppender.close();
        queue.close();
        TempDirs.delete(dataDir);
    }

    /** Blocks of records, as the log-writer thread appends them. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void blockAppender()
    {
        final BlockAppender blockAppender = this.blockAppender;
        final UnsafeBuffer record = this.record;
        final int length = recordBytes;
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++)
        {
            blockAppender.append(record, 0, length);
        }
    }

    /** The naive baseline: one Chronicle document per record. */
    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void documentPerRecord()
    {
        final ExcerptAppender appender = this.appender;
        final byte[] record = recordArray;
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++)
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(record);
            }
        }
    }
}
