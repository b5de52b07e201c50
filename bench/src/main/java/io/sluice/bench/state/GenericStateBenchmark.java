package io.sluice.bench.state;

import io.sluice.api.Pair;
import io.sluice.api.QuadFunction;
import io.sluice.api.Time;
import io.sluice.bench.generic.GraphFixture;
import io.sluice.internal.generic.MapWithStateNode;
import io.sluice.internal.generic.MappingFunction;
import io.sluice.internal.generic.UpdateStateByKeyNode;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Running count per key on the generic (boxed) path; one invocation = one batch of {@link #RECORDS} records over
 * {@code keys} keys, scores per record.
 *
 * <ul>
 *   <li>{@code updateStateByKey}: groups the batch by key, calls the function for EVERY key in state, emits the
 *       whole state (so its cost grows with the number of keys, not only the records).</li>
 *   <li>{@code mapWithState}: one call per record on a copy of the previous batch's state store, one mapped record
 *       per call, snapshot not read.</li>
 *   <li>{@code handLoop}: the baseline, a boxed {@link HashMap} merged in place per record.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class GenericStateBenchmark
{
    static final int RECORDS = 10_000;

    @Param({"1000", "100000"})
    int keys;

    private GraphFixture updateFixture;
    private Node<Pair<Integer, Long>> update;
    private GraphFixture mapFixture;
    private Node<MapWithStateNode.Result<Integer, Long, Long>> mapWithState;
    private List<Pair<Integer, Long>> records;
    private Map<Integer, Long> handState;

    @Setup(Level.Trial)
    public void setUp()
    {
        updateFixture = new GraphFixture(RECORDS, keys);
        final QuadFunction<Time, Integer, List<Long>, Optional<Long>, Optional<Long>> sum = (time, key, values, state) ->
        {
            long total = state.orElse(0L);
            for (final Long value : values)
            {
                total += value;
            }
            return Optional.of(total);
        };
        update = new UpdateStateByKeyNode<>(updateFixture.input(), sum, Map.of());
        updateFixture.start(update);

        mapFixture = new GraphFixture(RECORDS, keys);
        final MappingFunction<Integer, Long, Long, Long> count = (time, key, value, state, out) ->
        {
            final long next = state.getOption().orElse(0L) + value.orElse(0L);
            state.update(next);
            out.add(next);
        };
        mapWithState = new MapWithStateNode<>(mapFixture.input(), count, Map.of(), 0);
        mapFixture.start(mapWithState);

        records = mapFixture.records();
        handState = new HashMap<>();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long updateStateByKey()
    {
        return updateFixture.step(update);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long mapWithState()
    {
        return mapFixture.step(mapWithState);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long handLoop()
    {
        long last = 0;
        for (final Pair<Integer, Long> record : records)
        {
            last = handState.merge(record.key(), record.value(), Long::sum);
        }
        return last;
    }
}
