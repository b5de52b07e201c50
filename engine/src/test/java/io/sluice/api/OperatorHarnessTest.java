package io.sluice.api;

import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every per-batch operator fed its batches one at a time and all at once gives the same batches at the same times
 * (STYLE rule 7): no operator may depend on how the clock is advanced or carry anything across batches.
 */
class OperatorHarnessTest
{
    private static final int BATCHES = 5;
    private static final List<List<String>> WORDS = Arrays.asList(List.of("a", "b", "a", "c"), List.of(),
        List.of("b", "b", "d"), List.of("a"), List.of("c", "e", "a", "a"));
    private static final List<List<String>> OTHER = Arrays.asList(List.of("a", "c", "x"), List.of("b"), List.of(),
        List.of("a", "a"), List.of("e"));

    /** Builds the operator under test over two word inputs (3 and 2 partitions). */
    private record Pipeline(String name, Function<List<DStream<String>>, DStream<?>> build)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    private static PairDStream<String, Integer> ones(final DStream<String> words)
    {
        return words.mapToPair(w -> Pair.of(w, 1));
    }

    static Stream<Arguments> pipelines()
    {
        final List<Pipeline> all = List.of(
            new Pipeline("mapPartitions", in -> in.get(0).mapPartitions(it ->
            {
                final List<Integer> sizes = new ArrayList<>();
                int n = 0;
                while (it.hasNext())
                {
                    it.next();
                    n++;
                }
                sizes.add(n);
                return sizes.iterator();
            })),
            new Pipeline("glom", in -> in.get(0).glom()),
            new Pipeline("repartition", in -> in.get(0).repartition(4).glom()),
            new Pipeline("reduce", in -> in.get(0).reduce(String::concat)),
            new Pipeline("countByValue", in -> in.get(0).countByValue()),
            new Pipeline("union", in -> in.get(0).union(in.get(1))),
            new Pipeline("ssc.union", in -> in.get(0).context().union(List.of(in.get(1), in.get(0)))),
            new Pipeline("transform", in -> in.get(0).transform((batch, time) -> List.of(time + ":" + batch.count()))),
            new Pipeline("transformWith", in -> in.get(0).transformWith(in.get(1),
                (a, b, time) -> List.of(a.count() * 10 + b.count()))),
            new Pipeline("ssc.transform", in -> in.get(0).context().transform(List.of(in.get(0), in.get(1)),
                (batches, time) -> List.of(batches.get(0).count() - batches.get(1).count()))),
            new Pipeline("mapValues", in -> ones(in.get(0)).mapValues(v -> v + 1)),
            new Pipeline("flatMapValues", in -> ones(in.get(0)).flatMapValues(v -> List.of(v, -v))),
            new Pipeline("groupByKey", in -> ones(in.get(0)).groupByKey()),
            new Pipeline("combineByKey", in -> ones(in.get(0)).combineByKey(v -> "" + v, (c, v) -> c + v,
                String::concat)),
            new Pipeline("join", in -> ones(in.get(0)).join(ones(in.get(1)))),
            new Pipeline("leftOuterJoin", in -> ones(in.get(0)).leftOuterJoin(ones(in.get(1)))),
            new Pipeline("rightOuterJoin", in -> ones(in.get(0)).rightOuterJoin(ones(in.get(1)))),
            new Pipeline("fullOuterJoin", in -> ones(in.get(0)).fullOuterJoin(ones(in.get(1)))
                .mapValues(p -> p.key().orElse(0) + "/" + p.value().map(String::valueOf).orElse("-"))),
            new Pipeline("cogroup", in -> ones(in.get(0)).cogroup(ones(in.get(1)))));
        return all.stream().map(Arguments::of);
    }

    private static List<Object> run(final Pipeline pipeline, final boolean isOneAtATime)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final List<DStream<String>> inputs = List.of(driver.input(WORDS, 3), driver.input(OTHER, 2));
            @SuppressWarnings("unchecked")
            final CollectedOutput<Object> out = driver.collect((DStream<Object>)pipeline.build().apply(inputs));
            driver.start();
            if (isOneAtATime)
            {
                for (int i = 0; i < BATCHES; i++)
                {
                    driver.advance(1);
                }
            }
            else
            {
                driver.advance(BATCHES);
            }
            return List.of(out.batches(), out.times());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pipelines")
    void oneAtATimeEqualsAllAtOnce(final Pipeline pipeline)
    {
        final List<Object> oneByOne = run(pipeline, true);
        final List<Object> allAtOnce = run(pipeline, false);
        assertEquals(oneByOne, allAtOnce);
        @SuppressWarnings("unchecked")
        final List<List<Object>> batches = (List<List<Object>>)oneByOne.get(0);
        assertEquals(BATCHES, batches.size(), "one output batch per input batch");
    }
}
