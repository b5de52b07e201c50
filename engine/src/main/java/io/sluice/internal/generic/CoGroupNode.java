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
        MultiParent.requireSameSlide(parents, operation);
        return parents;
    }

    @Override
    protected BatchData<Pair<K, Pair<List<V>, List<W>>>> compute(final long time)
    {
        final BatchData<Pair<K, V>> l = MultiParent.parentBatch(left, time, MultiParent.NO_PARENT_BATCH, "cogroup");
        final BatchData<Pair<K, W>> r = MultiParent.parentBatch(right, time, MultiParent.NO_PARENT_BATCH, "cogroup");
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final Map<K, Groups<V, W>> groups = cogroup(l.partitions(), r.partitions());
            final List<Pair<K, Pair<List<V>, List<W>>>> out = new ArrayList<>(groups.size());
            for (final Map.Entry<K, Groups<V, W>> entry : groups.entrySet())
            {
                final Groups<V, W> g = entry.getValue();
                out.add(Pair.of(entry.getKey(), Pair.of(g.leftList(), g.rightList())));
            }
            return List.of(out);
        });
    }

    /**
     * The values of one key on each side. A side with one value holds it directly and only a side with several
     * allocates a list, since most keys of a join carry one value per side.
     */
    static final class Groups<V, W>
    {
        private Object left;
        private Object right;
        private int leftCount;
        private int rightCount;

        @SuppressWarnings("unchecked")
        void addLeft(final V value)
        {
            if (leftCount == 0)
            {
                left = value;
            }
            else if (leftCount == 1)
            {
                final List<V> values = new ArrayList<>(4);
                values.add((V)left);
                values.add(value);
                left = values;
            }
            else
            {
                ((List<V>)left).add(value);
            }
            leftCount++;
        }

        @SuppressWarnings("unchecked")
        void addRight(final W value)
        {
            if (rightCount == 0)
            {
                right = value;
            }
            else if (rightCount == 1)
            {
                final List<W> values = new ArrayList<>(4);
                values.add((W)right);
                values.add(value);
                right = values;
            }
            else
            {
                ((List<W>)right).add(value);
            }
            rightCount++;
        }

        int leftCount()
        {
            return leftCount;
        }

        int rightCount()
        {
            return rightCount;
        }

        /** The {@code i}-th left value, {@code 0 <= i < leftCount()}. */
        @SuppressWarnings("unchecked")
        V left(final int i)
        {
            return leftCount == 1 ? (V)left : ((List<V>)left).get(i);
        }

        /** The {@code i}-th right value, {@code 0 <= i < rightCount()}. */
        @SuppressWarnings("unchecked")
        W right(final int i)
        {
            return rightCount == 1 ? (W)right : ((List<W>)right).get(i);
        }

        /** The left values as an unmodifiable list. */
        @SuppressWarnings("unchecked")
        List<V> leftList()
        {
            return switch (leftCount)
            {
                case 0 -> List.of();
                case 1 -> Collections.singletonList((V)left);
                default -> Collections.unmodifiableList((List<V>)left);
            };
        }

        /** The right values as an unmodifiable list. */
        @SuppressWarnings("unchecked")
        List<W> rightList()
        {
            return switch (rightCount)
            {
                case 0 -> List.of();
                case 1 -> Collections.singletonList((W)right);
                default -> Collections.unmodifiableList((List<W>)right);
            };
        }
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
                groups.computeIfAbsent(pair.key(), k -> new Groups<>()).addLeft(pair.value());
            }
        }
        for (final List<Pair<K, W>> part : rightParts)
        {
            for (final Pair<K, W> pair : part)
            {
                groups.computeIfAbsent(pair.key(), k -> new Groups<>()).addRight(pair.value());
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
