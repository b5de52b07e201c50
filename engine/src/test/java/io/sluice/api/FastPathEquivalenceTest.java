package io.sluice.api;

import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The semantics do not change: the same random batches through a generic chain and its fast-path twin give the
 * same batches, element for element and in the same order (keyed outputs in first-appearance order). Each case
 * runs with the clock advanced one batch at a time and all batches at once, and with one and three input
 * partitions; off-heap memory must be back to its start value when the driver is closed.
 */
class FastPathEquivalenceTest
{
    private static final int BATCHES = 6;

    private long liveBytesAtStart;

    @BeforeEach
    void recordOffHeap()
    {
        liveBytesAtStart = OffHeapAllocator.liveBytes();
    }

    @AfterEach
    void offHeapIsBackToStart()
    {
        assertEquals(liveBytesAtStart, OffHeapAllocator.liveBytes(), "off-heap bytes leaked by the fast path");
    }

    private static List<List<Long>> randomLongs(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<List<Long>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++)
        {
            final int n = b == 2 ? 0 : random.nextInt(200);
            final List<Long> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
            {
                batch.add(random.nextLong(-50, 50) * (random.nextBoolean() ? 1 : 1_000_003L));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static final String[] WORDS = {"to", "be", "or", "not", "", "é", "naïve", "日本", "a-much-longer-word-than-8"};

    private static List<List<String>> randomLines(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++)
        {
            final int n = b == 3 ? 0 : random.nextInt(60);
            final List<String> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
            {
                final StringBuilder line = new StringBuilder();
                final int words = random.nextInt(8);
                for (int w = 0; w < words; w++)
                {
                    if (random.nextInt(4) == 0)
                    {
                        line.append(' ');
                    }
                    line.append(WORDS[random.nextInt(WORDS.length)]);
                    if (w + 1 < words || random.nextInt(5) == 0)
                    {
                        line.append(' ');
                    }
                }
                batch.add(line.toString());
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Runs {@code generic} and {@code fast} over the same input and compares what they produced. */
    private static <I, O> void assertSame(final List<List<I>> input, final int partitions, final boolean isOneAtATime,
        final Function<DStream<I>, DStream<O>> generic, final Function<DStream<I>, DStream<O>> fast)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<I> in = driver.input(input, partitions);
            final CollectedOutput<O> expected = driver.collect(generic.apply(in));
            final CollectedOutput<O> actual = driver.collect(fast.apply(in));
            driver.start();
            if (isOneAtATime)
            {
                for (int i = 0; i < input.size(); i++)
                {
                    driver.advance(1);
                }
            }
            else
            {
                driver.advance(input.size());
            }
            assertEquals(input.size(), expected.batches().size());
            assertEquals(expected.times(), actual.times());
            for (int i = 0; i < expected.batches().size(); i++)
            {
                assertEquals(flatten(expected.batches().get(i)), flatten(actual.batches().get(i)), "batch " + i);
            }
        }
    }

    private static <O> List<O> flatten(final List<O> batch)
    {
        return new ArrayList<>(batch);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,once", "1,stepwise", "3,once", "3,stepwise"})
    void longOperators(final String mode)
    {
        final int partitions = Integer.parseInt(mode.split(",")[0]);
        final boolean stepwise = mode.endsWith("stepwise");
        final List<List<Long>> input = randomLongs(42);
        assertSame(input, partitions, stepwise, in -> in.map(x -> x * 3 + 1), in -> in.mapToLong(x -> x).map(x -> x * 3 + 1).boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(x -> x % 3 == 0), in -> in.mapToLong(x -> x).filter(x -> x % 3 == 0).boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(x -> x > 0).map(x -> x - 7),
            in -> in.mapToLong(x -> x).filter(x -> x > 0).map(x -> x - 7).boxed());
        assertSame(input, partitions, stepwise, in -> in.reduce(Long::sum), in -> in.mapToLong(x -> x).reduce(Long::sum).boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(x -> x > 10).reduce((a, b) -> b),
            in -> in.mapToLong(x -> x).filter(x -> x > 10).reduce((a, b) -> b).boxed()); // associative, not commutative
        assertSame(input, partitions, stepwise, DStream::count, in -> in.mapToLong(x -> x).count().boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(x -> x < 0).count(),
            in -> in.mapToLong(x -> x).filter(x -> x < 0).count().boxed());
        assertSame(input, partitions, stepwise, in -> (DStream<Pair<Long, Long>>)(DStream<?>)in.countByValue(),
            in -> (DStream<Pair<Long, Long>>)(DStream<?>)in.mapToLong(x -> x).countByValue().boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(x -> x % 2 == 0).countByValue(),
            in -> in.mapToLong(x -> x).filter(x -> x % 2 == 0).countByValue().boxed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,once", "3,stepwise"})
    void longKeyReduceByKey(final String mode)
    {
        final int partitions = Integer.parseInt(mode.split(",")[0]);
        final boolean stepwise = mode.endsWith("stepwise");
        final List<List<Long>> input = randomLongs(7);
        assertSame(input, partitions, stepwise,
            in -> in.mapToPair(x -> Pair.of(x % 17, x)).reduceByKey(Long::sum),
            in -> in.mapToLongPair(x -> x % 17, x -> x).reduceByKey(Long::sum).boxed());
        // a non-commutative f: the fold order must be element order
        assertSame(input, partitions, stepwise,
            in -> in.mapToPair(x -> Pair.of(x % 5, x)).reduceByKey((a, b) -> a * 7 - b),
            in -> in.mapToLong(x -> x).mapToLongPair(x -> x % 5, x -> x).reduceByKey((a, b) -> a * 7 - b).boxed());
        assertSame(input, partitions, stepwise,
            in -> in.filter(x -> x > -20).mapToPair(x -> Pair.of(x & 3, 1L)).reduceByKey(Math::max),
            in -> in.mapToLong(x -> x).filter(x -> x > -20).mapToLongPair(x -> x & 3, x -> 1L).reduceByKey(Math::max).boxed());
        // a generic operator after a fast one reads the materialized objects
        assertSame(input, partitions, stepwise,
            in -> in.mapToPair(x -> Pair.of(x % 4, x)).reduceByKey(Long::sum).mapValues(v -> v + 1),
            in -> in.mapToLongPair(x -> x % 4, x -> x).reduceByKey(Long::sum).boxed().mapValues(v -> v + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,once", "1,stepwise", "3,once"})
    void wordCount(final String mode)
    {
        final int partitions = Integer.parseInt(mode.split(",")[0]);
        final boolean stepwise = mode.endsWith("stepwise");
        final List<List<String>> input = randomLines(99);
        final Function<DStream<String>, DStream<String>> split = in -> in.flatMap(line -> Arrays.asList(line.split(" ")));
        assertSame(input, partitions, stepwise, split, in -> TextDStream.of(in).splitWords().boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).countByValue(),
            in -> TextDStream.of(in).splitWords().countByValue().boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).countByValue(),
            in -> TextDStream.of(in).splitWords().persist().countByValue().boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum),
            in -> TextDStream.of(in).splitWords().countByValue().reduceByKey(Long::sum).boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).filter(w -> !w.isEmpty()).countByValue(),
            in -> TextDStream.of(in).splitWords().dropEmpty().countByValue().boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).filter(w -> !w.isEmpty()),
            in -> TextDStream.of(in).splitWords().dropEmpty().boxed());
        assertSame(input, partitions, stepwise, in -> in.filter(w -> !w.isEmpty()).countByValue(),
            in -> TextDStream.of(in).dropEmpty().countByValue().boxed());
        assertSame(input, partitions, stepwise, in -> split.apply(in).count(),
            in -> TextDStream.of(in).splitWords().count().boxed());
        assertSame(input, partitions, stepwise, in -> in.countByValue(), in -> TextDStream.of(in).countByValue().boxed());
        assertSame(input, partitions, stepwise,
            in -> in.mapToPair(line -> Pair.of(line, (long)line.length())).reduceByKey((a, b) -> a - b),
            in -> in.mapToStringLongPair(line -> line, line -> line.length()).reduceByKey((a, b) -> a - b).boxed());
    }

    @org.junit.jupiter.api.Test
    void splitWordsIsStringSplitOnEdgeCases()
    {
        final List<List<String>> input = List.of(List.of("", " ", "  ", "a", " a", "a ", "a  b", "  a  b  ", "x y z"));
        assertSame(input, 1, false, in -> in.flatMap(line -> Arrays.asList(line.split(" "))),
            in -> TextDStream.of(in).splitWords().boxed());
    }
}
