package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The four joins within one batch (Spark: cogroup, then every combination of a key's left and right values,
 * left-major). Inner emits only keys present on both sides; the outer joins fill a missing side with
 * {@link Optional#empty()}. One partition, keys in order of first appearance (left batch first). Both streams must
 * share the slide and both must have a batch at every valid time; no buffering across batches.
 *
 * @param <R> the joined value: {@code Pair<V, W>}, {@code Pair<V, Optional<W>>}, ...
 */
public final class JoinNode<K, V, W, R> extends Node<Pair<K, R>>
{
    /** Emits the joined pairs of one key. */
    @FunctionalInterface
    private interface Joiner<K, V, W, R>
    {
        void emit(K key, CoGroupNode.Groups<V, W> values, List<Pair<K, R>> out);
    }

    private final Node<Pair<K, V>> left;
    private final Node<Pair<K, W>> right;
    private final Joiner<K, V, W, R> joiner;
    private final String name;

    private JoinNode(final Node<Pair<K, V>> left, final Node<Pair<K, W>> right, final Joiner<K, V, W, R> joiner,
        final String name)
    {
        super(left.graph(), CoGroupNode.checked(left, right, name));
        this.left = left;
        this.right = right;
        this.joiner = joiner;
        this.name = name;
    }

    /** {@code join}: {@code (k, (v, w))} for every v and w of k. */
    public static <K, V, W> JoinNode<K, V, W, Pair<V, W>> inner(final Node<Pair<K, V>> left,
        final Node<Pair<K, W>> right)
    {
        return new JoinNode<>(left, right, (key, g, out) ->
        {
            final int ws = g.rightCount();
            for (int i = 0, vs = g.leftCount(); i < vs; i++)
            {
                final V v = g.left(i);
                for (int j = 0; j < ws; j++)
                {
                    out.add(Pair.of(key, Pair.of(v, g.right(j))));
                }
            }
        }, "join");
    }

    /** {@code leftOuterJoin}: every left value, with {@code Optional.empty()} when k has no right value. */
    public static <K, V, W> JoinNode<K, V, W, Pair<V, Optional<W>>> leftOuter(final Node<Pair<K, V>> left,
        final Node<Pair<K, W>> right)
    {
        return new JoinNode<>(left, right, (key, g, out) ->
        {
            final int ws = g.rightCount();
            for (int i = 0, vs = g.leftCount(); i < vs; i++)
            {
                final V v = g.left(i);
                if (ws == 0)
                {
                    out.add(Pair.of(key, Pair.of(v, Optional.empty())));
                }
                for (int j = 0; j < ws; j++)
                {
                    out.add(Pair.of(key, Pair.of(v, Optional.of(g.right(j)))));
                }
            }
        }, "leftOuterJoin");
    }

    /** {@code rightOuterJoin}: every right value, with {@code Optional.empty()} when k has no left value. */
    public static <K, V, W> JoinNode<K, V, W, Pair<Optional<V>, W>> rightOuter(final Node<Pair<K, V>> left,
        final Node<Pair<K, W>> right)
    {
        return new JoinNode<>(left, right, (key, g, out) ->
        {
            final int vs = g.leftCount();
            final int ws = g.rightCount();
            if (vs == 0)
            {
                for (int j = 0; j < ws; j++)
                {
                    out.add(Pair.of(key, Pair.of(Optional.empty(), g.right(j))));
                }
            }
            for (int i = 0; i < vs; i++)
            {
                final Optional<V> v = Optional.of(g.left(i));
                for (int j = 0; j < ws; j++)
                {
                    out.add(Pair.of(key, Pair.of(v, g.right(j))));
                }
            }
        }, "rightOuterJoin");
    }

    /** {@code fullOuterJoin}: every value of either side, the missing side {@code Optional.empty()}. */
    public static <K, V, W> JoinNode<K, V, W, Pair<Optional<V>, Optional<W>>> fullOuter(final Node<Pair<K, V>> left,
        final Node<Pair<K, W>> right)
    {
        return new JoinNode<>(left, right, (key, g, out) ->
        {
            final int vs = g.leftCount();
            final int ws = g.rightCount();
            if (vs == 0)
            {
                for (int j = 0; j < ws; j++)
                {
                    out.add(Pair.of(key, Pair.of(Optional.empty(), Optional.of(g.right(j)))));
                }
            }
            else if (ws == 0)
            {
                for (int i = 0; i < vs; i++)
                {
                    out.add(Pair.of(key, Pair.of(Optional.of(g.left(i)), Optional.empty())));
                }
            }
            else
            {
                for (int i = 0; i < vs; i++)
                {
                    final Optional<V> v = Optional.of(g.left(i));
                    for (int j = 0; j < ws; j++)
                    {
                        out.add(Pair.of(key, Pair.of(v, Optional.of(g.right(j)))));
                    }
                }
            }
        }, "fullOuterJoin");
    }

    @Override
    protected BatchData<Pair<K, R>> compute(final long time)
    {
        final BatchData<Pair<K, V>> l = MultiParent.parentBatch(left, time, MultiParent.NO_PARENT_BATCH, name);
        final BatchData<Pair<K, W>> r = MultiParent.parentBatch(right, time, MultiParent.NO_PARENT_BATCH, name);
        return BatchData.lazy(time, isPersisted(), () -> List.of(join(l.partitions(), r.partitions())));
    }

    /** Joins two batches' partitions (also used by benchmarks to drive the join without a context). */
    public List<Pair<K, R>> join(final List<List<Pair<K, V>>> leftParts, final List<List<Pair<K, W>>> rightParts)
    {
        final Map<K, CoGroupNode.Groups<V, W>> groups = CoGroupNode.cogroup(leftParts, rightParts);
        final List<Pair<K, R>> out = new ArrayList<>(groups.size());
        for (final Map.Entry<K, CoGroupNode.Groups<V, W>> entry : groups.entrySet())
        {
            joiner.emit(entry.getKey(), entry.getValue(), out);
        }
        return out;
    }

    @Override
    public String name()
    {
        return "JoinedDStream(" + name + ")";
    }
}
