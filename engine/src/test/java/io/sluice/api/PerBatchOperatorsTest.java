package io.sluice.api;

import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The single-parent per-batch operators beyond the corpus: SEMANTICS §6 and §17 rule 6 (count gives [0], reduce
 * gives nothing on an empty batch), partitioning, and Sluice's ordering contract for keyed operators.
 */
class PerBatchOperatorsTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void reduceEmitsNothingForAnEmptyBatchWhileCountEmitsZero()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(Arrays.asList(List.of(1, 2), List.of(), null, List.of(5)), 2);
            final CollectedOutput<Integer> reduced = driver.collect(in.reduce(Integer::sum));
            final CollectedOutput<Long> counted = driver.collect(in.count());
            driver.start();
            driver.advance(4);
            // The empty batch is still a batch (its time is recorded) but holds no element; the missing batch at
            // 3000 ms produces no batch at all.
            assertEquals(List.of(List.of(3), List.of(), List.of(5)), reduced.batches());
            assertEquals(List.of(new Time(1000), new Time(2000), new Time(4000)), reduced.times());
            assertEquals(List.of(List.of(2L), List.of(0L), List.of(1L)), counted.batches());
        }
    }

    @Test
    void reduceReducesEachPartitionThenThePartialsInPartitionOrder()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(List.of(List.of("a", "b", "c", "d")), 2);
            final CollectedOutput<String> out = driver.collect(in.reduce((x, y) -> "(" + x + y + ")"));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("((ab)(cd))")), out.batches());
        }
    }

    @Test
    void narrowOperatorsKeepPartitioning()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1, 2, 3, 4, 5, 6)), 3);
            final CollectedOutput<List<Integer>> mapped = driver.collect(in.map(x -> x * 10).glom());
            final CollectedOutput<List<Integer>> filtered = driver.collect(in.filter(x -> x % 2 == 0).glom());
            final CollectedOutput<List<Pair<Integer, Integer>>> values = driver.collect(
                in.mapToPair(x -> Pair.of(x, x)).mapValues(v -> -v).glom());
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(List.of(10, 20), List.of(30, 40), List.of(50, 60))), mapped.batches());
            assertEquals(List.of(List.of(List.of(2), List.of(4), List.of(6))), filtered.batches());
            assertEquals(3, values.batches().get(0).size());
        }
    }

    @Test
    void keyedOperatorsEmitOnePartitionWithKeysInFirstAppearanceOrder()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(
                List.of(List.of("moon", "hello", "world", "hello", "moon", "a")), 3);
            final PairDStream<String, Integer> pairs = in.mapToPair(w -> Pair.of(w, 1));
            final CollectedOutput<List<Pair<String, Long>>> counts = driver.collect(in.countByValue().glom());
            final CollectedOutput<Pair<String, List<Integer>>> groups = driver.collect(pairs.groupByKey());
            final CollectedOutput<Pair<String, Integer>> combined = driver.collect(
                pairs.combineByKey(v -> v, Integer::sum, Integer::sum));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(List.of(Pair.of("moon", 2L), Pair.of("hello", 2L), Pair.of("world", 1L),
                Pair.of("a", 1L)))), counts.batches());
            assertEquals(List.of(List.of(Pair.of("moon", List.of(1, 1)), Pair.of("hello", List.of(1, 1)),
                Pair.of("world", List.of(1)), Pair.of("a", List.of(1)))), groups.batches());
            assertEquals(List.of(List.of(Pair.of("moon", 2), Pair.of("hello", 2), Pair.of("world", 1),
                Pair.of("a", 1))), combined.batches());
        }
    }

    @Test
    void combineByKeyCreatesPerPartitionAndMergesCombinersAcrossPartitions()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Pair<String, Integer>> in = driver.input(List.of(List.of(Pair.of("k", 1), Pair.of("k", 2),
                Pair.of("k", 3), Pair.of("k", 4))), 2);
            final CollectedOutput<Pair<String, String>> out = driver.collect(in.mapToPair(p -> p).combineByKey(
                v -> "c" + v, (c, v) -> c + "+" + v, (c1, c2) -> c1 + "|" + c2));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(Pair.of("k", "c1+2|c3+4"))), out.batches());
        }
    }

    @Test
    void groupByKeyValueListsAreUnmodifiable()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Pair<String, Integer>> in = driver.input(List.of(List.of(Pair.of("k", 1))));
            final List<Throwable> errors = new ArrayList<>();
            in.mapToPair(p -> p).groupByKey().foreachBatch((batch, time) ->
                batch.forEach(pair -> errors.add(assertThrows(UnsupportedOperationException.class,
                    () -> pair.value().add(2)))));
            driver.start();
            driver.advance(1);
            assertEquals(1, errors.size());
        }
    }

    @Test
    void mapPartitionsIsCalledOncePerPartitionWithAReadOnlyIterator()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1, 2, 3, 4, 5), List.of()), 3);
            final AtomicInteger calls = new AtomicInteger();
            final CollectedOutput<List<Integer>> out = driver.collect(in.mapPartitions((Iterator<Integer> it) ->
            {
                calls.incrementAndGet();
                final List<Integer> seen = new ArrayList<>();
                if (it.hasNext())
                {
                    seen.add(it.next());
                    assertThrows(UnsupportedOperationException.class, it::remove);
                }
                it.forEachRemaining(seen::add);
                return List.of(seen).iterator();
            }).map(List::copyOf));
            driver.start();
            driver.advance(2);
            assertEquals(6, calls.get(), "3 partitions x 2 batches");
            assertEquals(List.of(List.of(List.of(1), List.of(2, 3), List.of(4, 5)),
                List.of(List.of(), List.of(), List.of())), out.batches());
        }
    }

    @Test
    void mapPartitionsReturningNullFailsTheBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            driver.collect(driver.<Integer>input(List.of(List.of(1))).mapPartitions(it -> null));
            driver.start();
            final SluiceException error = assertThrows(SluiceException.class, () -> driver.advance(1));
            assertInstanceOf(NullPointerException.class, error.getCause());
            assertTrue(error.getCause().getMessage().contains("return an empty iterator"), error.getMessage());
        }
    }

    @Test
    void repartitionGivesExactlyNContiguousPartitions()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1, 2, 3, 4, 5, 6, 7), List.of(1)), 2);
            final CollectedOutput<List<Integer>> more = driver.collect(in.repartition(3).glom());
            final CollectedOutput<List<Integer>> fewer = driver.collect(in.repartition(1).glom());
            driver.start();
            driver.advance(2);
            assertEquals(List.of(List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6, 7)),
                List.of(List.of(), List.of(), List.of(1))), more.batches());
            assertEquals(List.of(List.of(List.of(1, 2, 3, 4, 5, 6, 7)), List.of(List.of(1))), fewer.batches());
        }
    }

    @Test
    void repartitionNeedsAPositiveCount()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(List.of(List.of(1)));
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> in.repartition(0));
            assertTrue(error.getMessage().contains("must be positive"), error.getMessage());
        }
    }

    @Test
    void flatMapValuesKeepsKeyAndOrder()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Pair<String, Integer>> in = driver.input(List.of(List.of(Pair.of("a", 2), Pair.of("b", 0),
                Pair.of("c", 1))));
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(in.mapToPair(p -> p)
                .flatMapValues(n ->
                {
                    final List<Integer> values = new ArrayList<>();
                    for (int i = 0; i < n; i++)
                    {
                        values.add(i);
                    }
                    return values;
                }));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(Pair.of("a", 0), Pair.of("a", 1), Pair.of("c", 0))), out.batches());
        }
    }

    @Test
    void aThrowingFunctionFailsTheBatchWithItsCause()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final IllegalStateException boom = new IllegalStateException("boom");
            driver.collect(driver.<Integer>input(List.of(List.of(1))).transform((batch, time) ->
            {
                throw boom;
            }));
            driver.start();
            final SluiceException error = assertThrows(SluiceException.class, () -> driver.advance(1));
            assertEquals(boom, error.getCause());
        }
    }

    @Test
    void pairStreamsStayPairStreamsThroughFilterRepartitionUnionAndTransformToPair()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> words = driver.input(List.of(List.of("a", "bb", "a", "ccc")));
            final PairDStream<String, Integer> lengths = words.transformToPair((batch, time) ->
            {
                final List<Pair<String, Integer>> out = new ArrayList<>();
                batch.forEach(w -> out.add(Pair.of(w, w.length())));
                return out;
            });
            final PairDStream<String, Integer> longOnes = lengths.filter(p -> p.value() > 1).repartition(2);
            final PairDStream<String, Integer> both = lengths.union(longOnes);
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(both.reduceByKey(Integer::sum));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(Pair.of("a", 2), Pair.of("bb", 4), Pair.of("ccc", 6))), out.batches());
        }
    }
}
