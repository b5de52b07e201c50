package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code mapPartitions(f)}: {@code f} is called once per partition with an iterator over it (read-only) and its
 * result becomes that partition of the output; partitioning kept.
 */
public final class MapPartitionsNode<T, R> extends Node<R>
{
    private final Node<T> parent;
    private final Function<Iterator<T>, Iterator<R>> f;

    public MapPartitionsNode(final Node<T> parent, final Function<Iterator<T>, Iterator<R>> f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<R> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<T>> parts = in.partitions();
            final List<List<R>> out = new ArrayList<>(parts.size());
            for (final List<T> part : parts)
            {
                final Iterator<R> result = f.apply(Collections.unmodifiableList(part).iterator());
                if (result == null)
                {
                    throw new NullPointerException("mapPartitions function returned null; return an empty iterator "
                        + "(Collections.emptyIterator()) instead");
                }
                final List<R> mapped = new ArrayList<>();
                while (result.hasNext())
                {
                    mapped.add(result.next());
                }
                out.add(mapped);
            }
            return out;
        });
    }

    @Override
    public String name()
    {
        return "MapPartitionedDStream";
    }
}
