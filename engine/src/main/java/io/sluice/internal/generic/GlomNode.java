package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/** {@code glom()}: each partition becomes one element, the (unmodifiable) list of its elements; partitioning kept. */
public final class GlomNode<T> extends Node<List<T>>
{
    private final Node<T> parent;

    public GlomNode(final Node<T> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    @Override
    protected BatchData<List<T>> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<T>> parts = in.partitions();
            final List<List<List<T>>> out = new ArrayList<>(parts.size());
            for (final List<T> part : parts)
            {
                out.add(List.of(List.copyOf(part)));
            }
            return out;
        });
    }

    @Override
    public String name()
    {
        return "GlommedDStream";
    }
}
