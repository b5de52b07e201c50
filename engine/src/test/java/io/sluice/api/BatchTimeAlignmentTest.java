package io.sluice.api;

import io.sluice.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEMANTICS §3: batch times are absolute multiples of the interval; the first is strictly after "now". */
class BatchTimeAlignmentTest
{
    @Test
    void firstBatchIsTheNextMultipleStrictlyAfterStart() throws Exception
    {
        final ManualClock clock = new ManualClock(1500);
        final List<Long> times = new CopyOnWriteArrayList<>();
        final Queue<Collection<String>> queue = new ArrayDeque<>();
        try (StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofSeconds(1)).clock(clock).build())
        {
            ssc.queueStream(queue, true).foreachBatch((batch, time) -> times.add(time.milliseconds()));
            final CountingListener done = new CountingListener();
            ssc.addStreamingListener(done);
            ssc.start();
            clock.setTime(1999);
            clock.setTime(2000);
            clock.setTime(4500);
            done.await(3);
            assertEquals(List.of(2000L, 3000L, 4000L), times);
        }
    }

    @Test
    void aClockOnAMultipleStartsOneIntervalLater() throws Exception
    {
        final ManualClock clock = new ManualClock(3000);
        final List<Long> times = new CopyOnWriteArrayList<>();
        try (StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofMillis(250)).clock(clock).build())
        {
            ssc.queueStream(new ArrayDeque<Collection<String>>(), true)
                .foreachBatch((batch, time) -> times.add(time.milliseconds()));
            final CountingListener done = new CountingListener();
            ssc.addStreamingListener(done);
            ssc.start();
            clock.setTime(3500);
            done.await(2);
            assertEquals(List.of(3250L, 3500L), times);
        }
    }

    @Test
    void timeToStringIsSparks()
    {
        assertEquals("1000 ms", new Time(1000).toString());
        assertEquals(new Time(1500), new Time(1000).plus(Duration.ofMillis(500)));
        assertEquals(new Time(500), new Time(1000).minus(Duration.ofMillis(500)));
    }

    /** Waits for completed batches through listener events (no sleeping, no clock reads). */
    static final class CountingListener implements StreamingListener
    {
        private final Semaphore completed = new Semaphore(0);

        @Override
        public void onBatchCompleted(final BatchInfo info)
        {
            completed.release();
        }

        void await(final int batches) throws InterruptedException
        {
            assertTrue(completed.tryAcquire(batches, 60, TimeUnit.SECONDS), "batches did not complete");
        }
    }
}
