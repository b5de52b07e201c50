package io.sluice.bench.window;

import io.sluice.api.Pair;
import io.sluice.bench.generic.GraphFixture;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.generic.ReducedWindowNode;
import io.sluice.internal.generic.WindowNode;
import io.sluice.internal.graph.Node;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code reduceByKeyAndWindow} on the generic (boxed) path, one invocation = one slide (slide = batch) of
 * {@link #RECORDS} records over {@code keys} keys, scores per record. {@code windowBatches} is window / slide
 * (10 or 100). Time per slide = RECORDS / score.
 *
 * <ul>
 *   <li>{@code inverse}: the incremental ReducedWindowNode (previous window - leaving batch + entering batch).</li>
 *   <li>{@code naive}: reduceByKey.window.reduceByKey, re-reducing the whole window every slide.</li>
 *   <li>{@code handLoopInverse}: the baseline, a boxed {@link HashMap} window plus a ring of per-batch
 *       reduced maps, updated in place.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GenericWindowBenchmark
{
    static final int RECORDS = 10_000;

    @Param({"10", "100"})
    int windowBatches;

    @Param({"1000"})
    int keys;

    private GraphFixture inverseFixture;
    private Node<Pair<Integer, Long>> inverse;
    private GraphFixture naiveFixture;
    private Node<Pair<Integer, Long>> naive;
    private Pair<Integer, Long>[] records;
    private Map<Integer, Long> handWindow;
    private ArrayDeque<Map<Integer, Long>> handBatches;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp()
    {
        final long windowMs = windowBatches * GraphFixture.BATCH_MS;
        inverseFixture = new GraphFixture(RECORDS, keys);
        inverse = new ReducedWindowNode<>(new ReduceByKeyNode<>(inverseFixture.input(), Long::sum), Long::sum,
            (a, b) -> a - b, windowMs, GraphFixture.BATCH_MS, null);
        inverseFixture.start(inverse);
        naiveFixture = new GraphFixture(RECORDS, keys);
        naive = new ReduceByKeyNode<>(new WindowNode<>(new ReduceByKeyNode<>(naiveFixture.input(), Long::sum),
            windowMs, GraphFixture.BATCH_MS), Long::sum);
        naiveFixture.start(naive);
        records = inverseFixture.records().toArray(new Pair[0]);
        handWindow = new HashMap<>();
        handBatches = new ArrayDeque<>();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long inverse()
    {
        return inverseFixture.step(inverse);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long naive()
    {
        return naiveFixture.step(naive);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long handLoopInverse()
    {
        final Map<Integer, Long> batch = new HashMap<>();
        for (final Pair<Integer, Long> record : records)
        {
            batch.merge(record.key(), record.value(), Long::sum);
        }
        if (handBatches.size() == windowBatches)
        {
            for (final Map.Entry<Integer, Long> leaving : handBatches.removeFirst().entrySet())
            {
                handWindow.merge(leaving.getKey(), leaving.getValue(), (a, b) -> a - b);
            }
        }
        for (final Map.Entry<Integer, Long> entering : batch.entrySet())
        {
            handWindow.merge(entering.getKey(), entering.getValue(), Long::sum);
        }
        handBatches.addLast(batch);
        return handWindow.size();
    }
}
