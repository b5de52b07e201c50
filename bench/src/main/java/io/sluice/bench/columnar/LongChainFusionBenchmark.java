package io.sluice.bench.columnar;

import io.sluice.api.Pair;
import io.sluice.api.StreamingContextState;
import io.sluice.bench.BenchmarkBase;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.LongChainFusion;
import io.sluice.internal.operator.LongFilterOperator;
import io.sluice.internal.operator.LongLongReduceByKeyOperator;
import io.sluice.internal.operator.LongMapOperator;
import io.sluice.internal.operator.LongMapToPairOperator;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A narrow chain on a long column, per record, steady state: {@code map(x * 3 + 1) -> filter(even) -> map(x >>> 1)
 * -> mapToLongPair(x & 1023, x) -> reduceByKey(sum)} over prepared batches of {@code records} longs (65,536: the
 * intermediate columns fit the L2 cache; 1,048,576: they do not), through the graph (a batch time, the nodes'
 * compute, clearMetadata freeing the batches). One invocation is {@value #RECORDS_PER_INVOCATION} records (as many
 * batches as that takes), so scores compare across batch sizes.
 * <ul>
 *   <li>{@link #fused()}: {@code sluice.plan.fusion=true} (the default): map, filter, map and mapToLongPair run as
 *   one loop into the pair columns, then reduceByKey.</li>
 *   <li>{@link #unfused()}: {@code sluice.plan.fusion=false}: one loop and one intermediate column or selection per
 *   operator.</li>
 *   <li>{@link #handWritten()}: the target's baseline, one hand-written loop over {@code long[]} into a reused
 *   {@code Long2LongOpenHashMap} (no engine, no output columns).</li>
 *   <li>{@link #boxedHashMap()}: the naive baseline, the same loop into {@code HashMap<Long, Long>.merge}.</li>
 * </ul>
 */
@State(Scope.Thread)
public class LongChainFusionBenchmark extends BenchmarkBase
{
    /** Records per invocation. */
    public static final int RECORDS_PER_INVOCATION = 1_048_576;

    private static final long SEED = 0xF05E_D0L;
    private static final LongUnaryOperator TRIPLE_PLUS_ONE = x -> x * 3 + 1;
    private static final LongPredicate EVEN = x -> (x & 1) == 0;
    private static final LongUnaryOperator HALF = x -> x >>> 1;
    private static final LongUnaryOperator KEY = x -> x & 1023;
    private static final LongUnaryOperator VALUE = x -> x;
    private static final LongBinaryOperator SUM = Long::sum;

    /** Records per batch. */
    @Param({"65536", "1048576"})
    public int records;

    private int batches;
    private long[] elements;
    private LongVector column;
    private Graph fusedGraph;
    private Node<Pair<Long, Long>> fusedTail;
    private Graph unfusedGraph;
    private Node<Pair<Long, Long>> unfusedTail;
    private Long2LongOpenHashMap sums;
    private long fusedTime;
    private long unfusedTime;

    @Setup
    public void prepare()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        batches = RECORDS_PER_INVOCATION / records;
        elements = new long[records];
        column = new LongVector(records);
        for (int i = 0; i < records; i++)
        {
            elements[i] = random.nextLong(1_000_000);
            column.add(elements[i]);
        }
        sums = new Long2LongOpenHashMap();
        fusedGraph = graph();
        fusedTail = chain(fusedGraph);
        fusedGraph.start(0);
        if (LongChainFusion.fuse(fusedGraph) != 3)
        {
            throw new IllegalStateException("expected map, filter and map to be absorbed");
        }
        unfusedGraph = graph();
        unfusedTail = chain(unfusedGraph);
        unfusedGraph.start(0);
    }

    private static Graph graph()
    {
        return new Graph(1_000, () -> StreamingContextState.INITIALIZED);
    }

    private Node<Pair<Long, Long>> chain(final Graph graph)
    {
        final AutoCloseable[] columns = {column};
        final InputNode<Long> input = new InputNode<>(graph)
        {
            @Override
            protected BatchData<Long> compute(final long t)
            {
                // a view: the graph frees only the view when it forgets the batch, never the prepared column
                return BatchData.columnar(t, ColumnLayout.LONGS,
                    () -> ColumnBatch.viewOf(columns, new boolean[1], null));
            }
        };
        final Node<Long> mapped = new LongMapOperator(new LongFilterOperator(new LongMapOperator(input,
            TRIPLE_PLUS_ONE), EVEN), HALF);
        final Node<Pair<Long, Long>> reduced = new LongLongReduceByKeyOperator(new LongMapToPairOperator(mapped, KEY,
            VALUE), SUM);
        new OutputNode<>(reduced, "bench", (b, t) ->
        {
        });
        return reduced;
    }

    @TearDown
    public void free()
    {
        fusedGraph.releaseAll();
        unfusedGraph.releaseAll();
        column.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public int fused()
    {
        int size = 0;
        for (int b = 0; b < batches; b++)
        {
            fusedTime += 1_000;
            size += fusedTail.getOrCompute(fusedTime).columns(ColumnLayout.LONG_LONG_PAIRS).size();
            fusedGraph.clearMetadata(fusedTime);
        }
        return size;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public int unfused()
    {
        int size = 0;
        for (int b = 0; b < batches; b++)
        {
            unfusedTime += 1_000;
            size += unfusedTail.getOrCompute(unfusedTime).columns(ColumnLayout.LONG_LONG_PAIRS).size();
            unfusedGraph.clearMetadata(unfusedTime);
        }
        return size;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public int handWritten()
    {
        final long[] elements = this.elements;
        final Long2LongOpenHashMap sums = this.sums;
        int size = 0;
        for (int b = 0; b < batches; b++)
        {
            sums.clear();
            for (int i = 0; i < elements.length; i++)
            {
                final long x = elements[i] * 3 + 1;
                if ((x & 1) == 0)
                {
                    final long y = x >>> 1;
                    sums.addTo(y & 1023, y);
                }
            }
            size += sums.size();
        }
        return size;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS_PER_INVOCATION)
    public int boxedHashMap()
    {
        final long[] elements = this.elements;
        int size = 0;
        for (int b = 0; b < batches; b++)
        {
            final Map<Long, Long> sums = new HashMap<>();
            for (int i = 0; i < elements.length; i++)
            {
                final long x = elements[i] * 3 + 1;
                if ((x & 1) == 0)
                {
                    final long y = x >>> 1;
                    sums.merge(y & 1023, y, Long::sum);
                }
            }
            size += sums.size();
        }
        return size;
    }
}
