package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * {@code combineByKey(create, merge, mergeCombiners)} within one batch, as Spark runs it: in each partition the
 * first value of a key goes through {@code create} and later ones through {@code merge}; the per-partition
 * combiners of a key are then joined with {@code mergeCombiners} in partition order. Output: one partition, keys in
 * order of first appearance.
 */
public final class CombineByKeyNode<K, V, C> extends Node<Pair<K, C>>
{
    private final Node<Pair<K, V>> parent;
    private final Function<V, C> create;
    private final BiFunction<C, V, C> merge;
    private final BinaryOperator<C> mergeCombiners;

    public CombineByKeyNode(final Node<Pair<K, V>> parent, final Function<V, C> create, final BiFunction<C, V, C> merge,
        final BinaryOperator<C> mergeCombiners)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.create = create;
        this.merge = merge;
        this.mergeCombiners = mergeCombiners;
    }

    @Override
    protected BatchData<Pair<K, C>> compute(final long time)
    {
        final BatchData<Pair<K, V>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> List.of(combine(in.partitions())));
    }

    private List<Pair<K, C>> combine(final List<List<Pair<K, V>>> parts)
    {
        final Map<K, C> combined = new LinkedHashMap<>();
        final Map<K, C> partial = new LinkedHashMap<>();
        for (final List<Pair<K, V>> part : parts)
        {
            partial.clear();
            for (final Pair<K, V> pair : part)
            {
                final K key = pair.key();
                if (partial.containsKey(key))
                {
                    partial.put(key, merge.apply(partial.get(key), pair.value()));
                }
                else
                {
                    partial.put(key, create.apply(pair.value()));
                }
            }
            for (final Map.Entry<K, C> entry : partial.entrySet())
            {
                final K key = entry.getKey();
                if (combined.containsKey(key))
                {
                    combined.put(key, mergeCombiners.apply(combined.get(key), entry.getValue()));
                }
                else
                {
                    combined.put(key, entry.getValue());
                }
            }
        }
        final List<Pair<K, C>> out = new ArrayList<>(combined.size());
        for (final Map.Entry<K, C> entry : combined.entrySet())
        {
            out.add(Pair.of(entry.getKey(), entry.getValue()));
        }
        return out;
    }

    @Override
    public String name()
    {
        return "ShuffledDStream";
    }
}
