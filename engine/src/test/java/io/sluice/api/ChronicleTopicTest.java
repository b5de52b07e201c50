package io.sluice.api;

import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChronicleTopicTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    /** Appends {@code records} from another thread with its own writer, as another process would, and waits. */
    private static void produce(final Path topic, final List<String> records) throws InterruptedException
    {
        TopicRecords.produce(topic, records);
    }

    @Test
    void fromTheBeginningEachBatchHoldsWhatWasAppendedBeforeItsCut() throws Exception
    {
        final Path topic = tmp.resolve("topic");
        produce(topic, List.of("a", "b", "c"));
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            produce(topic, List.of("d", "e"));
            driver.advance(1);
            driver.advance(1);
            produce(topic, List.of("f"));
            driver.advance(1);
            assertEquals(List.of(List.of("a", "b", "c"), List.of("d", "e"), List.of(), List.of("f")), out.batches());
            assertEquals(List.of(new Time(1000), new Time(2000), new Time(3000), new Time(4000)), out.times());
        }
    }

    @Test
    void aProducerInAnotherProcessFeedsTheRunningContext() throws Exception
    {
        final Path topic = tmp.resolve("topic");
        produce(topic, List.of("here-0"));
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            runChildProducer(topic, 500, "child-");
            driver.advance(1);
            final List<String> expected = new ArrayList<>();
            for (int i = 0; i < 500; i++)
            {
                expected.add("child-" + i);
            }
            assertEquals(List.of(List.of("here-0"), expected), out.batches());
        }
    }

    private static void runChildProducer(final Path topic, final int count, final String prefix) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access")
                || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TopicProducerProcess.class.getName());
        command.add(topic.toString());
        command.add(Integer.toString(count));
        command.add(prefix);
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the producer process did not finish");
        assertEquals(0, process.exitValue(), "producer process exit value");
    }

    @Test
    void fromTheEndSkipsWhatWasThereAtStart() throws Exception
    {
        final Path topic = tmp.resolve("topic");
        produce(topic, List.of("old1", "old2"));
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.END, Codecs.STRING));
            driver.start();
            driver.advance(1);
            produce(topic, List.of("new1", "new2"));
            driver.advance(1);
            assertEquals(List.of(List.of(), List.of("new1", "new2")), out.batches());
        }
    }

    @Test
    void fromTheEndOfAQueueThatDoesNotExistYet() throws Exception
    {
        final Path topic = tmp.resolve("not-yet");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.END, Codecs.STRING));
            driver.start();
            driver.advance(1);
            produce(topic, List.of("x"));
            driver.advance(1);
            assertEquals(List.of(List.of(), List.of("x")), out.batches());
        }
    }

    @Test
    void aStoredPositionResumesRightAfterWhatWasConsumed() throws Exception
    {
        final Path topic = tmp.resolve("topic");
        produce(topic, List.of("1", "2", "3"));
        final List<String> stored = new ArrayList<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final TopicDStream<String> input = driver.context().chronicleTopic(topic, TopicStart.BEGINNING,
                Codecs.STRING);
            driver.collect(input);
            input.foreachBatch((batch, time) -> stored.add(input.positionAfter(time).toString()));
            driver.start();
            driver.advance(1);
            produce(topic, List.of("4"));
            driver.advance(1);
        }
        produce(topic, List.of("5", "6"));
        assertEquals(2, stored.size());
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.parse(stored.get(1)), Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("5", "6")), out.batches());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.parse(stored.get(0)), Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("4", "5", "6")), out.batches());
        }
    }

    @Test
    void aBatchHoldsWhatItsCutSawEvenWhenItsJobReadsLater() throws Exception
    {
        final Path topic = tmp.resolve("topic");
        final CountDownLatch release = new CountDownLatch(1);
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            // output 1 holds the batch's jobs until the test has appended after the cut
            driver.input(List.of(List.of(1))).foreachBatch((batch, time) ->
            {
                try
                {
                    assertTrue(release.await(60, TimeUnit.SECONDS));
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            });
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            produce(topic, List.of("before"));
            driver.clock().setTime(1000);
            produce(topic, List.of("after"));
            release.countDown();
            driver.advance(1);
            assertEquals(List.of(List.of("before"), List.of("after")), out.batches());
        }
    }

    @Test
    void theSinkWritesABatchOnceWhenItRunsAgain() throws Exception
    {
        final Path topic = tmp.resolve("sink");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(List.of(List.of("a", "b"), List.of("c"))).saveToChronicleTopic(topic, Codecs.STRING);
            driver.start();
            driver.advance(2);
        }
        // the same job run again over the same batch times, and one more batch
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(List.of(List.of("a", "b"), List.of("c"), List.<String>of(), List.of("d")))
                .saveToChronicleTopic(topic, Codecs.STRING);
            driver.start();
            driver.advance(4);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<String> out = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("a", "b", "c", "d")), out.batches());
        }
    }

    @Test
    void aSinksTopicFeedsAnotherContextBatchByBatch() throws Exception
    {
        final Path topic = tmp.resolve("pipe");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.input(List.of(List.of(1L, 2L), List.of(3L))).saveToChronicleTopic(topic, Codecs.LONG);
            driver.start();
            driver.advance(2);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<Long> sums = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.LONG).reduce(Long::sum));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(6L)), sums.batches());
        }
    }

    @Test
    void aStoredPositionMustExistAndPositionsParse() throws Exception
    {
        assertEquals(TopicStart.after(42), TopicStart.parse(TopicStart.after(42).toString()));
        assertEquals(TopicStart.END, TopicStart.parse("end"));
        assertEquals(TopicStart.BEGINNING, TopicStart.parse("beginning"));
        assertThrows(IllegalArgumentException.class, () -> TopicStart.parse("middle"));
        final Path topic = tmp.resolve("empty");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.collect(driver.context().chronicleTopic(topic, TopicStart.after(12345), Codecs.STRING));
            assertThrows(IllegalArgumentException.class, driver::start);
        }
    }
}
