package io.sluice.internal.window;

import io.sluice.api.Pair;
import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.PairColumns;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fast window operators give the generic path's batches element for element, in the same order (the ordering
 * contract: the previous window's keys first, then new keys in order of first appearance; without an inverse, keys
 * in order of first appearance in the window) for the same input: partial windows at the start, slide > window
 * gaps, window not a multiple of the slide, keys decaying to zero kept without a filter and dropped (and later
 * re-added at the end) with one, empty batches, and many keys (the maps grow and compact their order).
 */
@ExtendWith(OffHeapLeakCheck.class)
class FastWindowEquivalenceTest
{
    private static final long BATCH_MS = 1000;
    private static final int BATCHES = 30;

    @ParameterizedTest(name = "window {0} slide {1} (batches), filter {2}, {3} keys, up to {4} records")
    @CsvSource({"1,1,false,8,6", "2,1,false,8,6", "3,1,true,8,6", "4,2,false,8,6", "4,2,true,8,6", "3,2,false,8,6",
        "2,3,false,8,6", "1,3,true,8,6", "6,4,false,8,6", "5,5,true,8,6", "10,1,false,8,6", "10,1,true,8,6",
        "3,1,false,400,80", "3,1,true,400,80", "6,4,true,400,80", "2,3,true,400,80", "10,1,true,60,40"})
    void reducedWindowWithInverseEqualsTheGenericPath(final int windowBatches, final int slideBatches,
        final boolean hasFilter, final int keyCount, final int maxRecords)
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 31L + slideBatches,
            BATCHES, keyCount, maxRecords);
        final long windowMs = windowBatches * BATCH_MS;
        final long slideMs = slideBatches * BATCH_MS;

        final List<List<Pair<Long, Long>>> generic;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(BATCH_MS)))
        {
            final var pairs = driver.input(input).mapToPair((Pair<Long, Long> p) -> p);
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(hasFilter
                ? pairs.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, Duration.ofMillis(windowMs),
                    Duration.ofMillis(slideMs), (k, v) -> v != 0)
                : pairs.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, Duration.ofMillis(windowMs),
                    Duration.ofMillis(slideMs)));
            driver.start();
            driver.advance(BATCHES);
            generic = out.batches();
        }

        final List<List<Pair<Long, Long>>> fast = new ArrayList<>();
        try (LongLongReducedWindowOperator op = new LongLongReducedWindowOperator(Long::sum, (a, b) -> a - b,
            hasFilter ? (k, v) -> v != 0 : null, windowMs, slideMs, BATCH_MS);
            PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = 1; b <= BATCHES; b++)
            {
                in.fill(input.get(b - 1));
                op.add(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size());
                if (b * BATCH_MS % slideMs == 0)
                {
                    out.fill(null);
                    op.slide(b * BATCH_MS, out.keys, out.values);
                    fast.add(out.pairs());
                }
            }
        }
        assertEquals(generic, fast);
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches), {2} keys, up to {3} records")
    @CsvSource({"1,1,8,6", "2,1,8,6", "3,1,8,6", "4,2,8,6", "3,2,8,6", "2,3,8,6", "1,3,8,6", "6,4,8,6", "5,5,8,6",
        "10,1,8,6", "3,1,400,80", "6,4,400,80", "10,1,200,30", "2,3,400,80"})
    void windowedReduceWithoutInverseEqualsTheGenericPath(final int windowBatches, final int slideBatches,
        final int keyCount, final int maxRecords)
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 17L + slideBatches,
            BATCHES, keyCount, maxRecords);
        final long windowMs = windowBatches * BATCH_MS;
        final long slideMs = slideBatches * BATCH_MS;

        final List<List<Pair<Long, Long>>> generic;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(BATCH_MS)))
        {
            final var pairs = driver.input(input).mapToPair((Pair<Long, Long> p) -> p);
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(
                pairs.reduceByKeyAndWindow(Long::sum, Duration.ofMillis(windowMs), Duration.ofMillis(slideMs)));
            driver.start();
            driver.advance(BATCHES);
            generic = out.batches();
        }

        final List<List<Pair<Long, Long>>> fast = new ArrayList<>();
        try (LongLongWindowedReduceOperator op = new LongLongWindowedReduceOperator(Long::sum, windowMs, slideMs,
            BATCH_MS); PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = 1; b <= BATCHES; b++)
            {
                in.fill(input.get(b - 1));
                op.add(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size());
                if (b * BATCH_MS % slideMs == 0)
                {
                    out.fill(null);
                    op.slide(b * BATCH_MS, out.keys, out.values);
                    fast.add(out.pairs());
                }
            }
        }
        assertEquals(generic, fast);
    }

    /**
     * The order by hand: window 2, slide 1, filter {@code v != 0}. Keys keep their window's order; 9 joins at the
     * end; 5 and 9 decay to 0 and are dropped while 7 joins; 5 comes back after 7.
     */
    @Test
    void incrementalWindowKeepsPreviousKeysFirstAndReaddsDroppedKeysAtTheEnd()
    {
        final List<List<Pair<Long, Long>>> input = List.of(
            List.of(Pair.of(5L, 1L), Pair.of(3L, 1L)),
            List.of(Pair.of(9L, 1L), Pair.of(5L, 1L)),
            List.of(Pair.of(3L, 1L)),
            List.of(Pair.of(7L, 1L)),
            List.of(Pair.of(5L, 1L)));
        final List<List<Long>> expectedKeys = List.of(List.of(5L, 3L), List.of(5L, 3L, 9L), List.of(5L, 3L, 9L),
            List.of(3L, 7L), List.of(7L, 5L));
        final List<List<Long>> fastKeys = new ArrayList<>();
        try (LongLongReducedWindowOperator op = new LongLongReducedWindowOperator(Long::sum, (a, b) -> a - b,
            (k, v) -> v != 0, 2 * BATCH_MS, BATCH_MS, BATCH_MS);
            PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = 1; b <= input.size(); b++)
            {
                in.fill(input.get(b - 1));
                op.add(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size());
                out.fill(null);
                op.slide(b * BATCH_MS, out.keys, out.values);
                fastKeys.add(out.pairs().stream().map(Pair::key).toList());
            }
        }
        assertEquals(expectedKeys, fastKeys);
    }
}
