package io.sluice.internal.ingest;

import com.sun.management.ThreadMXBean;
import io.sluice.api.Codecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steady state allocates nothing per record: neither the producer in {@code store()} nor the log writer while
 * packing and appending blocks. (JMH's {@code -prof gc} on IngestStoreBenchmark measures the same thing; this keeps
 * it from regressing unnoticed.)
 */
@Timeout(60)
class IngestAllocationTest
{
    private static final int WARM_UP_RECORDS = 200_000;
    private static final int MEASURED_RECORDS = 200_000;

    @TempDir
    Path dataDir;

    @Test
    void storeAndTheLogWriterAllocateNothingPerRecord() throws InterruptedException
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of(
            "sluice.ring.size", "4096", "sluice.ring.slotBytes", "64")), dataDir))
        {
            final int id = pipeline.registerStream("s");
            pipeline.start();
            final Thread logWriter = Thread.getAllStackTraces().keySet().stream()
                .filter((t) -> IngestPipeline.LOG_WRITER_THREAD_NAME.equals(t.getName())).findFirst().orElseThrow();
            final StreamWriter<byte[]> writer = pipeline.writer(id, Codecs.BYTES);
            final byte[] record = new byte[16];

            storeMany(writer, record, WARM_UP_RECORDS);
            pipeline.cut(1);
            pipeline.awaitSegments(1);

            final long producerBefore = threads.getCurrentThreadAllocatedBytes();
            final long writerBefore = threads.getThreadAllocatedBytes(logWriter.getId());
            storeMany(writer, record, MEASURED_RECORDS);
            final long producerAllocated = threads.getCurrentThreadAllocatedBytes() - producerBefore;
            pipeline.cut(2);
            pipeline.awaitSegments(2);
            final long writerAllocated = threads.getThreadAllocatedBytes(logWriter.getId()) - writerBefore;

            assertEquals(MEASURED_RECORDS, pipeline.awaitSegments(2).segment(id).recordCount());
            assertTrue(producerAllocated < 1024, "store() allocated " + producerAllocated + " bytes for " +
                MEASURED_RECORDS + " records");
            // the one cut allocates its segments and manifest entry; nothing may scale with the records
            assertTrue(writerAllocated < 16 * 1024, "the log writer allocated " + writerAllocated + " bytes for " +
                MEASURED_RECORDS + " records");
        }
    }

    private static void storeMany(final StreamWriter<byte[]> writer, final byte[] record, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            writer.store(record);
        }
    }
}
