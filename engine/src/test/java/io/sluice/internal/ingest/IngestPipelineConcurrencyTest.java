package io.sluice.internal.ingest;

import io.sluice.api.Codec;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.memory.OffHeapAllocator;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Four producers store numbered records while a cutter cuts concurrently; checks that every record lands in
 * exactly one segment, in per-producer order, and in the batch that ring order allows.
 *
 * <p>The oracle: the cutter counts {@code cutsStarted} before calling {@code cut()} and {@code cutsCompleted} after
 * it returns; a producer reads {@code a = cutsCompleted} before each store and {@code b = cutsStarted} after it.
 * Cuts 1..a were published before the record was claimed and cuts b+1.. were claimed after it was published, so
 * the record's batch k (1-based) satisfies {@code a + 1 <= k <= b + 1}.
 */
@Timeout(180)
class IngestPipelineConcurrencyTest
{
    private static final int PRODUCERS = 4;
    private static final int RECORDS_PER_PRODUCER = 1_000_000;
    private static final long RECORDS_PER_CUT = 20_000;
    private static final int PRODUCER_SHIFT = 32;

    @TempDir
    Path dataDir;

    private volatile int cutsStarted;
    private volatile int cutsCompleted;
    private volatile int finalCut;
    private final AtomicLongArray progress = new AtomicLongArray(PRODUCERS * 16);

