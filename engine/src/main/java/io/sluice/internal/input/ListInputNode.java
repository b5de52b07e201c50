package io.sluice.internal.input;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The testkit's input (Spark's {@code TestInputStream}): batch {@code i} is the data of time
 * {@code zeroTime + (i + 1) * interval}, cut into {@code numPartitions} contiguous slices as
 * {@code makeRDD(seq, n)} does; a {@code null} entry produces no batch; beyond the list, empty batches.
 */
public final class ListInputNode<T> extends InputNode<T>
{
    private final List<? extends List<T>> batches;
    private final int numPartitions;

    public ListInputNode(final Graph graph, final List<? extends List<T>> batches, final int numPartitions)
    {
        super(graph);
        if (numPartitions < 1)
        {
            throw new IllegalArgumentException("numPartitions must be >= 1, was " + numPartitions);
        }
        this.batches = new ArrayList<>(batches);
        this.numPartitions = numPartitions;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final long index = (time - graph.zeroTime()) / slideMs() - 1;
        if (index >= batches.size())
        {
            return BatchData.of(time, slice(List.of(), numPartitions));
        }
        final List<T> data = batches.get((int)index);
        if (data == null)
        {
            return null;
        }
        return BatchData.of(time, slice(data, numPartitions));
    }

    /** Spark's {@code ParallelCollectionRDD.slice}: partition i holds [i*n/p, (i+1)*n/p). */
    static <T> List<List<T>> slice(final List<T> data, final int numPartitions)
    {
        final List<List<T>> parts = new ArrayList<>(numPartitions);
        final long n = data.size();
        for (int i = 0; i < numPartitions; i++)
        {
            final int start = (int)((i * n) / numPartitions);
            final int end = (int)(((i + 1) * n) / numPartitions);
            parts.add(new ArrayList<>(data.subList(start, end)));
        }
        return parts;
    }

    @Override
    public String name()
    {
        return "TestInputStream";
    }
}
