package io.sluice.api;

import io.sluice.testkit.StreamingTestDriver;
import io.sluice.testlog.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a failing output does: reported once per failure through awaitTermination (then it returns once stopped),
 * retried per {@code sluice.output.maxRetries}, dead-lettered or stopping the context per
 * {@code sluice.output.onFailure}; a fatal error ({@code OutOfMemoryError}) stops the context whatever the policy.
 */
class FailurePolicyTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void clearLog()
    {
        CapturedLog.clear();
    }

    private static List<List<Integer>> input()
    {
        return List.of(List.of(1), List.of(2), List.of(3));
    }

    @Test
    void eachFailureIsThrownOnceThenAwaitTerminationReturnsWhenStopped() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final List<Long> ran = new CopyOnWriteArrayList<>();
            driver.input(input()).foreachBatch((batch, time) ->
            {
                ran.add(time.milliseconds());
                if (time.milliseconds() <= 2000)
                {
                    throw new IllegalStateException("boom at " + time.milliseconds());
                }
            });
            driver.start();
            assertThrows(SluiceException.class, () -> driver.advance(3));   // the testkit rethrows too
            final SluiceException first = assertThrows(SluiceException.class,
                () -> driver.context().awaitTerminationOrTimeout(Duration.ZERO));
            assertTrue(first.getMessage().contains("1000 ms"), first.getMessage());
            final SluiceException second = assertThrows(SluiceException.class,
                () -> driver.context().awaitTerminationOrTimeout(Duration.ZERO));
            assertTrue(second.getMessage().contains("2000 ms"), second.getMessage());
            assertEquals(false, driver.context().awaitTerminationOrTimeout(Duration.ZERO), "nothing left to throw");
            assertEquals(List.of(1000L, 2000L, 3000L), ran, "later batches ran (Spark's policy: report)");
            driver.context().stop();
            assertTrue(driver.context().awaitTerminationOrTimeout(Duration.ZERO), "stopped: returns normally");
        }
    }

    @Test
    void retriesRunTheOutputAgainOnTheSameData()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, Map.of("sluice.output.maxRetries", "2")))
        {
            final AtomicInteger tries = new AtomicInteger();
            final List<List<Integer>> seen = new CopyOnWriteArrayList<>();
            driver.input(input()).foreachBatch((batch, time) ->
            {
                seen.add(batch.collect());
                if (time.milliseconds() == 1000 && tries.incrementAndGet() < 3)
                {
                    throw new IllegalStateException("flaky sink");
                }
            });
            driver.start();
            driver.advance(2);   // no failure reaches the test: the third try succeeded
            assertEquals(List.of(List.of(1), List.of(1), List.of(1), List.of(2)), seen);
            assertEquals(2, CapturedLog.lines().stream().filter(l -> l.message().contains("running it again")).count());
        }
    }

    @Test
    void deadLetterKeepsTheFailedBatchsTimeOutputAndReason()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH,
            Map.of("sluice.output.onFailure", "deadLetter")))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            driver.context().receiverStream(receiver, Codecs.STRING).map(s -> Integer.parseInt(s))
                .foreachBatch((batch, time) -> batch.collect());
            driver.start();
            receiver.store("12");
            receiver.store("x");   // the map throws for it: the output fails for this batch
            driver.awaitReceived(2);
            assertThrows(SluiceException.class, () -> driver.advance(1));
            final List<DeadLetter> letters = driver.context().deadLetters();
            assertEquals(1, letters.size(), letters.toString());
            assertEquals("batch 1000 ms", letters.get(0).record());
            assertTrue(letters.get(0).stream().startsWith("output 0 (foreachBatch"), letters.get(0).stream());
            assertTrue(letters.get(0).reason().contains("NumberFormatException"), letters.get(0).reason());
            assertEquals(StreamingContextState.ACTIVE, driver.context().state(), "the context goes on");
        }
    }

    @Test
    void stopPolicyStopsTheContextWithTheFailure() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, Map.of("sluice.output.onFailure", "stop")))
        {
            final List<Long> ran = new CopyOnWriteArrayList<>();
            driver.input(input()).foreachBatch((batch, time) ->
            {
                ran.add(time.milliseconds());
                throw new IllegalStateException("bad sink");
            });
            driver.start();
            driver.clock().setTime(3000);
            final SluiceException e = assertThrows(SluiceException.class,
                () -> driver.context().awaitTerminationOrTimeout(WAIT));
            assertTrue(e.getMessage().contains("bad sink"), e.getMessage());
            assertTrue(driver.context().awaitTerminationOrTimeout(WAIT), "the context stopped itself");
            assertEquals(StreamingContextState.STOPPED, driver.context().state());
            assertEquals(List.of(1000L), ran, "nothing ran after the failure");
        }
    }

    @Test
    void anOutOfMemoryErrorStopsTheContext() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final List<Long> ran = new CopyOnWriteArrayList<>();
            driver.input(input()).foreachBatch((batch, time) ->
            {
                ran.add(time.milliseconds());
                if (time.milliseconds() == 1000)
                {
                    throw new OutOfMemoryError("simulated: Java heap space");
                }
            });
            final CopyOnWriteArrayList<Throwable> failed = new CopyOnWriteArrayList<>();
            driver.context().addStreamingListener(new StreamingListener()
            {
                @Override
                public void onStreamingFailed(final long time, final Throwable cause)
                {
                    failed.add(cause);
                }
            });
            driver.start();
            driver.clock().setTime(3000);
            final SluiceException e = assertThrows(SluiceException.class,
                () -> driver.context().awaitTerminationOrTimeout(WAIT));
            assertTrue(e.getCause() instanceof OutOfMemoryError, String.valueOf(e.getCause()));
            assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
            assertTrue(driver.context().awaitTerminationOrTimeout(WAIT));
            assertEquals(StreamingContextState.STOPPED, driver.context().state());
            assertEquals(List.of(1000L), ran, "nothing ran after the fatal error");
            assertEquals(1, failed.size(), "listeners heard onStreamingFailed");
        }
    }
}
