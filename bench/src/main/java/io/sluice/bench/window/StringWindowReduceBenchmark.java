package io.sluice.bench.window;

import io.sluice.api.Pair;
import io.sluice.api.StreamingContextState;
import io.sluice.bench.BenchmarkBase;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.generic.ReducedWindowNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.window.StringLongWindowNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;

/**
 * {@code reduceByKeyAndWindow} on text keys, in a hand-driven graph (no scheduler): one invocation = one slide = one
 * batch of {@link #RECORDS} {@code (word, 1)} pairs drawn from {@link #WORDS} distinct words, window = 30 slides;
 * scores per record (time per slide = RECORDS / score). Run with {@code -prof gc} for bytes per record.
 *
 * <ul>
 *   <li>{@code fastInverse}: {@code StringLongPairDStream.reduceByKeyAndWindow(f, inverse, window, slide)}: words as
 *       bytes, dictionary ids on the long-keyed pane ring.</li>
 *   <li>{@code fastCombine}: the same without an inverse (pane aggregates merged by two stacks).</li>
 *   <li>{@code genericInverse}: the generic twin, {@code PairDStream<String, Long>.reduceByKeyAndWindow(f, inverse,
 *       window, slide)} (reduceByKey then the incremental window on boxed pairs): the baseline.</li>
 * </ul>
 * The window is full before measuring (the setup runs two windows of slides).
 */
@State(Scope.Thread)
public class StringWindowReduceBenchmark extends BenchmarkBase
{
    static final int RECORDS = 10_000;
    static final int WORDS = 10_000;
    static final int WINDOW_SLIDES = 30;
    static final long BATCH_MS = 1_000;
    private static final LongBinaryOperator SUM = Long::sum;
    private static final LongBinaryOperator MINUS = (a, b) -> a - b;

    private BytesColumn keyColumn;
    private LongVector valueColumn;
    private Driven fastInverse;
    private Driven fastCombine;
    private Driven genericInverse;

    /** One graph, its output node and its clock. */
    private static final class Driven
    {
        final Graph graph;
        Node<Pair<String, Long>> node;
        long time;

        Driven()
        {
            graph = new Graph(BATCH_MS, () -> StreamingContextState.INITIALIZED);
            graph.hasCheckpointDir(true);
        }

        void start(final Node<Pair<String, Long>> node)
        {
            this.node = node;
            new OutputNode<>(node, "bench", (b, t) ->
            {
            });
            graph.start(0);
        }

        int stepColumns()
        {
            time += BATCH_MS;
            final int size = node.getOrCompute(time).columns(ColumnLayout.STRING_LONG_PAIRS).size();
            graph.clearMetadata(time);
            return size;
        }

        long stepObjects()
        {
            time += BATCH_MS;
            final long count = node.getOrCompute(time).count();
            graph.clearMetadata(time);
            return count;
        }
    }

    @Setup
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final List<Pair<String, Long>> records = new ArrayList<>(RECORDS);
        keyColumn = BytesColumn.allocate(RECORDS, RECORDS * 10);
        valueColumn = new LongVector(RECORDS);
        for (int i = 0; i < RECORDS; i++)
        {
            final String word = "word" + random.nextInt(WORDS);
            records.add(Pair.of(word, 1L));
            keyColumn.appendString(word);
            valueColumn.add(1);
        }
        final long windowMs = WINDOW_SLIDES * BATCH_MS;
        fastInverse = new Driven();
        fastInverse.start(new StringLongWindowNode(columnarInput(fastInverse.graph), SUM, MINUS, null, windowMs,
            BATCH_MS));
        fastCombine = new Driven();
        fastCombine.start(new StringLongWindowNode(columnarInput(fastCombine.graph), SUM, null, null, windowMs,
            BATCH_MS));
        genericInverse = new Driven();
        final List<List<Pair<String, Long>>> partitions = List.of(List.copyOf(records));
        final InputNode<Pair<String, Long>> objects = new InputNode<>(genericInverse.graph)
        {
            @Override
            protected BatchData<Pair<String, Long>> compute(final long t)
            {
                return BatchData.of(t, partitions);
            }
        };
        final BinaryOperator<Long> sum = Long::sum;
        final BinaryOperator<Long> minus = (a, b) -> a - b;
        genericInverse.start(new ReducedWindowNode<>(new ReduceByKeyNode<>(objects, sum), sum, minus, windowMs,
            BATCH_MS, null));
        for (int i = 0; i < 2 * WINDOW_SLIDES; i++)
        {
            fastInverse();
            fastCombine();
            genericInverse();
        }
    }

    private InputNode<Pair<String, Long>> columnarInput(final Graph graph)
    {
        final AutoCloseable[] columns = {keyColumn, valueColumn};
        return new InputNode<>(graph)
        {
            @Override
            protected BatchData<Pair<String, Long>> compute(final long t)
            {
                // a view: the graph frees only the view when it forgets the batch, never the prepared columns
                return BatchData.columnar(t, ColumnLayout.STRING_LONG_PAIRS,
                    () -> ColumnBatch.viewOf(columns, new boolean[2], null));
            }
        };
    }

    @TearDown
    public void tearDown()
    {
        fastInverse.graph.releaseAll();
        fastCombine.graph.releaseAll();
        genericInverse.graph.releaseAll();
        keyColumn.close();
        valueColumn.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int fastInverse()
    {
        return fastInverse.stepColumns();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int fastCombine()
    {
        return fastCombine.stepColumns();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long genericInverse()
    {
        return genericInverse.stepObjects();
    }
}
