package io.sluice.internal.window;

import io.sluice.api.Pair;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.internal.state.PairColumns;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fast window operators give the generic path's batches (as sets, as Spark compares them) for the same input:
 * partial windows at the start, slide > window gaps, window not a multiple of the slide, keys decaying to zero kept
 * without a filter and dropped with one, empty batches.
 */
class FastWindowEquivalenceTest
{
    private static final long BATCH_MS = 1000;
    private static final int BATCHES = 30;

    private long liveBytesBefore;

    @BeforeEach
    void recordLiveBytes()
    {
        liveBytesBefore = OffHeapAllocator.liveBytes();
    }

    @AfterEach
    void noLeak()
    {
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "off-heap bytes back to where the test started");
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches), filter {2}")
    @CsvSource({"1,1,false", "2,1,false", "3,1,true", "4,2,false", "4,2,true", "3,2,false", "2,3,false", "1,3,true",
        "6,4,false", "5,5,true", "10,1,false", "10,1,true"})
    void reducedWindowWithInverseEqualsTheGenericPath(final int windowBatches, final int slideBatches,
        final boolean hasFilter)
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 31L + slideBatches,
            BATCHES, 8, 6);
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
            generic = PairColumns.sorted(out.batches());
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
                    fast.add(out.sortedPairs());
                }
            }
        }
        assertEquals(generic, fast);
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches)")
    @CsvSource({"1,1", "2,1", "3,1", "4,2", "3,2", "2,3", "1,3", "6,4", "5,5", "10,1"})
    void windowedReduceWithoutInverseEqualsTheGenericPath(final int windowBatches, final int slideBatches)
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(windowBatches * 17L + slideBatches,
            BATCHES, 8, 6);
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
            generic = PairColumns.sorted(out.batches());
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
                    fast.add(out.sortedPairs());
                }
            }
        }
        assertEquals(generic, fast);
    }
}
