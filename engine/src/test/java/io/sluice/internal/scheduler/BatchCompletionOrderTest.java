package io.sluice.internal.scheduler;

import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch without jobs generated while an earlier batch still runs must not count as done before that batch: the
 * testkit's advance() returns only when every job of the batch times it moved over has completed.
 */
class BatchCompletionOrderTest
{
    @Test
    void aLaterBatchWithoutJobsDoesNotOvertakeARunningOne() throws Exception
    {
        final CountDownLatch secondBatchGenerated = new CountDownLatch(1);
        final AtomicBoolean firstJobFinished = new AtomicBoolean();
        final ArrayDeque<Collection<String>> queue = new ArrayDeque<>()
        {
            @Override
            public synchronized Collection<String> poll()
            {
                final Collection<String> next = super.poll();
                if (next == null)
                {
                    secondBatchGenerated.countDown();
                }
                return next;
            }
        };
        queue.add(List.of("only in batch 1"));
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.context().queueStream(queue, true)
                .filter(line -> !line.isEmpty())
                .foreachBatch((batch, time) ->
                {
                    if (time.milliseconds() == 1000)
                    {
                        try
                        {
                            assertTrue(secondBatchGenerated.await(60, TimeUnit.SECONDS));
                        }
                        catch (final InterruptedException ex)
                        {
                            Thread.currentThread().interrupt();
                        }
                        firstJobFinished.set(true);
                    }
                });
            driver.start();
            driver.advance(2);
            assertTrue(firstJobFinished.get(), "advance(2) returned before batch 1's job finished");
        }
    }
}
