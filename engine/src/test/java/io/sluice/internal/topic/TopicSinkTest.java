package io.sluice.internal.topic;

import io.sluice.api.Codec;
import io.sluice.api.Codecs;
import io.sluice.api.SluiceException;
import io.sluice.api.StreamingContextState;
import io.sluice.api.TopicStart;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicSinkTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private static TopicSink<String> sinkOf(final StreamingTestDriver driver)
    {
        final Object action = ContextInternals.Access.of(driver.context()).graph().outputs().get(0).action();
        return (TopicSink<String>)action;
    }

    private static List<String> readAll(final Path topic)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            return out.batches().get(0);
        }
    }

    @Test
    void manyBatchesShareOneOpenQueueAndStopClosesItAndFreesTheBuffer()
    {
        final Path topic = tmp.resolve("many");
        final List<List<String>> batches = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        for (int b = 0; b < 20; b++)
        {
            // every third batch is empty; batch 10's record outgrows the initial 1 KiB encoding buffer
            final String second = b == 10 ? "x".repeat(5000) : "s" + b;
            final List<String> batch = b % 3 == 2 ? List.of() : List.of("r" + b, second);
            batches.add(batch);
            expected.addAll(batch);
        }
        final long liveBytesBefore = OffHeapAllocator.liveBytes();
        final TopicSink<String> sink;
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(batches).saveToChronicleTopic(topic, Codecs.STRING);
            sink = sinkOf(driver);
            assertFalse(sink.isOpen(), "nothing opened before the first batch");
            driver.start();
            driver.advance(batches.size());
            assertTrue(sink.isOpen(), "the queue stays open between batches");
            assertEquals(1, sink.queueOpens(), "one queue open for " + batches.size() + " batches");
        }
        assertFalse(sink.isOpen(), "stopping the context closed the queue");
        assertEquals(1, sink.queueOpens());
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "the sink's off-heap buffer is returned");
        assertEquals(expected, readAll(topic));
        final IllegalStateException closed = assertThrows(IllegalStateException.class,
            () -> sink.accept(io.sluice.internal.graph.BatchData.single(99_000, List.of("late")), 99_000L));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void aBatchThatFailsWhileWritingClosesTheQueueAndTheNextBatchOpensItAgain()
    {
        final Path topic = tmp.resolve("failing");
        final Codec<String> refusesBoom = new Codec<>()
        {
            @Override
            public int encode(final String value, final MutableDirectBuffer buffer, final int offset,
                final int maxLength)
            {
                if (value.equals("boom"))
                {
                    throw new IllegalArgumentException("cannot encode boom");
                }
                return Codecs.STRING.encode(value, buffer, offset, maxLength);
            }

            @Override
            public String decode(final DirectBuffer buffer, final int offset, final int length)
            {
                return Codecs.STRING.decode(buffer, offset, length);
            }

            @Override
            public String name()
            {
                return "refuses-boom";
            }
        };
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(List.of(List.of("a"), List.of("b", "boom"), List.of("c"))).saveToChronicleTopic(topic,
                refusesBoom);
            final TopicSink<String> sink = sinkOf(driver);
            driver.start();
            driver.advance(1);
            assertTrue(sink.isOpen());
            final SluiceException failure = assertThrows(SluiceException.class, () -> driver.advance(1));
            assertTrue(failure.getMessage().contains("cannot encode boom"), failure.getMessage());
            assertFalse(sink.isOpen(), "a batch that failed while writing closed the queue");
            assertEquals(StreamingContextState.ACTIVE, driver.context().state());
            driver.advance(1);
            assertTrue(sink.isOpen());
            assertEquals(2, sink.queueOpens(), "the batch after the failure opened the queue again");
        }
        // "b" was appended before "boom" failed: the failed batch left no marker, so a re-run writes it in full
        assertEquals(List.of("a", "b", "c"), readAll(topic));
    }

    @Test
    void aQueueThatCannotBeOpenedFailsTheBatchAndALaterBatchOpensIt() throws Exception
    {
        final Path topic = tmp.resolve("blocked");
        java.nio.file.Files.writeString(topic, "a file where the queue directory should be");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(List.of(List.of("a"), List.of("b"))).saveToChronicleTopic(topic, Codecs.STRING);
            final TopicSink<String> sink = sinkOf(driver);
            driver.start();
            assertThrows(SluiceException.class, () -> driver.advance(1));
            assertFalse(sink.isOpen());
            java.nio.file.Files.delete(topic);
            driver.advance(1);
            assertTrue(sink.isOpen());
        }
        assertEquals(List.of("b"), readAll(topic));
    }

    @Test
    void aFailedStartClosesTheOpenSinksToo()
    {
        final Path topic = tmp.resolve("unstarted");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND, (Path)null))
        {
            driver.input(List.of(List.of("a"))).saveToChronicleTopic(topic, Codecs.STRING);
            driver.input(List.of(List.of(1L))).mapToPair(x -> io.sluice.api.Pair.of(x, x))
                .updateStateByKey((values, state) -> state).print();
            final TopicSink<String> sink = sinkOf(driver);
            assertThrows(IllegalArgumentException.class, driver::start, "no checkpoint directory");
            assertFalse(sink.isOpen());
            assertThrows(IllegalStateException.class,
                () -> sink.accept(io.sluice.internal.graph.BatchData.single(1000, List.of("late")), 1000L));
        }
    }
}
