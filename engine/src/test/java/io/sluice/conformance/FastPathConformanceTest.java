package io.sluice.conformance;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.TextDStream;
import io.sluice.internal.memory.OffHeapAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spark's word-count-family cases (count, reduce, reduceByKey, countByValue, filter) run through the columnar fast
 * path, checked with the same rules as the generic runs; every run must give its off-heap memory back.
 */
class FastPathConformanceTest
{
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

    @Test
    @DisplayName("count (fast path: mapToLong(...).count())")
    void count()
    {
        try (ConformanceRun run = ConformanceRun.of("count"))
        {
            run.runAndCheck(run.<Integer>input(0).mapToLong(Integer::longValue).count().boxed());
        }
    }

    @Test
    @DisplayName("testReduce (fast path: LongDStream.reduce)")
    void testReduce()
    {
        try (ConformanceRun run = ConformanceRun.of("testReduce"))
        {
            run.runAndCheck(run.<Integer>input(0).mapToLong(Integer::longValue).reduce((a, b) -> a + b).boxed());
        }
    }

    @Test
    @DisplayName("testPairReduceByKey (fast path: StringLongPairDStream.reduceByKey)")
    void testPairReduceByKey()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairReduceByKey"))
        {
            final DStream<Pair<String, Integer>> pairs = run.input(0);
            run.runAndCheck(pairs.mapToStringLongPair(Pair::key, p -> p.value()).reduceByKey(Long::sum).boxed());
        }
    }

    @Test
    @DisplayName("testCountByValue (fast path: TextDStream.countByValue)")
    void testCountByValue()
    {
        try (ConformanceRun run = ConformanceRun.of("testCountByValue"))
        {
            final DStream<String> words = run.input(0);
            run.runAndCheck(TextDStream.of(words).countByValue().boxed());
        }
    }

    @Test
    @DisplayName("count of words (fast path: TextDStream.splitWords().count())")
    void testFlatMapCount()
    {
        try (ConformanceRun run = ConformanceRun.of("testCountByValue"))
        {
            final DStream<String> words = run.input(0);
            final io.sluice.testkit.CollectedOutput<Long> out = run.driver().collect(
                TextDStream.of(words).splitWords().count().boxed());
            run.driver().start();
            run.driver().advance(3);
            assertEquals(java.util.List.of(java.util.List.of(2L), java.util.List.of(2L), java.util.List.of(1L)),
                out.batches());
        }
    }
}
