package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code filter(p)}: the elements for which {@code p} holds, partitioning kept. */
public final class FilterNode<T> extends Node<T>
{
    private final Node<T> parent;
    private final Predicate<? super T> p;

    public FilterNode(final Node<T> parent, final Predicate<? super T> p)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.p = p;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<T>> parts = in.partitions();
            final List<List<T>> out = new ArrayList<>(parts.size());
            for (final List<T> part : parts)
            {
                final List<T> kept = new ArrayList<>();
                for (final T element : part)
                {
                    if (p.test(element))
                    {
                        kept.add(element);
                    }
                }
                out.add(kept);
            }
            return out;
        });
    }
}
