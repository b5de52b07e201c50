package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * A whole-batch step of a windowed operator: turns all partitions of the parent's batch into one output partition
 * (reduce everything, group by key, concatenate groups). No batch when the parent has none.
 */
public final class WholeBatchNode<T, R> extends Node<R>
{
    private final Node<T> parent;
    private final Function<List<List<T>>, List<R>> f;

    public WholeBatchNode(final Node<T> parent, final Function<List<List<T>>, List<R>> f)
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
        return BatchData.lazy(time, isPersisted(), () -> List.of(f.apply(in.partitions())));
    }

    /** Reduces every element with {@code f}: one element, or none for an empty batch (Spark's {@code reduce}). */
    public static <T> Function<List<List<T>>, List<T>> reduceAll(final BinaryOperator<T> f)
    {
        return partitions ->
        {
            boolean isEmpty = true;
            T acc = null;
            for (final List<T> partition : partitions)
            {
                for (final T element : partition)
                {
                    acc = isEmpty ? element : f.apply(acc, element);
                    isEmpty = false;
                }
            }
            return isEmpty ? new ArrayList<>() : new ArrayList<>(List.of(acc));
        };
    }

    /** Groups values by key (Spark's {@code groupByKey}); keys in first-appearance order. */
    public static <K, V> Function<List<List<Pair<K, V>>>, List<Pair<K, List<V>>>> groupByKey()
    {
        return partitions -> toPairs(groupValues(partitions));
    }

    /** Each key's values in partition order; keys in first-appearance order. */
    static <K, V> Map<K, List<V>> groupValues(final List<List<Pair<K, V>>> partitions)
    {
        final Map<K, List<V>> groups = new LinkedHashMap<>();
        for (final List<Pair<K, V>> partition : partitions)
        {
            for (final Pair<K, V> pair : partition)
            {
                groups.computeIfAbsent(pair.key(), k -> new ArrayList<>()).add(pair.value());
            }
        }
        return groups;
    }

    /** Concatenates the value lists of each key (groupByKeyAndWindow's {@code combineByKey(concat)}). */
    public static <K, V> Function<List<List<Pair<K, List<V>>>>, List<Pair<K, List<V>>>> concatByKey()
    {
        return partitions ->
        {
            final Map<K, List<V>> groups = new LinkedHashMap<>();
            for (final List<Pair<K, List<V>>> partition : partitions)
            {
                for (final Pair<K, List<V>> pair : partition)
                {
                    groups.computeIfAbsent(pair.key(), k -> new ArrayList<>()).addAll(pair.value());
                }
            }
            return toPairs(groups);
        };
    }

    private static <K, W> List<Pair<K, W>> toPairs(final Map<K, W> map)
    {
        final List<Pair<K, W>> out = new ArrayList<>(map.size());
        for (final Map.Entry<K, W> entry : map.entrySet())
        {
            out.add(Pair.of(entry.getKey(), entry.getValue()));
        }
        return out;
    }
}
