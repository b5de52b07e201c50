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
 * {@code left.cogroup(right)} within one batch (Spark: {@code transformWith(_.cogroup(_))}, no buffering across
 * batches): one partition, one {@code (key, (leftValues, rightValues))} per key present on either side, keys in order
 * of first appearance (left batch first, then right), values in arrival order. Both streams must share the slide and
 * both must have a batch at every valid time.
 */
public final class CoGroupNode<K, V, W> extends Node<Pair<K, Pair<List<V>, List<W>>>>
{
    private final Node<Pair<K, V>> left;
    private final Node<Pair<K, W>> right;

    public CoGroupNode(final Node<Pair<K, V>> left, final Node<Pair<K, W>> right)
    {
        super(left.graph(), checked(left, right, "cogroup"));
        this.left = left;
        this.right = right;
    }

    static List<Node<?>> checked(final Node<?> left, final Node<?> right, final String operation)
    {
        final List<Node<?>> parents = List.of(left, right);
        SameSlide.require(parents, operation);
        return parents;
    }

    @Override
    protected BatchData<Pair<K, Pair<List<V>, List<W>>>> compute(final long time)
    {
        final BatchData<Pair<K, V>> l = requireParentBatch(left, time, "Couldn't generate RDD from parent");
        final BatchData<Pair<K, W>> r = requireParentBatch(right, time, "Couldn't generate RDD from parent");
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final Map<K, Groups<V, W>> groups = cogroup(l.partitions(), r.partitions());
            final List<Pair<K, Pair<List<V>, List<W>>>> out = new ArrayList<>(groups.size());
            for (final Map.Entry<K, Groups<V, W>> entry : groups.entrySet())
            {
                final Groups<V, W> g = entry.getValue();
                out.add(Pair.of(entry.getKey(), Pair.of(Collections.unmodifiableList(g.left),
                    Collections.unmodifiableList(g.right))));
            }
            return List.of(out);
        });
    }

    /** The values of one key on each side. */
    static final class Groups<V, W>
    {
        final List<V> left = new ArrayList<>(2);
        final List<W> right = new ArrayList<>(2);
    }

    /** Groups both sides by key; keys in first-appearance order, left side first. */
    static <K, V, W> Map<K, Groups<V, W>> cogroup(final List<List<Pair<K, V>>> leftParts,
        final List<List<Pair<K, W>>> rightParts)
    {
        final Map<K, Groups<V, W>> groups = new LinkedHashMap<>();
        for (final List<Pair<K, V>> part : leftParts)
        {
            for (final Pair<K, V> pair : part)
            {
                groups.computeIfAbsent(pair.key(), k -> new Groups<>()).left.add(pair.value());
            }
        }
        for (final List<Pair<K, W>> part : rightParts)
        {
            for (final Pair<K, W> pair : part)
            {
                groups.computeIfAbsent(pair.key(), k -> new Groups<>()).right.add(pair.value());
            }
        }
        return groups;
    }

    @Override
    public String name()
    {
        return "CoGroupedDStream";
    }
}
