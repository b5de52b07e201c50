package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * A narrow operator: each output partition is computed from the same-index partition of one parent, lazily, and
 * there is no batch when the parent has none. Subclasses say what one partition becomes.
 */
abstract class NarrowNode<T, R> extends Node<R>
{
    private final Node<T> parent;

    NarrowNode(final Node<T> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    /** What one partition of the parent becomes (a new list; the input must not be changed). */
    protected abstract List<R> partition(List<T> input);

    @Override
    protected final BatchData<R> compute(final long time)
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
                out.add(partition(part));
            }
            return out;
        });
    }
}
