package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/** {@code count()}: one element per batch, the number of elements; {@code [0]} for an empty batch (Spark). */
public final class CountNode<T> extends Node<Long>
{
    private final Node<T> parent;

    public CountNode(final Node<T> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> List.of(List.of(in.count())));
    }
}
