package io.sluice.internal.generic;

import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code map(f)}: one output element per input element, partitioning kept. */
public final class MapNode<T, R> extends NarrowNode<T, R>
{
    private final Function<? super T, ? extends R> f;

    public MapNode(final Node<T> parent, final Function<? super T, ? extends R> f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    protected List<R> partition(final List<T> input)
    {
        final List<R> mapped = new ArrayList<>(input.size());
        for (final T element : input)
        {
            mapped.add(f.apply(element));
        }
        return mapped;
    }
}
