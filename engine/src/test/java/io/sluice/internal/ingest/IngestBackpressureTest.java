package io.sluice.internal.ingest;

import com.sun.management.ThreadMXBean;
import io.sluice.api.Codecs;
import io.sluice.internal.memory.OffHeapLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full ring pushes back on producers: the block policy waits (allocating nothing) until the log writer makes
 * room, the fail policy throws at once.
 */
@Timeout(60)
@ExtendWith(OffHeapLeakCheck.class)
class IngestBackpressureTest
{
    private static final int RING_SIZE = 4;
    private static final int RECORDS = 200;

    @TempDir
    Path dataDir;

    @Test
    void blockPolicyWaitsWithoutAllocatingUntilTheWriterRuns() throws Exception
    {
        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of(
            "sluice.ring.size", Integer.toString(RING_SIZE), "sluice.ring.fullPolicy", "block")), dataDir))
        {
            final int id = pipeline.registerStream("s");
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            final Long value = 7L;
            final CountDownLatch done = new CountDownLatch(1);
            final AtomicReference<Throwable> error = new AtomicReference<>();
            final Thread producer = new Thread(() ->
            {
                try
                {
                    for (int i = 0; i < RECORDS; i++)
                    {
                        writer.store(value);
                    }
                }
                catch (final Throwable ex)
                {
                    error.set(ex);
                }
                done.countDown();
            }, "producer");
            producer.start();

            // the writer is not started: the producer fills the ring, then parks in its back-off
            awaitState(producer, Thread.State.TIMED_WAITING);
            assertEquals(RING_SIZE, pipeline.acceptedRecords(id));

            final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long allocatedBefore = threads.getThreadAllocatedBytes(producer.getId());
            for (int i = 0; i < 20; i++)
            {
                // let the producer go through many back-off rounds
                awaitState(producer, Thread.State.RUNNABLE);
                awaitState(producer, Thread.State.TIMED_WAITING);
            }
            final long allocatedWhileBlocked = threads.getThreadAllocatedBytes(producer.getId()) - allocatedBefore;
            assertEquals(RING_SIZE, pipeline.acceptedRecords(id));
            assertTrue(allocatedWhileBlocked < 1024, "a blocked store allocated " + allocatedWhileBlocked + " bytes");
            assertEquals(1, pipeline.ringFullWaits(), "one store waited (counted once, not per back-off round)");
            assertEquals(RING_SIZE, pipeline.ringSlotsInUse(), "every slot waits for the writer");

            pipeline.start();
            assertTrue(done.await(30, TimeUnit.SECONDS), "store still blocked after the writer started");
            assertNull(error.get());
            pipeline.cut(1);
            assertEquals(RECORDS, pipeline.awaitSegments(1).segment(id).recordCount());
        }
    }

    @Test
    void failPolicyThrowsAtOnceAndKeepsWhatWasAccepted() throws Exception
    {
        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of(
            "sluice.ring.size", Integer.toString(RING_SIZE), "sluice.ring.fullPolicy", "fail")), dataDir))
        {
            final int id = pipeline.registerStream("s");
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            for (long i = 0; i < RING_SIZE; i++)
            {
                writer.store(i);
            }
            final RingFullException ex = assertThrows(RingFullException.class, () -> writer.store(99L));
            assertTrue(ex.getMessage().contains("sluice.ring.size"), ex.getMessage());
            assertTrue(ex.getMessage().contains("sluice.ring.fullPolicy=block"), ex.getMessage());
            assertEquals(RING_SIZE, pipeline.acceptedRecords(id));
            assertEquals(1, pipeline.ringFullWaits(), "the refused store is counted");

            pipeline.start();
            pipeline.cut(1);
            assertEquals(RING_SIZE, pipeline.awaitSegments(1).segment(id).recordCount());
            assertEquals(RING_SIZE * 8L, pipeline.bytesLogged(), "eight bytes per LONG record");
        }
    }

    @Test
    void closeReleasesAProducerBlockedOnAFullRing() throws Exception
    {
        final IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of(
            "sluice.ring.size", Integer.toString(RING_SIZE))), dataDir);
        final int id = pipeline.registerStream("s");
        final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CountDownLatch done = new CountDownLatch(1);
        final Thread producer = new Thread(() ->
        {
            try
            {
                for (long i = 0; i < 1_000_000; i++)
                {
                    writer.store(i);
                }
            }
            catch (final Throwable ex)
            {
                error.set(ex);
            }
            done.countDown();
        }, "producer");
        producer.start();
        awaitState(producer, Thread.State.TIMED_WAITING);
        pipeline.close();
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertTrue(error.get() instanceof IllegalStateException, String.valueOf(error.get()));
        assertTrue(pipeline.acceptedRecords(id) >= RING_SIZE);
    }

    @Test
    void rateLimitedStoreStillStoresEverything() throws Exception
    {
        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.from(Map.of("sluice.ring.size", "64")), dataDir))
        {
            final int id = pipeline.registerStream("s");
            pipeline.start();
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            writer.setMaxRate(100_000);
            for (long i = 0; i < 1000; i++)
            {
                writer.store(i);
            }
            writer.setMaxRate(0);
            writer.store(1000L);
            pipeline.cut(1);
            assertEquals(1001, pipeline.awaitSegments(1).segment(id).recordCount());
        }
    }

    private static void awaitState(final Thread thread, final Thread.State state)
    {
        // safety net only: the state is normally reached within microseconds
        for (long i = 0; thread.getState() != state; i++)
        {
            if (!thread.isAlive())
            {
                throw new AssertionError(thread.getName() + " ended while waiting for " + state);
            }
            Thread.yield();
            if (i > 100_000_000L)
            {
                throw new AssertionError(thread.getName() + " never reached " + state);
            }
        }
    }
}
