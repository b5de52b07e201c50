package io.sluice.api;

import io.sluice.testkit.ManualClock;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingContextLifecycleTest
{
    private final List<StreamingContext> contexts = new ArrayList<>();

    @AfterEach
    void stopAll()
    {
        contexts.forEach(StreamingContext::stop);
    }

    private StreamingContext context(final ManualClock clock)
    {
        final StreamingContext ssc = StreamingContext.builder().appName("lifecycle").batchInterval(Duration.ofSeconds(1))
            .clock(clock).build();
        contexts.add(ssc);
        return ssc;
    }

    private static DStream<Integer> input(final StreamingContext ssc)
    {
        final Queue<Collection<Integer>> queue = new ArrayDeque<>();
        return ssc.queueStream(queue, true);
    }

    @Test
    void movesThroughInitializedActiveStopped()
    {
        final StreamingContext ssc = context(new ManualClock());
        assertEquals(StreamingContextState.INITIALIZED, ssc.state());
        input(ssc).print();
        ssc.start();
        assertEquals(StreamingContextState.ACTIVE, ssc.state());
        ssc.stop();
        assertEquals(StreamingContextState.STOPPED, ssc.state());
    }

    @Test
    void secondStartIsANoOp()
    {
        final StreamingContext ssc = context(new ManualClock());
        input(ssc).print();
        ssc.start();
        ssc.start();
        assertEquals(StreamingContextState.ACTIVE, ssc.state());
    }

    @Test
    void startAfterStopThrows()
    {
        final StreamingContext ssc = context(new ManualClock());
        input(ssc).print();
        ssc.start();
        ssc.stop();
        final IllegalStateException error = assertThrows(IllegalStateException.class, ssc::start);
        assertTrue(error.getMessage().contains("already been stopped"), error.getMessage());
        assertEquals(StreamingContextState.STOPPED, ssc.state());
    }

    @Test
    void addingStreamsAfterStartOrStopThrowsWithSparksMessages()
    {
        final StreamingContext ssc = context(new ManualClock());
        final DStream<Integer> in = input(ssc);
        in.print();
        ssc.start();
        final IllegalStateException afterStart = assertThrows(IllegalStateException.class, () -> in.map(x -> x));
        assertEquals("Adding new inputs, transformations, and output operations after starting a context is not supported",
            afterStart.getMessage());
        assertThrows(IllegalStateException.class, in::print);
        assertThrows(IllegalStateException.class, () -> input(ssc));
        ssc.stop();
        final IllegalStateException afterStop = assertThrows(IllegalStateException.class, () -> in.filter(x -> true));
        assertEquals("Adding new inputs, transformations, and output operations after stopping a context is not supported",
            afterStop.getMessage());
    }

    @Test
    void startWithoutOutputOperationThrowsAndStopsTheContext()
    {
        final StreamingContext ssc = context(new ManualClock());
        input(ssc).map(x -> x);
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, ssc::start);
        assertTrue(error.getMessage().startsWith("No output operations registered, so nothing to execute"), error.getMessage());
        assertEquals(StreamingContextState.STOPPED, ssc.state());
        final StreamingContext next = context(new ManualClock());
        input(next).print();
        next.start();
        assertEquals(StreamingContextState.ACTIVE, next.state());
    }

    @Test
    void onlyOneActiveContextPerJvm()
    {
        final StreamingContext first = context(new ManualClock());
        input(first).print();
        first.start();
        final StreamingContext second = context(new ManualClock());
        input(second).print();
        final IllegalStateException error = assertThrows(IllegalStateException.class, second::start);
        assertTrue(error.getMessage().contains("Only one StreamingContext may be started in this JVM"), error.getMessage());
        first.stop();
        final StreamingContext third = context(new ManualClock());
        input(third).print();
        third.start();
        assertEquals(StreamingContextState.ACTIVE, third.state());
    }

    @Test
    void stopIsIdempotentAndWorksBeforeStart()
    {
        final StreamingContext ssc = context(new ManualClock());
        ssc.stop();
        assertEquals(StreamingContextState.STOPPED, ssc.state());
        ssc.stop();
        ssc.close();
        assertEquals(StreamingContextState.STOPPED, ssc.state());
    }

    @Test
    void awaitTerminationOrTimeoutReportsStopAndRethrowsJobFailure() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1), List.of(2)));
            in.foreachBatch((batch, time) ->
            {
                if (time.milliseconds() == 2000)
                {
                    throw new IllegalStateException("boom at 2000");
                }
            });
            driver.start();
            assertFalse(driver.context().awaitTerminationOrTimeout(Duration.ZERO));
            final SluiceException fromAdvance = assertThrows(SluiceException.class, () -> driver.advance(2));
            assertTrue(fromAdvance.getCause() instanceof IllegalStateException);
            assertEquals("boom at 2000", fromAdvance.getCause().getMessage());
            final SluiceException fromAwait = assertThrows(SluiceException.class,
                () -> driver.context().awaitTerminationOrTimeout(Duration.ZERO));
            assertSame(fromAdvance, fromAwait);
        }
    }

    @Test
    void awaitTerminationReturnsOnceStoppedFromAnotherThread() throws Exception
    {
        final StreamingContext ssc = context(new ManualClock());
        input(ssc).print();
        ssc.start();
        final CompletableFuture<Void> stopper = CompletableFuture.runAsync(ssc::stop);
        ssc.awaitTermination();
        stopper.join();
        assertTrue(ssc.awaitTerminationOrTimeout(Duration.ZERO));
    }

    @Test
    void stopFromTheListenerThreadIsRefused() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final List<Throwable> seen = new CopyOnWriteArrayList<>();
            driver.context().addStreamingListener(new StreamingListener()
            {
                @Override
                public void onBatchCompleted(final BatchInfo info)
                {
                    try
                    {
                        driver.context().stop();
                    }
                    catch (final RuntimeException ex)
                    {
                        seen.add(ex);
                    }
                }
            });
            driver.collect(driver.input(List.of(List.of(1))));
            driver.start();
            driver.advance(1);
            assertEquals(1, seen.size());
            assertTrue(seen.get(0) instanceof IllegalStateException);
            assertEquals("Cannot stop StreamingContext within listener bus thread. Stop it from another thread.",
                seen.get(0).getMessage());
            assertEquals(StreamingContextState.ACTIVE, driver.context().state());
        }
    }

    @Test
    void builderValidatesItsInputs()
    {
        assertThrows(IllegalArgumentException.class, () -> StreamingContext.builder().build());
        assertThrows(IllegalArgumentException.class,
            () -> StreamingContext.builder().batchInterval(Duration.ofNanos(500_000)).build());
        assertThrows(IllegalArgumentException.class,
            () -> StreamingContext.builder().batchInterval(Duration.ofMillis(0)).build());
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> StreamingContext.builder().set("sluice.no.such.key", "1"));
        assertTrue(unknown.getMessage().contains("sluice.receiver.restartDelay"), unknown.getMessage());
        final IllegalArgumentException badValue = assertThrows(IllegalArgumentException.class,
            () -> StreamingContext.builder().batchInterval(Duration.ofMillis(1)).set("sluice.receiver.restartDelay", "soon")
                .build());
        assertTrue(badValue.getMessage().contains("500ms"), badValue.getMessage());
        assertEquals(Duration.ofMillis(1), StreamingContext.builder().batchInterval(Duration.ofMillis(1)).build()
            .batchInterval());
    }
}
