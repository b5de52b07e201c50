package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.Batch;
import io.sluice.api.DStream;
import io.sluice.api.LongAccumulator;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.Time;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-batch cases of Spark's {@code JavaAPISuite} in spark-cases-public.json, one test per case, named after it.
 * Comparison rules: {@link ConformanceRun}.
 */
class JavaApiConformanceTest
{
    @Test
    @DisplayName("testFilter")
    void testFilter()
    {
        try (ConformanceRun run = ConformanceRun.of("testFilter"))
        {
            run.runAndCheck(run.<String>input(0).filter(s -> s.contains("a")));
        }
    }

    @Test
    @DisplayName("testPairFilter")
    void testPairFilter()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairFilter"))
        {
            run.runAndCheck(run.<String>input(0).mapToPair(s -> Pair.of(s, s.length()))
                .filter(pair -> pair.key().contains("a")));
        }
    }

    @Test
    @DisplayName("testFlatMap")
    void testFlatMap()
    {
        try (ConformanceRun run = ConformanceRun.of("testFlatMap"))
        {
            run.runAndCheck(run.<String>input(0).flatMap(word ->
            {
                final List<String> chars = new ArrayList<>();
                word.chars().forEach(c -> chars.add(String.valueOf((char)c)));
                return chars;
            }));
        }
    }

    @Test
    @DisplayName("testPairToPairFlatMapWithChangingTypes")
    void testPairToPairFlatMapWithChangingTypes()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairToPairFlatMapWithChangingTypes"))
        {
            final PairDStream<String, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.flatMapToPair(pair ->
            {
                final List<Pair<Integer, String>> out = new ArrayList<>();
                pair.key().chars().forEach(c -> out.add(Pair.of(pair.value(), String.valueOf((char)c))));
                return out;
            }));
        }
    }

    @Test
    @DisplayName("testFlatMapValues")
    void testFlatMapValues()
    {
        try (ConformanceRun run = ConformanceRun.of("testFlatMapValues"))
        {
            final PairDStream<String, String> pairs = run.pairInput(0);
            run.runAndCheck(pairs.flatMapValues(v -> List.of(v + "1", v + "2")));
        }
    }

    @Test
    @DisplayName("testPairMap")
    void testPairMap()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairMap"))
        {
            final PairDStream<String, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.mapToPair(pair -> Pair.of(pair.value(), pair.key())));
        }
    }

    @Test
    @DisplayName("testPairMapPartitions")
    void testPairMapPartitions()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairMapPartitions"))
        {
            final PairDStream<String, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.mapPartitions((Iterator<Pair<String, Integer>> partition) ->
            {
                final List<Pair<Integer, String>> out = new ArrayList<>();
                while (partition.hasNext())
                {
                    final Pair<String, Integer> pair = partition.next();
                    out.add(Pair.of(pair.value(), pair.key()));
                }
                return out.iterator();
            }));
        }
    }

    @Test
    @DisplayName("testReduce")
    void testReduce()
    {
        try (ConformanceRun run = ConformanceRun.of("testReduce"))
        {
            run.runAndCheck(run.<Integer>input(0).reduce(Integer::sum));
        }
    }

    @Test
    @DisplayName("testPairReduceByKey")
    void testPairReduceByKey()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairReduceByKey"))
        {
            final PairDStream<String, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.reduceByKey(Integer::sum));
        }
    }

    @Test
    @DisplayName("testCombineByKey")
    void testCombineByKey()
    {
        try (ConformanceRun run = ConformanceRun.of("testCombineByKey"))
        {
            final PairDStream<String, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.combineByKey(i -> i, Integer::sum, Integer::sum));
        }
    }

    @Test
    @DisplayName("testCountByValue")
    void testCountByValue()
    {
        try (ConformanceRun run = ConformanceRun.of("testCountByValue"))
        {
            final PairDStream<String, Long> counts = run.<String>input(0).countByValue();
            final io.sluice.testkit.CollectedOutput<Pair<String, Long>> out = run.driver().collect(counts);
            run.runAndCheck(counts);
            // The notes: counts are Long.
            out.batches().forEach(batch -> batch.forEach(pair -> assertEquals(Long.class, pair.value().getClass())));
        }
    }

    @Test
    @DisplayName("testPairGroupByKey")
    void testPairGroupByKey()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairGroupByKey"))
        {
            final PairDStream<String, String> pairs = run.pairInput(0);
            run.runAndCheck(pairs.groupByKey());
        }
    }

    @Test
    @DisplayName("testCoGroup")
    void testCoGroup()
    {
        try (ConformanceRun run = ConformanceRun.of("testCoGroup"))
        {
            final PairDStream<String, String> left = run.pairInput(0);
            final PairDStream<String, String> right = run.pairInput(1);
            run.runAndCheck(left.cogroup(right));
        }
    }

    @Test
    @DisplayName("testPairToNormalRDDTransform")
    void testPairToNormalRDDTransform()
    {
        try (ConformanceRun run = ConformanceRun.of("testPairToNormalRDDTransform"))
        {
            final PairDStream<Integer, Integer> pairs = run.pairInput(0);
            run.runAndCheck(pairs.transform((batch, time) ->
            {
                final List<Integer> keys = new ArrayList<>();
                batch.forEach(pair -> keys.add(pair.key()));
                return keys;
            }));
        }
    }

    @Test
    @DisplayName("testTransformWith")
    void testTransformWith()
    {
        try (ConformanceRun run = ConformanceRun.of("testTransformWith"))
        {
            final PairDStream<String, String> left = run.pairInput(0);
            final PairDStream<String, String> right = run.pairInput(1);
            run.runAndCheck(left.transformWith(right,
                (Batch<Pair<String, String>> l, Batch<Pair<String, String>> r, Time time) -> join(l, r)));
        }
    }

    @Test
    @DisplayName("testStreamingContextTransform")
    void testStreamingContextTransform()
    {
        try (ConformanceRun run = ConformanceRun.of("testStreamingContextTransform"))
        {
            final DStream<Integer> s1 = run.input(0);
            final DStream<Integer> s2 = run.input(1);
            final PairDStream<Integer, String> pairs = run.pairInput(2);
            run.runAndCheck(run.driver().context().<Pair<Integer, Pair<Integer, String>>>transform(
                List.of(s1, s2, pairs), (batches, time) ->
                {
                    @SuppressWarnings("unchecked")
                    final Batch<Integer> first = (Batch<Integer>)batches.get(0);
                    @SuppressWarnings("unchecked")
                    final Batch<Integer> second = (Batch<Integer>)batches.get(1);
                    @SuppressWarnings("unchecked")
                    final Batch<Pair<Integer, String>> third = (Batch<Pair<Integer, String>>)batches.get(2);
                    final List<Pair<Integer, Integer>> unioned = new ArrayList<>();
                    first.forEach(i -> unioned.add(Pair.of(i, i)));
                    second.forEach(i -> unioned.add(Pair.of(i, i)));
                    final List<Pair<Integer, Pair<Integer, String>>> out = new ArrayList<>();
                    for (final Pair<Integer, Integer> l : unioned)
                    {
                        for (final Pair<Integer, String> r : third)
                        {
                            if (l.key().equals(r.key()))
                            {
                                out.add(Pair.of(l.key(), Pair.of(l.value(), r.value())));
                            }
                        }
                    }
                    return out;
                }));
        }
    }

    @Test
    @DisplayName("testForeachRDD")
    void testForeachRDD()
    {
        try (ConformanceRun run = ConformanceRun.of("testForeachRDD"))
        {
            final JsonNode assertions = run.spec().get("assertions");
            final LongAccumulator rddCallbacks = run.driver().context().longAccumulator("rddCallbacks");
            final LongAccumulator elementsSeen = run.driver().context().longAccumulator("elementsSeen");
            run.<Integer>input(0).foreachBatch((batch, time) ->
            {
                rddCallbacks.add(1);
                batch.forEach(x -> elementsSeen.add(1));
            });
            run.driver().start();
            run.driver().advance(run.numBatches());
            assertEquals(assertions.get("rddCallbacks").asLong(), rddCallbacks.value());
            assertEquals(assertions.get("elementsSeen").asLong(), elementsSeen.value());
        }
    }

    private static List<Pair<String, Pair<String, String>>> join(final Batch<Pair<String, String>> left,
        final Batch<Pair<String, String>> right)
    {
        final List<Pair<String, Pair<String, String>>> out = new ArrayList<>();
        for (final Pair<String, String> l : left)
        {
            for (final Pair<String, String> r : right)
            {
                if (l.key().equals(r.key()))
                {
                    out.add(Pair.of(l.key(), Pair.of(l.value(), r.value())));
                }
            }
        }
        return out;
    }
}
