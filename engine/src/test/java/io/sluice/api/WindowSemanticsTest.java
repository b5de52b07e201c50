package io.sluice.api;

import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.generic.ReducedWindowNode;
import io.sluice.internal.graph.Node;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEMANTICS §17 rules 2, 3, 4, 5, 10 and 13 for windows, beyond the Spark cases. */
class WindowSemanticsTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Path NO_CHECKPOINT_DIR = null;

    private static Duration seconds(final long s)
    {
        return Duration.ofSeconds(s);
    }

    private static List<List<Integer>> ones(final int batches)
    {
        final List<List<Integer>> input = new ArrayList<>();
        for (int i = 1; i <= batches; i++)
        {
            input.add(List.of(i));
        }
        return input;
    }

    @Test
    void windowEmitsPartialWindowsFromTheFirstSlideAlignedTimeOverTheHalfOpenInterval()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<Integer> out = driver.collect(driver.input(ones(6)).window(seconds(3), seconds(2)));
            driver.start();
            driver.advance(6);
            assertEquals(List.of(new Time(2000), new Time(4000), new Time(6000)), out.times());
            assertEquals(List.of(List.of(1, 2), List.of(2, 3, 4), List.of(4, 5, 6)), out.batches());
        }
    }

    @Test
    void windowedPairStreamKeepsPairOperationsAndForwardsPersist()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
            final PairDStream<Integer, Integer> pairs = driver.input(ones(3)).mapToPair(x -> Pair.of(x % 2, x));
            final Node<?> pairsNode = nodes.get(nodes.size() - 1);
            final PairDStream<Integer, Integer> windowed = pairs.window(seconds(2));
            final Node<?> windowNode = nodes.get(nodes.size() - 1);
            windowed.persist();
            assertTrue(pairsNode.isPersisted());
            assertFalse(windowNode.isPersisted());
            final CollectedOutput<Pair<Integer, Integer>> out = driver.collect(windowed.reduceByKey(Integer::sum));
            driver.start();
            driver.advance(3);
            assertEquals(List.of(List.of(Pair.of(1, 1)), List.of(Pair.of(1, 1), Pair.of(0, 2)),
                List.of(Pair.of(0, 2), Pair.of(1, 3))), out.batches());
        }
    }

    @Test
    void slideLongerThanWindowLeavesGaps()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final CollectedOutput<Integer> out = driver.collect(driver.input(ones(8)).window(seconds(1), seconds(4)));
            driver.start();
            driver.advance(8);
            assertEquals(List.of(List.of(4), List.of(8)), out.batches());
        }
    }

    @Test
    void windowOfAWindowMustBeAMultipleOfTheParentsSlideAtBuildTime()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> windowed = driver.input(ones(4)).window(seconds(4), seconds(2));
            final IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> windowed.window(seconds(3), seconds(2)));
            assertEquals("The window duration of windowed DStream (3000 ms) must be a multiple of the slide duration "
                + "of parent DStream (2000 ms)", window.getMessage());
            final IllegalArgumentException slide = assertThrows(IllegalArgumentException.class,
                () -> windowed.window(seconds(4), seconds(3)));
            assertEquals("The slide duration of windowed DStream (3000 ms) must be a multiple of the slide duration "
                + "of parent DStream (2000 ms)", slide.getMessage());
            final PairDStream<Integer, Integer> pairs = windowed.mapToPair(x -> Pair.of(x, x));
            final IllegalArgumentException inverse = assertThrows(IllegalArgumentException.class,
                () -> pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(5), seconds(2)));
            assertEquals("requirement failed: The window duration of ReducedWindowedDStream (5000 ms) must be multiple "
                + "of the slide duration of parent DStream (2000 ms)", inverse.getMessage());
            assertThrows(IllegalArgumentException.class, () -> pairs.groupByKeyAndWindow(seconds(4), seconds(1)));
            assertThrows(IllegalArgumentException.class, () -> windowed.countByWindow(seconds(4), seconds(1)));
            assertEquals(seconds(2), windowed.window(seconds(6)).slideDuration(), "window(d) slides with its parent");
            assertEquals(StreamingContextState.INITIALIZED, driver.context().state());
        }
    }

    @Test
    void countByWindowEmitsNothingBeforeTheFirstRecordAndZeroAfterDataLeaves()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(), List.of(), List.of(7, 7), List.of()));
            final CollectedOutput<Long> counts = driver.collect(in.countByWindow(seconds(2), SECOND));
            final CollectedOutput<Pair<Integer, Long>> byValue = driver.collect(
                in.countByValueAndWindow(seconds(2), SECOND));
            final CollectedOutput<Pair<Integer, Integer>> inverse = driver.collect(in.mapToPair(x -> Pair.of(x, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND));
            driver.start();
            driver.advance(6);
            assertEquals(List.of(List.of(), List.of(), List.of(2L), List.of(2L), List.of(0L), List.of(0L)),
                counts.batches());
            assertEquals(List.of(List.of(), List.of(), List.of(Pair.of(7, 2L)), List.of(Pair.of(7, 2L)), List.of(),
                List.of()), byValue.batches());
            assertEquals(List.of(List.of(), List.of(), List.of(Pair.of(7, 2)), List.of(Pair.of(7, 2)),
                List.of(Pair.of(7, 0)), List.of(Pair.of(7, 0))), inverse.batches(), "keys are never forgotten");
        }
    }

    @Test
    void filteredKeyRestartsFromItsNewValues()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1), List.of(), List.of(), List.of(1)));
            final CollectedOutput<Pair<Integer, Integer>> out = driver.collect(in.mapToPair(x -> Pair.of(x, 1))
                .reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND, (k, v) -> v > 0));
            driver.start();
            driver.advance(5);
            assertEquals(List.of(List.of(Pair.of(1, 1)), List.of(Pair.of(1, 1)), List.of(), List.of(Pair.of(1, 1)),
                List.of(Pair.of(1, 1))), out.batches());
        }
    }

    @Test
    void filterDroppingAKeyWithValuesLeftFailsTheBatchWhenTheyLeave()
    {
        // Batch 1's (1, 1) is filtered out of the window state at 1000 and 2000, and leaves the window at 3000.
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1)));
            driver.collect(in.mapToPair(x -> Pair.of(x, 1)).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b,
                seconds(2), SECOND, (k, v) -> v > 1));
            driver.start();
            driver.advance(2);
            final SluiceException thrown = assertThrows(SluiceException.class, () -> driver.advance(1));
            Throwable cause = thrown;
            while (cause.getCause() != null)
            {
                cause = cause.getCause();
            }
            assertTrue(cause.getMessage().startsWith("Neither previous window has value for key, nor new values "
                + "found."), cause.getMessage());
        }
    }

    @Test
    void invertibleWindowsNeedACheckpointDirectoryAtStart()
    {
        final List<Function<DStream<Integer>, DStream<?>>> operators = List.of(
            in -> in.countByWindow(seconds(2), SECOND),
            in -> in.countByValueAndWindow(seconds(2), SECOND),
            in -> in.reduceByWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND),
            in -> in.mapToPair(x -> Pair.of(x, x)).reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2),
                SECOND));
        for (final Function<DStream<Integer>, DStream<?>> operator : operators)
        {
            try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND, NO_CHECKPOINT_DIR))
            {
                driver.collect(operator.apply(driver.input(ones(2))));
                final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, driver::start);
                assertTrue(thrown.getMessage().startsWith("requirement failed: The checkpoint directory has not been "
                    + "set. Please set it by StreamingContext.checkpoint()."), thrown.getMessage());
            }
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND, NO_CHECKPOINT_DIR))
        {
            final CollectedOutput<Integer> out = driver.collect(driver.input(ones(2)).reduceByWindow(Integer::sum,
                seconds(2), SECOND));
            driver.start();
            driver.advance(2);
            assertEquals(List.of(List.of(1), List.of(3)), out.batches(), "windows without inverse need no directory");
        }
    }

    @Test
    void defaultCheckpointIntervalIsTheSmallestSlideMultipleOfAtLeastTenSecondsAndRememberIsTwiceIt()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
            final PairDStream<Integer, Integer> pairs = driver.input(ones(2)).mapToPair(x -> Pair.of(x, x));
            driver.collect(pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(6), seconds(3)));
            driver.collect(pairs.reduceByKeyAndWindow(Integer::sum, (a, b) -> a - b, seconds(2), SECOND));
            driver.start();
            final List<Node<?>> windows = nodes.stream().filter(n -> n instanceof ReducedWindowNode).toList();
            assertEquals(12_000, windows.get(0).checkpointIntervalMs());
            assertEquals(24_000, windows.get(0).rememberMs());
            assertEquals(10_000, windows.get(1).checkpointIntervalMs());
            assertEquals(20_000, windows.get(1).rememberMs());
        }
    }

    @Test
    void checkpointIntervalIsCheckedAtStartAndFrozenAfterIt()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.collect(driver.input(ones(2)).map(x -> x).checkpoint(Duration.ofMillis(1500)));
            final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(thrown.getMessage().contains("which not a multiple of its slide time (1000 ms)"),
                thrown.getMessage());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(seconds(2)))
        {
            driver.collect(driver.input(ones(2)).map(x -> x).checkpoint(SECOND));
            final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(thrown.getMessage().contains("which is lower than its slide time (2000 ms)"), thrown.getMessage());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND, NO_CHECKPOINT_DIR))
        {
            driver.collect(driver.input(ones(2)).map(x -> x).checkpoint(seconds(5)));
            final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(thrown.getMessage().startsWith("requirement failed: The checkpoint directory has not been set."),
                thrown.getMessage());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> mapped = driver.input(ones(2)).map(x -> x);
            driver.collect(mapped);
            driver.start();
            assertThrows(UnsupportedOperationException.class, () -> mapped.checkpoint(seconds(10)));
        }
    }

    @Test
    void sliceIsInclusiveAlignedDownSkipsZeroTimeAndComputesOnDemand()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(ones(4));
            final DStream<Integer> doubled = in.map(x -> 2 * x);
            driver.collect(in);
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(2), List.of(4)), collect(doubled.slice(new Time(1000), new Time(2000))));
            assertEquals(List.of(List.of(4), List.of(6), List.of(8)),
                collect(doubled.slice(new Time(2000), new Time(4000))));
            assertEquals(List.of(List.of(2), List.of(4)), collect(doubled.slice(new Time(0), new Time(2999))));
            assertEquals(List.of(List.of(2), List.of(4)), collect(doubled.slice(new Time(1500), new Time(2500))),
                "both bounds aligned down: [1000, 2000]");
            assertEquals(List.of(), collect(doubled.slice(new Time(-3000), new Time(0))));
        }
    }

    private static <T> List<List<T>> collect(final List<Batch<T>> batches)
    {
        final List<List<T>> out = new ArrayList<>();
        batches.forEach(b -> out.add(b.collect()));
        return out;
    }
}
