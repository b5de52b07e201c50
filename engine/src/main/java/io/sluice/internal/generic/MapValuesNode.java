package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code mapValues(f)}: each pair's value mapped, key and partitioning kept. */
public final class MapValuesNode<K, V, W> extends NarrowNode<Pair<K, V>, Pair<K, W>>
{
    private final Function<? super V, ? extends W> f;

    public MapValuesNode(final Node<Pair<K, V>> parent, final Function<? super V, ? extends W> f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    protected List<Pair<K, W>> partition(final List<Pair<K, V>> input)
    {
        final List<Pair<K, W>> mapped = new ArrayList<>(input.size());
        for (final Pair<K, V> pair : input)
        {
            mapped.add(Pair.of(pair.key(), f.apply(pair.value())));
        }
        return mapped;
    }

    @Override
    public String name()
    {
        return "MapValuedDStream";
    }
}
