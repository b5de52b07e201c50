package io.sluice.internal.scheduler;

import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import io.sluice.api.DStream;
import io.sluice.api.SluiceException;
import io.sluice.internal.context.ContextInternals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch whose generation fails (or that has no jobs) while an earlier batch still runs must not count as done
 * before that batch: the testkit's advance() returns only when every job of the batch times it moved over completed.
 */
class BatchCompletionOrderTest
{
    @Test
    void aLaterBatchThatFailsToGenerateDoesNotOvertakeARunningOne() throws Exception
    {
        final CountDownLatch secondBatchGenerating = new CountDownLatch(1);
        final AtomicBoolean firstJobFinished = new AtomicBoolean();
        final ArrayDeque<Collection<String>> queue = new ArrayDeque<>()
        {
            @Override
            public synchronized Collection<String> poll()
            {
                final Collection<String> next = super.poll();
                if (next == null)
                {
                    secondBatchGenerating.countDown();
                }
                return next;
            }
        };
        queue.add(List.of("q"));
        final List<List<String>> input = new ArrayList<>();
        input.add(List.of("a"));
        input.add(null);
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            // At 2000 ms the union polls the queue, then finds its second parent without a batch: generation fails.
            final DStream<String> union = driver.context().union(List.of(
                driver.context().queueStream(queue, true), driver.input(input)));
            final ContextInternals internals = ContextInternals.Access.of(driver.context());
            final AtomicBoolean secondDoneWhileFirstRan = new AtomicBoolean(true);
            union.foreachBatch((batch, time) ->
            {
                if (time.milliseconds() == 1000)
                {
                    try
                    {
                        assertTrue(secondBatchGenerating.await(60, TimeUnit.SECONDS));
                        awaitGeneratorIdle();
                        secondDoneWhileFirstRan.set(internals.awaitBatchesDone(2000, 0));
                    }
                    catch (final InterruptedException ex)
                    {
                        Thread.currentThread().interrupt();
                    }
                    firstJobFinished.set(true);
                }
            });
            driver.start();
            final SluiceException error = assertThrows(SluiceException.class, () -> driver.advance(2));
            assertTrue(error.getMessage().contains("2000"), error.getMessage());
            assertTrue(firstJobFinished.get(), "advance(2) returned before batch 1's job finished");
            assertFalse(secondDoneWhileFirstRan.get(), "batch 2 counted as done while batch 1's job still ran");
        }
    }

    /** Waits until the generator thread has finished with batch 2 and waits for the next time. */
    private static void awaitGeneratorIdle()
    {
        Thread generator = null;
        while (generator == null || generator.getState() != Thread.State.WAITING)
        {
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (thread.getName().equals("sluice-job-generator"))
                {
                    generator = thread;
                }
            }
            Thread.onSpinWait();
        }
    }
}
