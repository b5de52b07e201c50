package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * {@code reduceByKey(f)} within one batch. Output: one partition, one pair per key, keys in the order they
 * first appear in the batch (partitions read in index order) — Sluice's ordering contract for keyed
 * aggregations (Spark's order is that of its hash partitions, which is not a contract).
 */
public final class ReduceByKeyNode<K, V> extends Node<Pair<K, V>>
{
    private final Node<Pair<K, V>> parent;
    private final BinaryOperator<V> f;

    public ReduceByKeyNode(final Node<Pair<K, V>> parent, final BinaryOperator<V> f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Pair<K, V>> compute(final long time)
    {
        final BatchData<Pair<K, V>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> List.of(reduce(in.partitions(), f)));
    }

    /** Reduces the values of each key; keys in first-appearance order. */
    public static <K, V> List<Pair<K, V>> reduce(final List<List<Pair<K, V>>> partitions, final BinaryOperator<V> f)
    {
        final Map<K, V> reduced = new LinkedHashMap<>();
        for (final List<Pair<K, V>> part : partitions)
        {
            for (final Pair<K, V> pair : part)
            {
                reduced.merge(pair.key(), pair.value(), f);
            }
        }
        final List<Pair<K, V>> out = new ArrayList<>(reduced.size());
        for (final Map.Entry<K, V> entry : reduced.entrySet())
        {
            out.add(Pair.of(entry.getKey(), entry.getValue()));
        }
        return out;
    }
}
