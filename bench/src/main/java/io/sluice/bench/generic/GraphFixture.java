package io.sluice.bench.generic;

import io.sluice.api.Pair;
import io.sluice.api.StreamingContextState;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A DStream graph driven by hand for generic-path operator benchmarks: no scheduler, no threads. The input produces
 * the same pre-built batch of {@code (Integer key, Long 1)} pairs at every batch time; {@link #step(Node)} moves to the
 * next batch time, computes the operator's batch, reads it, and forgets old batches as the scheduler would.
 *
 * <p>Not thread-safe: one JMH thread.
 */
public final class GraphFixture
{
    public static final long BATCH_MS = 1_000;

    private final Graph graph = new Graph(BATCH_MS, () -> StreamingContextState.INITIALIZED);
    private final InputNode<Pair<Integer, Long>> input;
    private final List<Pair<Integer, Long>> records;
    private long time;

    /** @param records per batch; keys drawn uniformly from {@code [0, keys)} with a fixed seed */
    public GraphFixture(final int records, final int keys)
    {
        final List<Pair<Integer, Long>> batch = new ArrayList<>(records);
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < records; i++)
        {
            batch.add(Pair.of(random.nextInt(keys), 1L));
        }
        this.records = List.copyOf(batch);
        final List<List<Pair<Integer, Long>>> partitions = List.of(batch);
        this.input = new InputNode<>(graph)
        {
            @Override
            protected BatchData<Pair<Integer, Long>> compute(final long t)
            {
                return BatchData.of(t, partitions);
            }
        };
    }

    public Graph graph()
    {
        return graph;
    }

    /** The records of every input batch (for hand-written baselines). */
    public List<Pair<Integer, Long>> records()
    {
        return records;
    }

    public Node<Pair<Integer, Long>> input()
    {
        return input;
    }

    /** Registers {@code operator} as the output and starts the graph at zero time 0 (checkpoint directory assumed). */
    public void start(final Node<?> operator)
    {
        new OutputNode<>(operator, "bench", (batch, t) ->
        {
        });
        graph.hasCheckpointDir(true);
        graph.start(0);
    }

    /** Computes and reads the operator's next batch; returns its element count (for the blackhole). */
    public <T> long step(final Node<T> operator)
    {
        time += BATCH_MS;
        final BatchData<T> batch = operator.getOrCompute(time);
        final long count = batch == null ? 0 : batch.count();
        graph.clearMetadata(time);
        return count;
    }
}
