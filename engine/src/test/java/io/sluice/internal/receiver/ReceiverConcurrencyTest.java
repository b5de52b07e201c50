package io.sluice.internal.receiver;

import io.sluice.api.Batch;
import io.sluice.api.Codecs;
import io.sluice.api.Receiver;
import io.sluice.api.Time;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Four producer threads store 1,000,000 numbered records each through the public Receiver API while the clock crosses
 * many batch boundaries: every record lands in exactly one batch, none is lost or duplicated, and each batch holds
 * exactly the records stored in its interval.
 */
class ReceiverConcurrencyTest
{
    private static final int PRODUCERS = 4;
    private static final int RECORDS_PER_PRODUCER = 1_000_000;

    /** A receiver whose records come from the test's threads. */
    static final class DirectReceiver extends Receiver<Long>
    {
        @Override
        public void onStart()
        {
        }

        @Override
        public void onStop()
        {
        }
    }

    private static long record(final int producer, final int sequence)
    {
        return ((long)producer << 32) | sequence;
    }

    /** The batch times of every record, by producer and sequence; -1 until seen. */
    static final class Placement
    {
        final long[][] batchOf = new long[PRODUCERS][RECORDS_PER_PRODUCER];
        final AtomicReference<String> problem = new AtomicReference<>();
        long total;

        Placement()
        {
            for (final long[] row : batchOf)
            {
                java.util.Arrays.fill(row, -1);
            }
        }

        /** Called on the job thread for each batch, in batch order. */
        void place(final Batch<Long> batch, final Time time)
        {
            final int[] lastSeq = new int[PRODUCERS];
            java.util.Arrays.fill(lastSeq, -1);
            for (final long value : batch)
            {
                final int producer = (int)(value >>> 32);
                final int sequence = (int)value;
                if (batchOf[producer][sequence] != -1)
                {
                    problem.compareAndSet(null, "record " + producer + "/" + sequence + " in batches "
                        + batchOf[producer][sequence] + " and " + time.milliseconds());
                }
                if (sequence <= lastSeq[producer])
                {
                    problem.compareAndSet(null, "producer " + producer + " out of order in batch " + time);
                }
                lastSeq[producer] = sequence;
                batchOf[producer][sequence] = time.milliseconds();
                total++;
            }
        }
    }

    @Test
    void roundsSeparatedByBoundariesLandExactlyInTheirBatch() throws Exception
    {
        final int rounds = 40;
        final int perRound = RECORDS_PER_PRODUCER / rounds;
        final DirectReceiver receiver = new DirectReceiver();
        final Placement placement = new Placement();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(10)))
        {
            driver.context().receiverStream(receiver, Codecs.LONG).foreachBatch(placement::place);
            driver.start();
            final CyclicBarrier roundDone = new CyclicBarrier(PRODUCERS + 1);
            final List<Thread> producers = new ArrayList<>();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int p = 0; p < PRODUCERS; p++)
            {
                final int producer = p;
                producers.add(new Thread(() ->
                {
                    try
                    {
                        for (int r = 0; r < rounds; r++)
                        {
                            for (int i = r * perRound; i < (r + 1) * perRound; i++)
                            {
                                receiver.store(record(producer, i));
                            }
                            roundDone.await();
                            roundDone.await();
                        }
                    }
                    catch (final Throwable ex)
                    {
                        failure.compareAndSet(null, ex);
                    }
                }, "producer-" + p));
            }
            producers.forEach(Thread::start);
            for (int r = 0; r < rounds; r++)
            {
                roundDone.await();
                driver.advance(1);
                roundDone.await();
            }
            for (final Thread t : producers)
            {
                t.join();
            }
            assertNull(failure.get());
        }
        assertNull(placement.problem.get(), placement.problem.get());
        assertEquals((long)PRODUCERS * RECORDS_PER_PRODUCER, placement.total);
        for (int p = 0; p < PRODUCERS; p++)
        {
            for (int i = 0; i < RECORDS_PER_PRODUCER; i++)
            {
                final long expectedBatch = (i / perRound + 1) * 10L;
                if (placement.batchOf[p][i] != expectedBatch)
                {
                    fail("record " + p + "/" + i + " in batch " + placement.batchOf[p][i] + ", stored in round "
                        + i / perRound + " (batch " + expectedBatch + ")");
                }
            }
        }
    }

    @Test
    void freeRunningProducersWhileTheClockMovesLoseAndDuplicateNothing() throws Exception
    {
        final long intervalMs = 5;
        final DirectReceiver receiver = new DirectReceiver();
        final Placement placement = new Placement();
        final long[][] clockBefore = new long[PRODUCERS][RECORDS_PER_PRODUCER];
        final long[][] clockAfter = new long[PRODUCERS][RECORDS_PER_PRODUCER];
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(intervalMs)))
        {
            driver.context().receiverStream(receiver, Codecs.LONG).foreachBatch(placement::place);
            driver.start();
            final List<Thread> producers = new ArrayList<>();
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int p = 0; p < PRODUCERS; p++)
            {
                final int producer = p;
                producers.add(new Thread(() ->
                {
                    try
                    {
                        for (int i = 0; i < RECORDS_PER_PRODUCER; i++)
                        {
                            clockBefore[producer][i] = driver.clock().millis();
                            receiver.store(record(producer, i));
                            clockAfter[producer][i] = driver.clock().millis();
                        }
                    }
                    catch (final Throwable ex)
                    {
                        failure.compareAndSet(null, ex);
                    }
                }, "producer-" + p));
            }
            producers.forEach(Thread::start);
            int boundaries = 0;
            while (producers.stream().anyMatch(Thread::isAlive))
            {
                driver.advance(1);
                boundaries++;
            }
            driver.advance(1);
            assertNull(failure.get());
            assertTrue(boundaries > 1, "the clock crossed " + boundaries + " boundaries");
        }
        assertNull(placement.problem.get(), placement.problem.get());
        assertEquals((long)PRODUCERS * RECORDS_PER_PRODUCER, placement.total);
        for (int p = 0; p < PRODUCERS; p++)
        {
            for (int i = 0; i < RECORDS_PER_PRODUCER; i++)
            {
                // A ManualClock cuts a boundary before it shows the new time, so a record whose store() began at
                // clock c is after every boundary <= c, and one whose store() ended at clock c' is before the
                // boundary after the next: batch in [next(c), next(c') + interval].
                final long batch = placement.batchOf[p][i];
                final long low = (clockBefore[p][i] / intervalMs + 1) * intervalMs;
                final long high = (clockAfter[p][i] / intervalMs + 1) * intervalMs + intervalMs;
                if (batch < low || batch > high)
                {
                    fail("record " + p + "/" + i + " stored between clock " + clockBefore[p][i] + " and "
                        + clockAfter[p][i] + " landed in batch " + batch);
                }
            }
        }
    }
}
