package io.sluice.bench.generic;

import io.sluice.api.Pair;
import io.sluice.api.StreamingContextState;
import io.sluice.internal.generic.FilterNode;
import io.sluice.internal.generic.FlatMapNode;
import io.sluice.internal.generic.JoinNode;
import io.sluice.internal.generic.MapNode;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.input.ListInputNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The generic (boxed) per-batch operators, driven through their graph nodes over one prepared batch of
 * {@value #RECORDS} records in {@value #PARTITIONS} partitions: each invocation recomputes the operator's lazy,
 * unpersisted batch exactly as a job reading it does. Scores are per input record ({@code @OperationsPerInvocation});
 * run with {@code -prof gc} for allocation per record. Each operator has a hand-written boxed loop over the same input
 * as its baseline ({@code baseline*}: map/filter/flatMap over the same {@value #PARTITIONS} partitions, producing one
 * list per partition as the node does; reduceByKey and join with one boxed {@code HashMap}), so the framework's cost
 * is the difference.
 *
 * <p>Inputs: map/filter/flatMap read {@code Integer}s; reduceByKey reads {@code Pair<Integer, Integer>} over
 * {@value #KEYS} keys; join reads {@value #RECORDS}/2 pairs per side with unique keys, every key on both sides (1:1).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GenericOperatorsBenchmark
{
    static final int RECORDS = 100_000;
    static final int PARTITIONS = 4;
    static final int KEYS = 10_000;
    private static final long BATCH_TIME = 1000;

    private List<Integer> ints;
    private List<List<Integer>> intPartitions;
    private List<Pair<Integer, Integer>> keyed;
    private List<Pair<Integer, Integer>> left;
    private List<Pair<Integer, String>> right;

    private BatchData<Integer> mapped;
    private BatchData<Integer> filtered;
    private BatchData<Integer> flatMapped;
    private BatchData<Pair<Integer, Integer>> reduced;
    private BatchData<Pair<Integer, Pair<Integer, String>>> joined;

    @Setup
    public void setUp()
    {
        ints = new ArrayList<>(RECORDS);
        keyed = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++)
        {
            ints.add(i);
            keyed.add(Pair.of(i % KEYS, 1));
        }
        left = new ArrayList<>(RECORDS / 2);
        right = new ArrayList<>(RECORDS / 2);
        for (int i = 0; i < RECORDS / 2; i++)
        {
            left.add(Pair.of(i, i));
            right.add(Pair.of(RECORDS / 2 - 1 - i, "r"));
        }

        intPartitions = new ArrayList<>(PARTITIONS);
        for (int p = 0; p < PARTITIONS; p++)
        {
            intPartitions.add(new ArrayList<>(ints.subList(p * RECORDS / PARTITIONS, (p + 1) * RECORDS / PARTITIONS)));
        }

        final Graph graph = new Graph(BATCH_TIME, () -> StreamingContextState.INITIALIZED);
        final Node<Integer> intInput = new ListInputNode<>(graph, List.of(ints), PARTITIONS);
        final Node<Pair<Integer, Integer>> keyedInput = new ListInputNode<>(graph, List.of(keyed), PARTITIONS);
        final Node<Pair<Integer, Integer>> leftInput = new ListInputNode<>(graph, List.of(left), PARTITIONS);
        final Node<Pair<Integer, String>> rightInput = new ListInputNode<>(graph, List.of(right), PARTITIONS);
        final Node<Integer> map = new MapNode<>(intInput, x -> x + 1);
        final Node<Integer> filter = new FilterNode<>(intInput, x -> (x & 1) == 0);
        final Node<Integer> flatMap = new FlatMapNode<>(intInput, x -> List.of(x, -x));
        final Node<Pair<Integer, Integer>> reduceByKey = new ReduceByKeyNode<>(keyedInput, Integer::sum);
        final Node<Pair<Integer, Pair<Integer, String>>> join = JoinNode.inner(leftInput, rightInput);
        for (final Node<?> node : List.of(map, filter, flatMap, reduceByKey, join))
        {
            new OutputNode<>(node, "bench", (batch, time) ->
            {
            });
        }
        graph.start(0);
        mapped = map.getOrCompute(BATCH_TIME);
        filtered = filter.getOrCompute(BATCH_TIME);
        flatMapped = flatMap.getOrCompute(BATCH_TIME);
        reduced = reduceByKey.getOrCompute(BATCH_TIME);
        joined = join.getOrCompute(BATCH_TIME);
        if (reduced.count() != KEYS || joined.count() != RECORDS / 2 || flatMapped.count() != 2L * RECORDS)
        {
            throw new IllegalStateException("benchmark inputs are not what the scores assume");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> map()
    {
        return mapped.partitions();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> baselineMap()
    {
        final List<List<Integer>> parts = intPartitions;
        final List<List<Integer>> result = new ArrayList<>(parts.size());
        for (final List<Integer> in : parts)
        {
            final List<Integer> out = new ArrayList<>(in.size());
            for (int i = 0, size = in.size(); i < size; i++)
            {
                out.add(in.get(i) + 1);
            }
            result.add(out);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> filter()
    {
        return filtered.partitions();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> baselineFilter()
    {
        final List<List<Integer>> parts = intPartitions;
        final List<List<Integer>> result = new ArrayList<>(parts.size());
        for (final List<Integer> in : parts)
        {
            final List<Integer> out = new ArrayList<>();
            for (int i = 0, size = in.size(); i < size; i++)
            {
                final Integer x = in.get(i);
                if ((x & 1) == 0)
                {
                    out.add(x);
                }
            }
            result.add(out);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> flatMap()
    {
        return flatMapped.partitions();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Integer>> baselineFlatMap()
    {
        final List<List<Integer>> parts = intPartitions;
        final List<List<Integer>> result = new ArrayList<>(parts.size());
        for (final List<Integer> in : parts)
        {
            final List<Integer> out = new ArrayList<>(2 * in.size());
            for (int i = 0, size = in.size(); i < size; i++)
            {
                final Integer x = in.get(i);
                out.add(x);
                out.add(-x);
            }
            result.add(out);
        }
        return result;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Pair<Integer, Integer>>> reduceByKey()
    {
        return reduced.partitions();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Map<Integer, Integer> baselineReduceByKeyHashMap()
    {
        final List<Pair<Integer, Integer>> in = keyed;
        final Map<Integer, Integer> sums = new HashMap<>();
        for (int i = 0, size = in.size(); i < size; i++)
        {
            final Pair<Integer, Integer> pair = in.get(i);
            sums.merge(pair.key(), pair.value(), Integer::sum);
        }
        return sums;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<List<Pair<Integer, Pair<Integer, String>>>> join()
    {
        return joined.partitions();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<Pair<Integer, Pair<Integer, String>>> baselineJoinHashMap()
    {
        final Map<Integer, String> build = new HashMap<>();
        final List<Pair<Integer, String>> r = right;
        for (int i = 0, size = r.size(); i < size; i++)
        {
            build.put(r.get(i).key(), r.get(i).value());
        }
        final List<Pair<Integer, Integer>> l = left;
        final List<Pair<Integer, Pair<Integer, String>>> out = new ArrayList<>(l.size());
        for (int i = 0, size = l.size(); i < size; i++)
        {
            final Pair<Integer, Integer> pair = l.get(i);
            final String w = build.get(pair.key());
            if (w != null)
            {
                out.add(Pair.of(pair.key(), Pair.of(pair.value(), w)));
            }
        }
        return out;
    }
}
