package io.sluice.internal.receiver;

import io.sluice.api.Codecs;
import io.sluice.api.StreamingContext;
import io.sluice.testkit.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SEMANTICS §12: a graceful stop processes every record received before it. */
class GracefulStopTest
{
    @Test
    void gracefulStopCutsALastBatchWithEverythingAccepted()
    {
        final ManualClock clock = new ManualClock();
        final DataDirectoryTest.Idle receiver = new DataDirectoryTest.Idle();
        final AtomicLong processed = new AtomicLong();
        final List<Long> batchTimes = new CopyOnWriteArrayList<>();
        final StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofSeconds(1)).clock(clock).build();
        ssc.receiverStream(receiver, Codecs.STRING).foreachBatch((batch, time) ->
        {
            processed.addAndGet(batch.count());
            batchTimes.add(time.milliseconds());
        });
        ssc.start();
        for (int i = 0; i < 1000; i++)
        {
            receiver.store("r" + i);
        }
        clock.setTime(1000);
        for (int i = 0; i < 500; i++)
        {
            receiver.store("s" + i);
        }
        ssc.stop(true);
        assertEquals(1500, processed.get());
        assertEquals(List.of(1000L, 2000L), batchTimes);
    }

    @Test
    void stopWithoutGraceDropsQueuedBatchesButNotTheRunningOne()
    {
        final ManualClock clock = new ManualClock();
        final DataDirectoryTest.Idle receiver = new DataDirectoryTest.Idle();
        final AtomicLong processed = new AtomicLong();
        final StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofSeconds(1)).clock(clock).build();
        ssc.receiverStream(receiver, Codecs.STRING).foreachBatch((batch, time) -> processed.addAndGet(batch.count()));
        ssc.start();
        receiver.store("before stop");
        ssc.stop(false);
        assertEquals(0, processed.get());
    }
}
