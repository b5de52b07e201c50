package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code flatMapValues(f)}: a pair {@code (key, w)} per {@code w} of {@code f(value)}, in order; partitioning kept. */
public final class FlatMapValuesNode<K, V, W> extends Node<Pair<K, W>>
{
    private final Node<Pair<K, V>> parent;
    private final Function<? super V, ? extends Iterable<? extends W>> f;

    public FlatMapValuesNode(final Node<Pair<K, V>> parent,
        final Function<? super V, ? extends Iterable<? extends W>> f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Pair<K, W>> compute(final long time)
    {
        final BatchData<Pair<K, V>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<Pair<K, V>>> parts = in.partitions();
            final List<List<Pair<K, W>>> out = new ArrayList<>(parts.size());
            for (final List<Pair<K, V>> part : parts)
            {
                final List<Pair<K, W>> flat = new ArrayList<>(part.size());
                for (final Pair<K, V> pair : part)
                {
                    for (final W w : f.apply(pair.value()))
                    {
                        flat.add(Pair.of(pair.key(), w));
                    }
                }
                out.add(flat);
            }
            return out;
        });
    }

    @Override
    public String name()
    {
        return "FlatMapValuedDStream";
    }
}
