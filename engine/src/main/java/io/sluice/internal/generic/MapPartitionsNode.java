package io.sluice.internal.generic;

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
public final class MapPartitionsNode<T, R> extends NarrowNode<T, R>
{
    private final Function<Iterator<T>, Iterator<R>> f;

    public MapPartitionsNode(final Node<T> parent, final Function<Iterator<T>, Iterator<R>> f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    protected List<R> partition(final List<T> input)
    {
        final Iterator<R> result = f.apply(Collections.unmodifiableList(input).iterator());
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
        return mapped;
    }

    @Override
    public String name()
    {
        return "MapPartitionedDStream";
    }
}
