package io.sluice.api;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SEMANTICS §6 and §17 rule 14 for union, transformWith, ssc.transform, joins and cogroup: equal slides are required
 * when the stream is built (IllegalArgumentException), a parent without a batch at a valid time fails the batch
 * (SluiceException), while output operations simply skip such a time. Also the join ordering contract.
 */
class MultiParentOperatorsTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** A stream with twice its parent's slide (windows are built elsewhere; this is enough to differ in slide). */
    private static final class EverySecondBatchNode<T> extends Node<T>
    {
        private final Node<T> parent;

        EverySecondBatchNode(final Node<T> parent)
        {
            super(parent.graph(), List.of(parent));
            this.parent = parent;
        }

        @Override
        public long slideMs()
        {
            return 2 * parent.slideMs();
        }

        @Override
        protected BatchData<T> compute(final long time)
        {
            return parent.getOrCompute(time);
        }
    }

    private static <T> DStream<T> slower(final DStream<T> stream)
    {
        return DStream.wrap(stream.context, new EverySecondBatchNode<>(stream.node));
    }

    private static void assertDifferentSlides(final Executable build)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, build);
        assertTrue(error.getMessage().contains("Some of the DStreams have different slide durations"),
            error.getMessage());
    }

    @Test
    void everyMultiParentOperatorRequiresEqualSlidesWhenBuilt()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> fast = driver.input(List.of(List.of(1)));
            final DStream<Integer> slow = slower(driver.input(List.of(List.of(1))));
            final PairDStream<Integer, Integer> fastPairs = fast.mapToPair(x -> Pair.of(x, x));
            final PairDStream<Integer, Integer> slowPairs = slow.mapToPair(x -> Pair.of(x, x));
            assertEquals(Duration.ofSeconds(2), slow.slideDuration());
            assertDifferentSlides(() -> fast.union(slow));
            assertDifferentSlides(() -> driver.context().union(List.of(fast, fast, slow)));
            assertDifferentSlides(() -> fast.transformWith(slow, (a, b, t) -> List.of()));
            assertDifferentSlides(() -> driver.context().transform(List.of(fast, slow), (batches, t) -> List.of()));
            assertDifferentSlides(() -> fastPairs.join(slowPairs));
            assertDifferentSlides(() -> fastPairs.leftOuterJoin(slowPairs));
            assertDifferentSlides(() -> fastPairs.rightOuterJoin(slowPairs));
            assertDifferentSlides(() -> fastPairs.fullOuterJoin(slowPairs));
            assertDifferentSlides(() -> fastPairs.cogroup(slowPairs));
        }
    }

    @Test
    void unionOfNothingIsRejected()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            assertThrows(IllegalArgumentException.class, () -> driver.context().union(List.<DStream<Integer>>of()));
        }
    }

    @Test
    void streamsOfAnotherContextAreRejected()
    {
        try (StreamingTestDriver one = StreamingTestDriver.create(SECOND);
             StreamingTestDriver other = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> a = one.input(List.of(List.of(1)));
            final DStream<Integer> b = other.input(List.of(List.of(1)));
            assertThrows(IllegalArgumentException.class, () -> a.union(b));
            assertThrows(IllegalArgumentException.class, () -> one.context().union(List.of(a, b)));
            assertThrows(IllegalArgumentException.class, () -> a.mapToPair(x -> Pair.of(x, x))
                .join(b.mapToPair(x -> Pair.of(x, x))));
        }
    }

    @Test
    void unionFailsWhenAParentHasNoBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> a = driver.input(List.of(List.of(1), List.of(2)));
            final DStream<Integer> b = driver.input(Arrays.asList(List.of(10), null));
            final CollectedOutput<Integer> out = driver.collect(a.union(b));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(1, 10)), out.batches());
            final SluiceException error = assertThrows(SluiceException.class, () -> driver.advance(1));
            assertTrue(error.getMessage().contains("Could not generate RDD from a parent for unifying at time 2000 ms"),
                error.getMessage());
        }
    }

    @Test
    void transformWithJoinAndCogroupFailWhenAParentHasNoBatch()
    {
        final List<String> operations = List.of("transformWith", "ssc.transform", "join", "leftOuterJoin",
            "rightOuterJoin", "fullOuterJoin", "cogroup");
        for (final String operation : operations)
        {
            try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
            {
                final PairDStream<String, Integer> left = driver.<Pair<String, Integer>>input(
                    List.of(List.of(Pair.of("a", 1)))).mapToPair(p -> p);
                final PairDStream<String, Integer> right = driver.<Pair<String, Integer>>input(
                    Arrays.asList((List<Pair<String, Integer>>)null)).mapToPair(p -> p);
                final DStream<?> joined = switch (operation)
                {
                    case "transformWith" -> left.transformWith(right, (l, r, t) -> List.of());
                    case "ssc.transform" -> driver.context().transform(List.of(left, right), (b, t) -> List.of());
                    case "join" -> left.join(right);
                    case "leftOuterJoin" -> left.leftOuterJoin(right);
                    case "rightOuterJoin" -> left.rightOuterJoin(right);
                    case "fullOuterJoin" -> left.fullOuterJoin(right);
                    default -> left.cogroup(right);
                };
                driver.collect(joined);
                driver.start();
                final SluiceException error = assertThrows(SluiceException.class, () -> driver.advance(1), operation);
                assertTrue(error.getMessage().contains("Couldn't generate RDD from parent at time 1000 ms"),
                    operation + ": " + error.getMessage());
            }
        }
    }

    @Test
    void outputOperationsSkipATimeWithoutBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Integer> in = driver.input(Arrays.asList(List.of(1), null, List.of(3)));
            final List<Time> seen = new ArrayList<>();
            in.foreachBatch((batch, time) -> seen.add(time));
            driver.start();
            driver.advance(3);
            assertEquals(List.of(new Time(1000), new Time(3000)), seen);
        }
    }

    @Test
    void joinsFollowTheOrderingContract()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final PairDStream<String, Integer> left = driver.<Pair<String, Integer>>input(List.of(List.of(
                Pair.of("b", 1), Pair.of("a", 2), Pair.of("b", 3), Pair.of("l", 4))), 2).mapToPair(p -> p);
            final PairDStream<String, String> right = driver.<Pair<String, String>>input(List.of(List.of(
                Pair.of("r", "x"), Pair.of("a", "y"), Pair.of("b", "z"), Pair.of("b", "w"))), 2).mapToPair(p -> p);
            final CollectedOutput<List<Pair<String, Pair<Integer, String>>>> inner = driver.collect(
                left.join(right).glom());
            final CollectedOutput<Pair<String, Pair<Optional<Integer>, Optional<String>>>> full = driver.collect(
                left.fullOuterJoin(right));
            final CollectedOutput<Pair<String, Pair<List<Integer>, List<String>>>> groups = driver.collect(
                left.cogroup(right));
            driver.start();
            driver.advance(1);
            // One partition; keys in order of first appearance, left batch first; values left-major.
            assertEquals(List.of(List.of(List.of(Pair.of("b", Pair.of(1, "z")), Pair.of("b", Pair.of(1, "w")),
                Pair.of("b", Pair.of(3, "z")), Pair.of("b", Pair.of(3, "w")), Pair.of("a", Pair.of(2, "y"))))),
                inner.batches());
            assertEquals(List.of(
                Pair.of("b", Pair.of(Optional.of(1), Optional.of("z"))),
                Pair.of("b", Pair.of(Optional.of(1), Optional.of("w"))),
                Pair.of("b", Pair.of(Optional.of(3), Optional.of("z"))),
                Pair.of("b", Pair.of(Optional.of(3), Optional.of("w"))),
                Pair.of("a", Pair.of(Optional.of(2), Optional.of("y"))),
                Pair.of("l", Pair.of(Optional.of(4), Optional.<String>empty())),
                Pair.of("r", Pair.of(Optional.<Integer>empty(), Optional.of("x")))), full.batches().get(0));
            assertEquals(List.of(
                Pair.of("b", Pair.of(List.of(1, 3), List.of("z", "w"))),
                Pair.of("a", Pair.of(List.of(2), List.of("y"))),
                Pair.of("l", Pair.of(List.of(4), List.<String>of())),
                Pair.of("r", Pair.of(List.<Integer>of(), List.of("x")))), groups.batches().get(0));
        }
    }

    @Test
    void joinsDoNotBufferAcrossBatches()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final PairDStream<String, Integer> left = driver.<Pair<String, Integer>>input(List.of(
                List.of(Pair.of("a", 1)), List.of())).mapToPair(p -> p);
            final PairDStream<String, Integer> right = driver.<Pair<String, Integer>>input(List.of(
                List.of(), List.of(Pair.of("a", 2)))).mapToPair(p -> p);
            final CollectedOutput<Pair<String, Pair<Integer, Integer>>> out = driver.collect(left.join(right));
            driver.start();
            driver.advance(2);
            assertEquals(List.of(List.of(), List.of()), out.batches());
        }
    }
}
