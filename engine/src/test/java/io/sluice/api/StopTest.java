package io.sluice.api;

import io.sluice.testkit.StreamingTestDriver;
import io.sluice.testlog.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping: a graceful stop that runs out of time drops the queued batches and says what it left; stop from within an
 * output operation returns at once (not graceful: the batch's remaining outputs and the queue do not run; graceful:
 * everything generated runs first), and nothing runs against closed queues.
 */
class StopTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final long WAIT_MS = 30_000;

    @BeforeEach
    void clearLog()
    {
        CapturedLog.clear();
    }

    /** A driver whose receiver holds one record per batch for batches 1 to 4, generated at once (clock set to 4 s). */
    private static final class Queued implements AutoCloseable
    {
        final StreamingTestDriver driver;
        final PassiveReceiver<String> receiver = new PassiveReceiver<>();
        final List<Long> secondOutput = new CopyOnWriteArrayList<>();
        final CountDownLatch submitted = new CountDownLatch(4);
        /** Batch 1's job waits here until all four batches are queued, so none is missed by an early stop. */
        final CountDownLatch allQueued = new CountDownLatch(1);

        Queued(final Map<String, String> settings, final java.util.function.BiConsumer<Long, StreamingContext> first)
        {
            driver = StreamingTestDriver.create(BATCH, null, settings);
            final DStream<String> lines = driver.context().receiverStream(receiver, Codecs.STRING);
            lines.foreachBatch((batch, time) ->
            {
                if (time.milliseconds() == 1000)
                {
                    awaitQuietly(allQueued);
                }
                first.accept(time.milliseconds(), driver.context());
            });
            lines.foreachBatch((batch, time) -> secondOutput.add(time.milliseconds()));
            driver.context().addStreamingListener(new StreamingListener()
            {
                @Override
                public void onBatchSubmitted(final BatchInfo info)
                {
                    submitted.countDown();
                }
            });
            driver.start();
        }

        void queueFourBatches() throws InterruptedException
        {
            for (int b = 1; b <= 4; b++)
            {
                receiver.store("r" + b);
                driver.awaitReceived(b);
                driver.clock().setTime(b * 1000L);
            }
            assertTrue(submitted.await(WAIT_MS, TimeUnit.MILLISECONDS), "four batches submitted");
            allQueued.countDown();
        }

        @Override
        public void close()
        {
            driver.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aGracefulStopOutOfTimeDropsTheQueueAndSaysWhatItLeft() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        try (Queued q = new Queued(Map.of("sluice.stop.gracefulTimeout", "200ms"), (time, context) ->
        {
            if (time == 1000)
            {
                awaitQuietly(release);   // the first batch's job is slow
            }
        }))
        {
            q.queueFourBatches();
            final Thread stopper = new Thread(() -> q.driver.context().stop(true), "test-stopper");
            stopper.start();
            final CapturedLog.Line said = CapturedLog.awaitLine("sluice.stop.gracefulTimeout (200 ms) ran out");
            release.countDown();
            stopper.join(WAIT_MS);
            assertEquals(StreamingContextState.STOPPED, q.driver.context().state());
            assertEquals(List.of(), q.secondOutput, "the running output finished; the rest of its batch and the queued "
                + "batches did not run (without a batch-done record a restart on a checkpoint runs them)");
            assertEquals(3, q.driver.context().runtime().droppedAtStop().generatedRecords(),
                "batches 2 to 4 held one record each");
            assertTrue(q.driver.context().runtime().droppedAtStop().batches() >= 3);
            assertTrue(said.message().contains("with 3 records") && said.message().contains("restart"), said.message());
        }
    }

    @Test
    void stopFromAnOutputReturnsAtOnceAndRunsNothingMore() throws Exception
    {
        try (Queued q = new Queued(Map.of(), (time, context) ->
        {
            if (time == 2000)
            {
                context.stop(false);
            }
        }))
        {
            q.queueFourBatches();
            assertTrue(q.driver.context().awaitTerminationOrTimeout(Duration.ofMillis(WAIT_MS)), "the context stopped");
            assertEquals(StreamingContextState.STOPPED, q.driver.context().state());
            assertEquals(List.of(1000L), q.secondOutput,
                "batch 2's second output and batches 3 and 4 did not run after stop(false)");
            assertTrue(CapturedLog.lines().stream().noneMatch(l -> l.error() != null
                && String.valueOf(l.error()).contains("Closed")), "nothing ran against closed queues");
        }
    }

    @Test
    void aGracefulStopFromAnOutputRunsEverythingGeneratedFirst() throws Exception
    {
        try (Queued q = new Queued(Map.of(), (time, context) ->
        {
            if (time == 2000)
            {
                context.stop(true);
            }
        }))
        {
            q.queueFourBatches();
            assertTrue(q.driver.context().awaitTerminationOrTimeout(Duration.ofMillis(WAIT_MS)), "the context stopped");
            assertEquals(List.of(1000L, 2000L, 3000L, 4000L), q.secondOutput.subList(0, 4),
                "every generated batch ran, batch 2's second output included");
            assertTrue(CapturedLog.lines().stream().noneMatch(l -> l.message().contains("ran out")),
                "no timeout: the stop did not wait for the job it was called from");
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(WAIT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
