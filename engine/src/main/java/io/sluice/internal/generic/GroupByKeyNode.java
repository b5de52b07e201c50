package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code groupByKey()} within one batch: one partition, one {@code (key, values)} pair per key, keys in order of
 * first appearance and each key's values in the order they appear (partitions read in index order).
 */
public final class GroupByKeyNode<K, V> extends Node<Pair<K, List<V>>>
{
    private final Node<Pair<K, V>> parent;

    public GroupByKeyNode(final Node<Pair<K, V>> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    @Override
    protected BatchData<Pair<K, List<V>>> compute(final long time)
    {
        final BatchData<Pair<K, V>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> List.of(group(in.partitions())));
    }

    /** Groups values by key; keys in first-appearance order; the value lists are unmodifiable. */
    static <K, V> List<Pair<K, List<V>>> group(final List<List<Pair<K, V>>> parts)
    {
        final Map<K, List<V>> groups = new LinkedHashMap<>();
        for (final List<Pair<K, V>> part : parts)
        {
            for (final Pair<K, V> pair : part)
            {
                groups.computeIfAbsent(pair.key(), k -> new ArrayList<>()).add(pair.value());
            }
        }
        final List<Pair<K, List<V>>> out = new ArrayList<>(groups.size());
        for (final Map.Entry<K, List<V>> entry : groups.entrySet())
        {
            out.add(Pair.of(entry.getKey(), Collections.unmodifiableList(entry.getValue())));
        }
        return out;
    }

    @Override
    public String name()
    {
        return "ShuffledDStream";
    }
}