    @Test
    void everyRecordIsInExactlyOneSegmentInRingOrder() throws Exception
    {
        final long liveBytesBefore = OffHeapAllocator.liveBytes();
        // the store window of record (p, s): low int = cutsCompleted before, high int = cutsStarted after
        final long[][] windows = new long[PRODUCERS][RECORDS_PER_PRODUCER];
        final AtomicReference<Throwable> error = new AtomicReference<>();

        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of(
            "sluice.ring.size", "16384", "sluice.ring.slotBytes", "16", "sluice.log.blockBytes", "65536")), dataDir))
        {
            final int id = pipeline.registerStream("numbered");
            pipeline.start();

            final Thread[] producers = new Thread[PRODUCERS];
            for (int p = 0; p < PRODUCERS; p++)
            {
                final int producer = p;
                final StreamWriter<long[]> writer = pipeline.writer(id, new HolderCodec());
                producers[p] = new Thread(() -> produce(producer, writer, windows[producer]), "producer-" + p);
                producers[p].setUncaughtExceptionHandler((t, ex) -> error.compareAndSet(null, ex));
            }
            final Thread cutter = new Thread(() -> cutWhileProducing(pipeline, producers), "cutter");
            cutter.setUncaughtExceptionHandler((t, ex) -> error.compareAndSet(null, ex));
            cutter.start();
            for (final Thread producer : producers)
            {
                producer.start();
            }

            final Checker checker = new Checker(windows);
            try (SegmentReader reader = pipeline.reader(id))
            {
                for (int k = 1; ; k++)
                {
                    final BatchSegments batch = pipeline.awaitSegments(k);
                    final Segment segment = batch.segment(id);
                    checker.batch = k;
                    final long before = checker.records;
                    reader.read(segment, checker);
                    assertEquals(segment.recordCount(), checker.records - before, "records of batch " + k);
                    checker.segmentRecordSum += segment.recordCount();
                    if (k == finalCut)
                    {
                        break;
                    }
                    if (null != error.get())
                    {
                        fail(error.get());
                    }
                }
            }
            cutter.join();
            for (final Thread producer : producers)
            {
                producer.join();
            }
            if (null != error.get())
            {
                fail(error.get());
            }

            checker.checkWindows();
            assertTrue(finalCut > 10, "the cutter cut while producing: " + finalCut + " cuts");
            assertEquals((long)PRODUCERS * RECORDS_PER_PRODUCER, checker.records);
            assertEquals((long)PRODUCERS * RECORDS_PER_PRODUCER, checker.segmentRecordSum);
            assertEquals((long)PRODUCERS * RECORDS_PER_PRODUCER, pipeline.acceptedRecords(id));
            for (int p = 0; p < PRODUCERS; p++)
            {
                assertEquals(RECORDS_PER_PRODUCER - 1, checker.lastSequence[p], "producer " + p + " complete");
            }
        }
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes());
    }

    private void produce(final int producer, final StreamWriter<long[]> writer, final long[] windows)
    {
        final long[] holder = new long[1];
        final long tag = (long)producer << PRODUCER_SHIFT;
        for (int s = 0; s < RECORDS_PER_PRODUCER; s++)
        {
            final int a = cutsCompleted;
            holder[0] = tag | s;
            writer.store(holder);
            final int b = cutsStarted;
            windows[s] = ((long)b << 32) | a;
            if ((s & 1023) == 0)
            {
                progress.lazySet(producer * 16, s);
            }
        }
        progress.set(producer * 16, RECORDS_PER_PRODUCER);
    }

    private void cutWhileProducing(final IngestPipeline pipeline, final Thread[] producers)
    {
        long lastCutProgress = 0;
        int cuts = 0;
        while (true)
        {
            boolean isDone = true;
            long total = 0;
            for (int p = 0; p < PRODUCERS; p++)
            {
                final long stored = progress.get(p * 16);
                total += stored;
                isDone &= stored == RECORDS_PER_PRODUCER;
            }
            if (isDone || total - lastCutProgress >= RECORDS_PER_CUT)
            {
                lastCutProgress = total;
                cutsStarted = cuts + 1;
                pipeline.cut(cuts + 1);
                cuts++;
                cutsCompleted = cuts;
                if (isDone)
                {
                    finalCut = cuts;
                    return;
                }
            }
            else
            {
                Thread.yield();
            }
        }
    }

    private static final class Checker implements io.sluice.internal.log.RecordHandler
    {
        private final long[][] windows;
        private final int[] lastSequence = new int[PRODUCERS];
        private final int[][] batchOf = new int[PRODUCERS][RECORDS_PER_PRODUCER];
        private int batch;
        private long records;
        private long segmentRecordSum;

        Checker(final long[][] windows)
        {
            this.windows = windows;
            java.util.Arrays.fill(lastSequence, -1);
        }

        public void onRecord(final DirectBuffer buffer, final int offset, final int length)
        {
            assertEquals(Long.BYTES, length);
            final long value = buffer.getLong(offset);
            final int producer = (int)(value >>> PRODUCER_SHIFT);
            final int sequence = (int)value;
            if (sequence != lastSequence[producer] + 1)
            {
                fail("producer " + producer + ": record " + sequence + " follows " + lastSequence[producer] +
                    " in batch " + batch + " (lost, duplicated or reordered)");
            }
            lastSequence[producer] = sequence;
            batchOf[producer][sequence] = batch;
            records++;
        }

        /** Checks the oracle once the producers have finished writing their windows. */
        void checkWindows()
        {
            for (int producer = 0; producer < PRODUCERS; producer++)
            {
                for (int sequence = 0; sequence < RECORDS_PER_PRODUCER; sequence++)
                {
                    final long window = windows[producer][sequence];
                    final int a = (int)window;
                    final int b = (int)(window >>> 32);
                    final int batch = batchOf[producer][sequence];
                    if (batch < a + 1 || batch > b + 1)
                    {
                        fail("producer " + producer + " record " + sequence + " is in batch " + batch +
                            " but was stored after " + a + " cuts completed and before cut " + (b + 1) + " started");
                    }
                }
            }
        }
    }

    /** Encodes the long in a reused holder, as Codecs.LONG lays it out, so producers allocate nothing. */
    private static final class HolderCodec implements Codec<long[]>
    {
        public int encode(final long[] value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            if (maxLength < Long.BYTES)
            {
                return -1;
            }
            buffer.putLong(offset, value[0]);
            return Long.BYTES;
        }

        public long[] decode(final DirectBuffer buffer, final int offset, final int length)
        {
            return new long[]{buffer.getLong(offset)};
        }

        public String name()
        {
            return "long-holder";
        }
    }
}
