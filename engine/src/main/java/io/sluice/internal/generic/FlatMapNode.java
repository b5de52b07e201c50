package io.sluice.internal.generic;

import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code flatMap(f)}: zero or more output elements per input element, partitioning kept. */
public final class FlatMapNode<T, R> extends NarrowNode<T, R>
{
    private final Function<? super T, ? extends Iterable<? extends R>> f;

    public FlatMapNode(final Node<T> parent, final Function<? super T, ? extends Iterable<? extends R>> f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    protected List<R> partition(final List<T> input)
    {
        final List<R> flat = new ArrayList<>(input.size());
        for (final T element : input)
        {
            for (final R r : f.apply(element))
            {
                flat.add(r);
            }
        }
        return flat;
    }
}
