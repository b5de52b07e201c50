package io.sluice.bench.columnar;

import io.sluice.api.Pair;
import io.sluice.api.StreamingContextState;
import io.sluice.bench.BenchmarkBase;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongLongHashAggregator;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.LongLongReduceByKeyOperator;
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

/**
 * Long-key {@code reduceByKey(Long::sum)} per record, steady state: a prepared batch of {@value #RECORDS} (key, value)
 * rows with {@code distinctKeys} distinct keys, reduced again and again.
 * <ul>
 *   <li>{@link #sluiceOperator()}: the engine's operator kernel over the off-heap columns (generated aggregator,
 *   output columns allocated and freed per batch).</li>
 *   <li>{@link #sluiceGraph()}: the same through the graph: a batch time, the node's compute, the columnar batch,
 *   clearMetadata freeing it (what a job pays, without the scheduler's threads).</li>
 *   <li>{@link #fastutilHandWritten()}: the target's baseline, a single-threaded hand-written loop over
 *   {@code long[]} into a reused {@code Long2LongOpenHashMap} (no engine, no output).</li>
 *   <li>{@link #boxedHashMap()}: the naive baseline, {@code HashMap<Long, Long>.merge}.</li>
 * </ul>
 */
@State(Scope.Thread)
public class LongKeyReduceByKeyBenchmark extends BenchmarkBase
{
    /** Records per batch; the per-batch constant cost is amortised over them. */
    public static final int RECORDS = 65_536;

    private static final long SEED = 0x5EED_5105L;
    private static final LongBinaryOperator SUM = Long::sum;

    @Param({"10000"})
    public int distinctKeys;

    private long[] keys;
    private long[] values;
    private LongVector keyColumn;
    private LongVector valueColumn;
    private ColumnBatch batch;
    private LongLongHashAggregator aggregator;
    private Long2LongOpenHashMap fastutil;

    private Graph graph;
    private LongLongReduceByKeyOperator node;
    private long time;

    @Setup
    public void prepare()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        keys = new long[RECORDS];
        values = new long[RECORDS];
        keyColumn = new LongVector(RECORDS);
        valueColumn = new LongVector(RECORDS);
        for (int i = 0; i < RECORDS; i++)
        {
            keys[i] = random.nextLong(distinctKeys) * 0x9E37_79B9_7F4A_7C15L;
            values[i] = random.nextInt(1_000);
            keyColumn.add(keys[i]);
            valueColumn.add(values[i]);
        }
        batch = ColumnBatch.of(keyColumn, valueColumn);
        aggregator = new LongLongHashAggregator(1024);
        fastutil = new Long2LongOpenHashMap();

        graph = new Graph(1_000, () -> StreamingContextState.INITIALIZED);
        final AutoCloseable[] columns = {keyColumn, valueColumn};
        final InputNode<Pair<Long, Long>> input = new InputNode<>(graph)
        {
            @Override
            protected BatchData<Pair<Long, Long>> compute(final long t)
            {
                // a view: the graph frees only the view when it forgets the batch, never the prepared columns
                return BatchData.columnar(t, ColumnLayout.LONG_LONG_PAIRS,
                    () -> ColumnBatch.viewOf(columns, new boolean[2], null));
            }
        };
        node = new LongLongReduceByKeyOperator(input, SUM);
        new OutputNode<>(node, "bench", (b, t) ->
        {
        });
        graph.start(0);
    }

    @TearDown
    public void free()
    {
        graph.releaseAll();
        batch.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int sluiceOperator()
    {
        try (ColumnBatch out = LongLongReduceByKeyOperator.apply(batch, SUM, aggregator))
        {
            return out.size();
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int sluiceGraph()
    {
        time += 1_000;
        final int size = node.getOrCompute(time).columns(ColumnLayout.LONG_LONG_PAIRS).size();
        graph.clearMetadata(time);
        return size;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int fastutilHandWritten()
    {
        final long[] keys = this.keys;
        final long[] values = this.values;
        final Long2LongOpenHashMap sums = fastutil;
        sums.clear();
        for (int i = 0; i < keys.length; i++)
        {
            sums.addTo(keys[i], values[i]);
        }
        return sums.size();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int boxedHashMap()
    {
        final long[] keys = this.keys;
        final long[] values = this.values;
        final Map<Long, Long> sums = new HashMap<>();
        for (int i = 0; i < keys.length; i++)
        {
            sums.merge(keys[i], values[i], Long::sum);
        }
        return sums.size();
    }
}
