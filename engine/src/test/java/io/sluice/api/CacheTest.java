package io.sluice.api;

import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * cache()/persist(): a stream read by several outputs is computed once per batch when cached and once per read
 * otherwise, as an uncached RDD is recomputed for every action in Spark.
 */
class CacheTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final List<List<Integer>> INPUT = List.of(List.of(1, 2, 3), List.of(4, 5), List.of());

    private static int mapCallsWithTwoOutputs(final boolean isCached)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final AtomicInteger calls = new AtomicInteger();
            final DStream<Integer> mapped = driver.<Integer>input(INPUT, 2).map(x ->
            {
                calls.incrementAndGet();
                return x * 2;
            });
            final DStream<Integer> shared = isCached ? mapped.cache() : mapped;
            final CollectedOutput<Integer> first = driver.collect(shared);
            final CollectedOutput<Long> second = driver.collect(shared.count());
            driver.start();
            driver.advance(INPUT.size());
            assertEquals(List.of(List.of(2, 4, 6), List.of(8, 10), List.of()), first.batches());
            assertEquals(List.of(List.of(3L), List.of(2L), List.of(0L)), second.batches());
            return calls.get();
        }
    }

    @Test
    void cachedStreamIsComputedOncePerBatch()
    {
        assertEquals(5, mapCallsWithTwoOutputs(true));
    }

    @Test
    void uncachedStreamIsComputedForEveryOutput()
    {
        assertEquals(10, mapCallsWithTwoOutputs(false));
    }

    @Test
    void pairStreamsKeepTheirTypeWhenCached()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final AtomicInteger calls = new AtomicInteger();
            final PairDStream<String, Integer> pairs = driver.<String>input(List.of(List.of("a", "b", "a")))
                .mapToPair(w ->
                {
                    calls.incrementAndGet();
                    return Pair.of(w, 1);
                });
            final PairDStream<String, Integer> cached = pairs.cache();
            assertSame(pairs, cached);
            final PairDStream<String, Integer> persisted = pairs.persist();
            assertSame(pairs, persisted);
            final CollectedOutput<Pair<String, Integer>> sums = driver.collect(cached.reduceByKey(Integer::sum));
            final CollectedOutput<Pair<String, List<Integer>>> groups = driver.collect(cached.groupByKey());
            driver.start();
            driver.advance(1);
            assertEquals(3, calls.get());
            assertEquals(List.of(List.of(Pair.of("a", 2), Pair.of("b", 1))), sums.batches());
            assertEquals(List.of(List.of(Pair.of("a", List.of(1, 1)), Pair.of("b", List.of(1)))), groups.batches());
        }
    }

    @Test
    void transformFunctionRunsOncePerBatchEvenWhenReadTwice()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<Time> calls = new ArrayList<>();
            final DStream<Integer> transformed = driver.<Integer>input(INPUT).transform((batch, time) ->
            {
                calls.add(time);
                return batch.collect();
            });
            driver.collect(transformed);
            driver.collect(transformed.count());
            driver.start();
            driver.advance(INPUT.size());
            assertEquals(List.of(new Time(1000), new Time(2000), new Time(3000)), calls);
        }
    }

    @Test
    void persistAfterStartIsUnsupported()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final PairDStream<String, Integer> pairs = driver.<String>input(List.of(List.of("a")))
                .mapToPair(w -> Pair.of(w, 1));
            driver.collect(pairs);
            driver.start();
            assertThrows(UnsupportedOperationException.class, pairs::cache);
            assertThrows(UnsupportedOperationException.class, pairs::persist);
        }
    }
}
