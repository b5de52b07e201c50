package io.sluice.conformance;

import io.sluice.api.Batch;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.SluiceException;
import io.sluice.api.Time;
import io.sluice.testkit.CollectedOutput;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-batch cases of Spark's {@code BasicOperationsSuite} in spark-cases-public.json, one test per case, named
 * after it. Comparison rules: {@link ConformanceRun}.
 */
class BasicOperationsConformanceTest
{
    private static PairDStream<String, Integer> ones(final ConformanceRun run)
    {
        return run.<String>input(0).mapToPair(x -> Pair.of(x, 1));
    }

    private static PairDStream<String, String> exes(final ConformanceRun run)
    {
        return run.<String>input(1).mapToPair(x -> Pair.of(x, "x"));
    }

    /** Spark's RDD join inside a transform function: every (v, w) of a key, left-major. */
    private static List<Pair<String, Pair<Integer, String>>> joinBatches(final Batch<Pair<String, Integer>> left,
        final Batch<Pair<String, String>> right)
    {
        final List<Pair<String, Pair<Integer, String>>> out = new ArrayList<>();
        for (final Pair<String, Integer> l : left)
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

    @Test
    @DisplayName("map")
    void map()
    {
        try (ConformanceRun run = ConformanceRun.of("map"))
        {
            run.runAndCheck(run.<Integer>input(0).map(String::valueOf));
        }
    }

    @Test
    @DisplayName("mapPartitions")
    void mapPartitions()
    {
        try (ConformanceRun run = ConformanceRun.of("mapPartitions"))
        {
            run.runAndCheck(run.<Integer>input(0).mapPartitions(partition ->
            {
                int sum = 0;
                while (partition.hasNext())
                {
                    sum += partition.next();
                }
                return List.of(sum).iterator();
            }));
        }
    }

    @Test
    @DisplayName("glom")
    void glom()
    {
        try (ConformanceRun run = ConformanceRun.of("glom"))
        {
            run.runAndCheck(run.<Integer>input(0).glom());
        }
    }

    @Test
    @DisplayName("repartition (more partitions)")
    void repartitionMorePartitions()
    {
        try (ConformanceRun run = ConformanceRun.of("repartition (more partitions)"))
        {
            final int numPartitions = run.spec().get("params").get("numPartitions").asInt();
            final int expectedPartitions = run.spec().get("params").get("expectedPartitionsPerBatch").asInt();
            final DStream<Integer> repartitioned = run.<Integer>input(0).repartition(numPartitions);
            final CollectedOutput<List<Integer>> partitions = run.driver().collect(repartitioned.glom());
            run.runAndCheck(repartitioned);
            assertEquals(run.numBatches(), partitions.batches().size());
            for (final List<List<Integer>> batch : partitions.batches())
            {
                assertEquals(expectedPartitions, batch.size(), "partitions per batch");
            }
        }
    }

    @Test
    @DisplayName("mapValues")
    void mapValues()
    {
        try (ConformanceRun run = ConformanceRun.of("mapValues"))
        {
            run.runAndCheck(ones(run).reduceByKey(Integer::sum).mapValues(v -> v + 10));
        }
    }

    @Test
    @DisplayName("union")
    void union()
    {
        try (ConformanceRun run = ConformanceRun.of("union"))
        {
            final DStream<Integer> s = run.input(0);
            run.runAndCheck(s.union(s.map(x -> x + 4)));
        }
    }

    @Test
    @DisplayName("StreamingContext.union")
    void streamingContextUnion()
    {
        try (ConformanceRun run = ConformanceRun.of("StreamingContext.union"))
        {
            final DStream<Integer> s = run.input(0);
            run.runAndCheck(run.driver().context().union(List.of(s, s.map(x -> x + 4), s.map(x -> x + 8))));
        }
    }

    @Test
    @DisplayName("transform")
    void transform()
    {
        try (ConformanceRun run = ConformanceRun.of("transform"))
        {
            run.runAndCheck(run.<Integer>input(0).transform((batch, time) ->
            {
                final List<String> out = new ArrayList<>();
                batch.forEach(x -> out.add(String.valueOf(x)));
                return out;
            }));
        }
    }

    @Test
    @DisplayName("transform with NULL")
    void transformWithNull()
    {
        try (ConformanceRun run = ConformanceRun.of("transform with NULL"))
        {
            assertEquals("SparkException", run.spec().get("expectedError").asText());
            run.driver().collect(run.<Integer>input(0).transform((batch, time) -> (List<Integer>)null));
            run.driver().start();
            final SluiceException error = assertThrows(SluiceException.class,
                () -> run.driver().advance(run.numBatches()));
            assertTrue(error.getMessage().contains("Transform function must not return null"), error.getMessage());
        }
    }

    @Test
    @DisplayName("transform with input stream return None")
    void transformWithInputStreamReturnNone()
    {
        try (ConformanceRun run = ConformanceRun.of("transform with input stream return None"))
        {
            assertEquals("SparkException", run.spec().get("expectedError").asText());
            final CollectedOutput<String> out = run.driver().collect(run.<Integer>input(0).transform((batch, time) ->
            {
                final List<String> strings = new ArrayList<>();
                batch.forEach(x -> strings.add(x.toString()));
                return strings;
            }));
            run.driver().start();
            // The notes: the two batches before the missing one are produced normally (advanced separately, so
            // they are complete before the failing batch is generated).
            run.driver().advance(run.numBatches() - 1);
            assertEquals(List.of(List.of("1", "2", "3", "4"), List.of("5", "6", "7", "8")), out.batches());
            final SluiceException error = assertThrows(SluiceException.class, () -> run.driver().advance(1));
            assertTrue(error.getMessage().contains("Couldn't generate RDD from parent at time 3000 ms"),
                error.getMessage());
        }
    }

    @Test
    @DisplayName("transformWith")
    void transformWith()
    {
        try (ConformanceRun run = ConformanceRun.of("transformWith"))
        {
            run.runAndCheck(ones(run).transformWith(exes(run),
                (Batch<Pair<String, Integer>> r1, Batch<Pair<String, String>> r2, Time time) ->
                    joinBatches(r1, r2)));
        }
    }

    @Test
    @DisplayName("join")
    void join()
    {
        try (ConformanceRun run = ConformanceRun.of("join"))
        {
            run.runAndCheck(ones(run).join(exes(run)));
        }
    }

    @Test
    @DisplayName("leftOuterJoin")
    void leftOuterJoin()
    {
        try (ConformanceRun run = ConformanceRun.of("leftOuterJoin"))
        {
            run.runAndCheck(ones(run).leftOuterJoin(exes(run)));
        }
    }

    @Test
    @DisplayName("rightOuterJoin")
    void rightOuterJoin()
    {
        try (ConformanceRun run = ConformanceRun.of("rightOuterJoin"))
        {
            run.runAndCheck(ones(run).rightOuterJoin(exes(run)));
        }
    }

    @Test
    @DisplayName("fullOuterJoin")
    void fullOuterJoin()
    {
        try (ConformanceRun run = ConformanceRun.of("fullOuterJoin"))
        {
            run.runAndCheck(ones(run).fullOuterJoin(exes(run)));
        }
    }
}
