package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.operator.LongChain;
import io.sluice.internal.operator.LongChainStage;
import io.sluice.internal.operator.LongMapToPairOperator;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fusion of narrow fast-path chains ({@code sluice.plan.fusion}): fused, unfused and generic twins give the same
 * batches element for element on random chains; fusion stops at a stream read twice or persisted, and every
 * function runs exactly once per element that reaches it.
 */
@ExtendWith(OffHeapLeakCheck.class)
class LongChainFusionTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int BATCHES = 12;
    private static final List<LongUnaryOperator> MAPS = List.of(x -> x * 3 + 1, x -> x ^ (x >>> 3), x -> x - 7,
        x -> x % 1000, x -> -x);
    private static final List<LongPredicate> FILTERS = List.of(x -> x % 3 != 0, x -> x > -500, x -> (x & 1) == 0,
        x -> x % 7 != 1);

    private static List<List<Long>> input(final Random random)
    {
        final List<List<Long>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++)
        {
            final List<Long> batch = new ArrayList<>();
            for (int i = random.nextInt(60); i > 0; i--)
            {
                batch.add((long)random.nextInt(2000) - 1000);
            }
            batches.add(b == 3 ? List.of() : batch);
        }
        return batches;
    }

    private static StreamingTestDriver driver(final boolean isFused)
    {
        return StreamingTestDriver.create(BATCH, Map.of("sluice.plan.fusion", Boolean.toString(isFused)));
    }

    /** One random chain: stage kinds (true: map) and function indexes. */
    private record Chain(boolean[] isMap, int[] function, boolean endsInPairs)
    {
        static Chain random(final Random random)
        {
            final int n = 1 + random.nextInt(6);
            final boolean[] isMap = new boolean[n];
            final int[] function = new int[n];
            for (int i = 0; i < n; i++)
            {
                isMap[i] = random.nextBoolean();
                function[i] = random.nextInt(isMap[i] ? MAPS.size() : FILTERS.size());
            }
            return new Chain(isMap, function, random.nextBoolean());
        }

        LongDStream applyFast(final LongDStream in)
        {
            LongDStream out = in;
            for (int i = 0; i < isMap.length; i++)
            {
                out = isMap[i] ? out.map(MAPS.get(function[i])) : out.filter(FILTERS.get(function[i]));
            }
            return out;
        }

        DStream<Long> applyGeneric(final DStream<Long> in)
        {
            DStream<Long> out = in;
            for (int i = 0; i < isMap.length; i++)
            {
                if (isMap[i])
                {
                    final LongUnaryOperator map = MAPS.get(function[i]);
                    out = out.map(map::applyAsLong);
                }
                else
                {
                    final LongPredicate filter = FILTERS.get(function[i]);
                    out = out.filter(filter::test);
                }
            }
            return out;
        }
    }

    private static List<List<?>> runFast(final List<List<Long>> input, final Chain chain, final boolean isFused)
    {
        try (StreamingTestDriver driver = driver(isFused))
        {
            final LongDStream tail = chain.applyFast(driver.input(input).mapToLong(x -> x));
            final CollectedOutput<?> out = chain.endsInPairs()
                ? driver.collect(tail.mapToLongPair(x -> x % 10, x -> x).reduceByKey(Long::sum).boxed())
                : driver.collect(tail.boxed());
            driver.start();
            driver.advance(BATCHES);
            final LongChain fused = ((LongChainStage)tail.node).fusedChain();
            if (isFused && chain.isMap().length > 1)
            {
                assertEquals(chain.isMap().length, fused.length(), "the whole chain runs as one loop");
            }
            else
            {
                assertNull(fused);
            }
            return new ArrayList<>(out.batches());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void fusedUnfusedAndGenericChainsGiveTheSameBatches(final long seed)
    {
        final Random random = new Random(seed);
        final List<List<Long>> input = input(random);
        final Chain chain = Chain.random(random);
        final List<List<?>> generic;
        try (StreamingTestDriver driver = driver(true))
        {
            final DStream<Long> tail = chain.applyGeneric(driver.input(input));
            final CollectedOutput<?> out = chain.endsInPairs()
                ? driver.collect(tail.mapToPair(x -> Pair.of(x % 10, x)).reduceByKey(Long::sum))
                : driver.collect(tail);
            driver.start();
            driver.advance(BATCHES);
            generic = new ArrayList<>(out.batches());
        }
        assertEquals(generic, runFast(input, chain, true), "fused");
        assertEquals(generic, runFast(input, chain, false), "unfused");
    }

    /** Calls per function, to prove each ran once per element that reached it. */
    private static final class Counters
    {
        final long[] calls = new long[5];

        LongUnaryOperator map(final int i, final LongUnaryOperator f)
        {
            return x ->
            {
                calls[i]++;
                return f.applyAsLong(x);
            };
        }

        LongPredicate filter(final int i, final LongPredicate p)
        {
            return x ->
            {
                calls[i]++;
                return p.test(x);
            };
        }
    }

    @ParameterizedTest(name = "fused {0}")
    @ValueSource(booleans = {true, false})
    void aStreamReadTwiceIsMaterialisedOnceAndEveryFunctionRunsOncePerElement(final boolean isFused)
    {
        final List<List<Long>> input = input(new Random(77));
        final Counters counters = new Counters();
        try (StreamingTestDriver driver = driver(isFused))
        {
            final LongDStream source = driver.input(input).mapToLong(x -> x);
            final LongDStream first = source.map(counters.map(0, x -> x * 5));
            final LongDStream second = first.filter(counters.filter(1, x -> x % 3 != 0));
            final LongDStream shared = second.map(counters.map(2, x -> x + 1));
            final LongDStream left = shared.map(counters.map(3, x -> x * 2));
            final LongLongPairDStream right = shared.filter(counters.filter(4, x -> x > 0))
                .mapToLongPair(x -> x % 4, x -> 1).reduceByKey(Long::sum);
            final CollectedOutput<Long> leftOut = driver.collect(left.boxed());
            final CollectedOutput<Pair<Long, Long>> rightOut = driver.collect(right.boxed());
            driver.start();
            driver.advance(BATCHES);

            long elements = 0;
            long passing = 0;
            long shared0 = 0;
            final List<List<Long>> expectedLeft = new ArrayList<>();
            for (final List<Long> batch : input)
            {
                final List<Long> expected = new ArrayList<>();
                for (final long x : batch)
                {
                    elements++;
                    if (x * 5 % 3 != 0)
                    {
                        passing++;
                        expected.add((x * 5 + 1) * 2);
                        shared0 += x * 5 + 1 > 0 ? 1 : 0;
                    }
                }
                expectedLeft.add(expected);
            }
            assertEquals(expectedLeft, leftOut.batches());
            assertEquals(shared0, rightOut.batches().stream().flatMap(List::stream).mapToLong(Pair::value).sum());
            assertEquals(elements, counters.calls[0], "first map: once per element");
            assertEquals(elements, counters.calls[1], "filter: once per element");
            assertEquals(passing, counters.calls[2], "shared map: once per element that passed, despite two readers");
            assertEquals(passing, counters.calls[3], "left map");
            assertEquals(passing, counters.calls[4], "right filter");

            final LongChainStage sharedStage = (LongChainStage)shared.node;
            final LongChainStage leftStage = (LongChainStage)left.node;
            if (isFused)
            {
                assertNotNull(sharedStage.fusedChain(), "first and second fuse into the shared map");
                assertEquals(3, sharedStage.fusedChain().length());
                assertNull(leftStage.fusedChain(), "the shared stream is read twice: fusion stops there");
            }
            else
            {
                assertNull(sharedStage.fusedChain());
            }
        }
    }

    @Test
    void aPersistedStreamIsNotAbsorbed()
    {
        final List<List<Long>> input = input(new Random(5));
        final Counters counters = new Counters();
        try (StreamingTestDriver driver = driver(true))
        {
            final LongDStream kept = driver.input(input).mapToLong(x -> x).map(counters.map(0, x -> x + 3)).persist();
            final LongDStream tail = kept.filter(counters.filter(1, x -> x % 2 == 0)).map(x -> x / 2);
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(tail.mapToLongPair(x -> x, x -> x).boxed());
            driver.start();
            driver.advance(BATCHES);
            final long elements = input.stream().mapToLong(List::size).sum();
            assertEquals(elements, counters.calls[0]);
            assertEquals(elements, counters.calls[1]);
            assertEquals(input.stream().mapToLong(b -> b.stream().filter(x -> (x + 3) % 2 == 0).count()).sum(),
                out.batches().stream().mapToLong(List::size).sum());
            assertNull(((LongChainStage)kept.node).fusedChain(), "nothing to absorb before the persisted map");
            assertEquals(2, ((LongChainStage)tail.node).fusedChain().length(), "filter and map fuse below it");
            assertTrue(tail.node.parents().get(0).parents().contains(kept.node));
        }
    }

    @Test
    void mapToLongPairAbsorbsTheChainBeforeIt()
    {
        try (StreamingTestDriver driver = driver(true))
        {
            final LongDStream chain = driver.input(List.of(List.of(1L, 2L, 3L, 4L))).mapToLong(x -> x)
                .map(x -> x * 10).filter(x -> x != 20);
            final LongLongPairDStream pairs = chain.mapToLongPair(x -> x, x -> -x);
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(pairs.boxed());
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(Pair.of(10L, -10L), Pair.of(30L, -30L), Pair.of(40L, -40L))), out.batches());
            assertEquals(chain.node, ((LongMapToPairOperator)pairs.node).parent());
        }
    }
}
