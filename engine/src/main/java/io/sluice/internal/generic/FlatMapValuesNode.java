package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code flatMapValues(f)}: a pair {@code (key, w)} per {@code w} of {@code f(value)}, in order; partitioning kept. */
public final class FlatMapValuesNode<K, V, W> extends NarrowNode<Pair<K, V>, Pair<K, W>>
{
    private final Function<? super V, ? extends Iterable<? extends W>> f;

    public FlatMapValuesNode(final Node<Pair<K, V>> parent,
        final Function<? super V, ? extends Iterable<? extends W>> f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    protected List<Pair<K, W>> partition(final List<Pair<K, V>> input)
    {
        final List<Pair<K, W>> flat = new ArrayList<>(input.size());
        for (final Pair<K, V> pair : input)
        {
            for (final W w : f.apply(pair.value()))
            {
                flat.add(Pair.of(pair.key(), w));
            }
        }
        return flat;
    }

    @Override
    public String name()
    {
        return "FlatMapValuedDStream";
    }
}
