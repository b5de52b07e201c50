package io.sluice.bench.pipeline;

import io.sluice.api.Codecs;
import io.sluice.api.Pair;
import io.sluice.bench.BenchmarkBase;
import io.sluice.testkit.StreamingTestDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A whole pipeline, per record: {@value #LINES_PER_BATCH} text lines of {@value #WORDS_PER_LINE} words (10,000
 * distinct) go through {@code store()} → ring → log writer → Chronicle → the batch's segment → the generic (boxed)
 * word count {@code flatMap(split).mapToPair(w → (w, 1)).reduceByKey(+)} → a {@code foreachBatch} output, one batch
 * per invocation, driven by the testkit's {@code ManualClock} (no wall-clock waits: the invocation ends when the
 * batch's job is done).
 *
 * <p>One operation is one line (one {@code store()}). The baseline in the same class is the hand-written loop an
 * application would write without an engine: split each line and count into a boxed {@link HashMap}.
 */
public class PipelineWordCountBenchmark extends BenchmarkBase
{
    static final int LINES_PER_BATCH = 10_000;
    static final int WORDS_PER_LINE = 10;
    static final int DISTINCT_WORDS = 10_000;

    /** The lines of one batch, the same every invocation. */
    @State(Scope.Benchmark)
    public static class Input
    {
        String[] lines;

        @Setup(Level.Trial)
        public void setUp()
        {
            lines = WordLines.generate(LINES_PER_BATCH, WORDS_PER_LINE, DISTINCT_WORDS, 42);
        }
    }

    /**
     * A context on a ManualClock with the word count and an output that counts the words it sees; {@code ui}: the
     * streaming UI, its progress listener and the JMX bean on ({@code true}, the default of a context built without
     * the testkit) or off (the overhead of observability is the difference).
     */
    @State(Scope.Benchmark)
    public static class Sluice
    {
        @org.openjdk.jmh.annotations.Param({"false", "true"})
        String ui;

        StreamingTestDriver driver;
        PassiveReceiver<String> receiver;
        long stored;
        long wordsCounted;

        @Setup(Level.Trial)
        public void setUp()
        {
            driver = StreamingTestDriver.create(Duration.ofSeconds(1), Map.of("sluice.ui.enabled", ui,
                "sluice.ui.port", "0", "sluice.jmx.enabled", ui));
            receiver = new PassiveReceiver<>();
            driver.context().receiverStream(receiver, Codecs.STRING)
                .flatMap((line) -> Arrays.asList(line.split(" ")))
                .mapToPair((word) -> Pair.of(word, 1L))
                .reduceByKey(Long::sum)
                .foreachBatch((batch, time) ->
                {
                    long sum = 0;
                    for (final Pair<String, Long> pair : batch)
                    {
                        sum += pair.value();
                    }
                    wordsCounted += sum;
                });
            driver.start();
        }

        /** Fails the trial if the output did not see every stored word exactly once. */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            driver.close();
            if (wordsCounted != stored * WORDS_PER_LINE)
            {
                throw new IllegalStateException("counted " + wordsCounted + " words of " + stored * WORDS_PER_LINE);
            }
        }
    }

    /** Stores one batch of lines, cuts it and waits for its job. */
    @Benchmark
    @OperationsPerInvocation(LINES_PER_BATCH)
    public void sluice(final Sluice sluice, final Input input)
    {
        final PassiveReceiver<String> receiver = sluice.receiver;
        for (final String line : input.lines)
        {
            receiver.store(line);
        }
        sluice.stored += input.lines.length;
        sluice.driver.awaitReceived(sluice.stored);
        sluice.driver.advance(1);
    }

    /** The hand-written baseline: split and count into a boxed {@code HashMap}, no engine. */
    @Benchmark
    @OperationsPerInvocation(LINES_PER_BATCH)
    public Map<String, Long> handWrittenLoop(final Input input)
    {
        final Map<String, Long> counts = new HashMap<>();
        for (final String line : input.lines)
        {
            for (final String word : line.split(" "))
            {
                counts.merge(word, 1L, Long::sum);
            }
        }
        return counts;
    }
}
