package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code flatMap(f)}: zero or more output elements per input element, partitioning kept. */
public final class FlatMapNode<T, R> extends Node<R>
{
    private final Node<T> parent;
    private final Function<? super T, ? extends Iterable<? extends R>> f;

    public FlatMapNode(final Node<T> parent, final Function<? super T, ? extends Iterable<? extends R>> f)
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
                final List<R> flat = new ArrayList<>(part.size());
                for (final T element : part)
                {
                    for (final R r : f.apply(element))
                    {
                        flat.add(r);
                    }
                }
                out.add(flat);
            }
            return out;
        });
    }
}
