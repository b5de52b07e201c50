package io.sluice.bench.ingest;

import io.sluice.api.Codecs;
import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.ingest.StreamWriter;
import io.sluice.internal.log.LogQueues;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Records per second from {@code store()} through the ingest ring into a Chronicle queue, for 16- and 100-byte
 * records, one and four producer threads; and the naive twin: an {@link ArrayBlockingQueue} of copied
 * {@code byte[]} drained by one thread writing one Chronicle document per record.
 *
 * <p>The ring is bounded, so after its first {@value #RING_SIZE} records a producer can only go as fast as the log
 * writer drains: the score is the end-to-end rate into the queue. One operation is one record
 * ({@code @OperationsPerInvocation}); {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per record.
 * No cuts are made: this measures the record path only.
 */
public class IngestStoreBenchmark extends BenchmarkBase
{
    static final int RECORDS_PER_INVOCATION = 1000;
    static final int RING_SIZE = 65536;

    /** One producer thread's record: reused, so the codec encodes the same bytes every time. */
    @State(Scope.Thread)
    public static class Producer
    {
        @Param({"16", "100"})
        int recordBytes;

        byte[] record;

        @Setup(Level.Trial)
        public void setUp()
        {
            record = new byte[recordBytes];
            Arrays.fill(record, (byte)'x');
        }
    }

    /** A pipeline with one stream, as an application would configure it (defaults but the slot size). */
    @State(Scope.Benchmark)
    public static class Sluice
    {
        Path dataDir;
        IngestPipeline pipeline;
        StreamWriter<byte[]> writer;

        @Setup(Level.Trial)
        public void setUp()
        {
            dataDir = TempDirs.create("sluice-bench-ingest");
            pipeline = new IngestPipeline(IngestConfig.from(Map.of(
                IngestConfig.RING_SIZE_PROP_NAME, Integer.toString(RING_SIZE),
                IngestConfig.SLOT_BYTES_PROP_NAME, "128")), dataDir);
            final int id = pipeline.registerStream("bench");
            pipeline.start();
            writer = pipeline.writer(id, Codecs.BYTES);
        }

        @TearDown(Level.Trial)
        public void tearDown()
        {
            pipeline.close();
            TempDirs.delete(dataDir);
        }
    }

    /** The baseline: a blocking queue of copies and a thread appending one document per record. */
    @State(Scope.Benchmark)
    public static class BlockingQueue
    {
        Path dataDir;
        ArrayBlockingQueue<byte[]> queue;
        SingleChronicleQueue chronicle;
        Thread drainer;
        volatile boolean isRunning;

        @Setup(Level.Trial)
        public void setUp()
        {
            dataDir = TempDirs.create("sluice-bench-abq");
            queue = new ArrayBlockingQueue<>(RING_SIZE);
            chronicle = LogQueues.open(dataDir, IngestConfig.defaults().rollCycle());
            isRunning = true;
            drainer = new Thread(this::drain, "abq-drainer");
            drainer.start();
        }

        private void drain()
        {
            try (ExcerptAppender appender = chronicle.createAppender())
            {
                while (isRunning)
                {
                    final byte[] record = queue.take();
                    try (DocumentContext dc = appender.writingDocument())
                    {
                        dc.wire().bytes().write(record);
                    }
                }
            }
            catch (final InterruptedException ignore)
            {
                // tear-down
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException
        {
            isRunning = false;
            drainer.interrupt();
            drainer.join();
            chronicle.close();
            TempDirs.delete(dataDir);
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void sluiceOneProducer(final Sluice sluice, final Producer producer)
    {
        store(sluice.writer, producer.record);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void sluiceFourProducers(final Sluice sluice, final Producer producer)
    {
        store(sluice.writer, producer.record);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void blockingQueueOneProducer(final BlockingQueue baseline, final Producer producer)
        throws InterruptedException
    {
        put(baseline.queue, producer.record);
    }

    @Benchmark
    @Threads(4)
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public void blockingQueueFourProducers(final BlockingQueue baseline, final Producer producer)
        throws InterruptedException
    {
        put(baseline.queue, producer.record);
    }

    private static void store(final StreamWriter<byte[]> writer, final byte[] record)
    {
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++)
        {
            writer.store(record);
        }
    }

    private static void put(final ArrayBlockingQueue<byte[]> queue, final byte[] record) throws InterruptedException
    {
        for (int i = 0; i < RECORDS_PER_INVOCATION; i++)
        {
            // the caller reuses its buffer, so a queue of references must copy: what naive code does
            queue.put(record.clone());
        }
    }
}
