package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code repartition(n)}: exactly {@code n} partitions per batch. The batch's elements, partitions read in index
 * order, are cut into {@code n} contiguous slices of (almost) equal size, partition {@code i} holding
 * {@code [i*size/n, (i+1)*size/n)} as Spark's {@code makeRDD(seq, n)} does. Spark's own repartition spreads
 * elements round-robin from a random start; which element lands in which partition is not part of its contract,
 * so Sluice picks the deterministic split that keeps the batch's order.
 */
public final class RepartitionNode<T> extends Node<T>
{
    private final Node<T> parent;
    private final int numPartitions;

    public RepartitionNode(final Node<T> parent, final int numPartitions)
    {
        super(parent.graph(), List.of(parent));
        if (numPartitions < 1)
        {
            throw new IllegalArgumentException("Number of partitions (" + numPartitions + ") must be positive: "
                + "repartition(n) needs n >= 1");
        }
        this.parent = parent;
        this.numPartitions = numPartitions;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> split(in.partitions(), numPartitions));
    }

    /** Concatenates {@code parts} and cuts the result into {@code n} contiguous slices. */
    static <T> List<List<T>> split(final List<List<T>> parts, final int n)
    {
        final List<T> all;
        if (parts.size() == 1)
        {
            all = parts.get(0);
        }
        else
        {
            all = new ArrayList<>();
            for (final List<T> part : parts)
            {
                all.addAll(part);
            }
        }
        final long size = all.size();
        final List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            final int start = (int)((i * size) / n);
            final int end = (int)(((i + 1) * size) / n);
            out.add(new ArrayList<>(all.subList(start, end)));
        }
        return out;
    }

    @Override
    public String name()
    {
        return "RepartitionedDStream";
    }
}
