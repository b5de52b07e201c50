package io.sluice.internal.generic;

import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code filter(p)}: the elements for which {@code p} holds, partitioning kept. */
public final class FilterNode<T> extends NarrowNode<T, T>
{
    private final Predicate<? super T> p;

    public FilterNode(final Node<T> parent, final Predicate<? super T> p)
    {
        super(parent);
        this.p = p;
    }

    @Override
    protected List<T> partition(final List<T> input)
    {
        final List<T> kept = new ArrayList<>();
        for (final T element : input)
        {
            if (p.test(element))
            {
                kept.add(element);
            }
        }
        return kept;
    }
}
