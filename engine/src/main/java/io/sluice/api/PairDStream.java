package io.sluice.api;

import io.sluice.internal.generic.CoGroupNode;
import io.sluice.internal.generic.CombineByKeyNode;
import io.sluice.internal.generic.FilterNode;
import io.sluice.internal.generic.FlatMapValuesNode;
import io.sluice.internal.generic.GroupByKeyNode;
import io.sluice.internal.generic.JoinNode;
import io.sluice.internal.generic.MapValuesNode;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.generic.RepartitionNode;
import io.sluice.internal.generic.UnionNode;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A stream of key-value {@link Pair}s with Spark's pair operations. Keyed aggregations emit one partition, keys in
 * the order they first appear in the batch.
 */
public abstract class PairDStream<K, V> extends DStream<Pair<K, V>>
{
    PairDStream(final StreamingContext context, final Node<Pair<K, V>> node)
    {
        super(context, node);
    }

    static <K, V> PairDStream<K, V> wrapPairs(final StreamingContext context, final Node<Pair<K, V>> node)
    {
        return new GenericPairDStream<>(context, node);
    }

    /** The pair stream's own implementation, for classes of this package. */
    static final class GenericPairDStream<K, V> extends PairDStream<K, V>
    {
        GenericPairDStream(final StreamingContext context, final Node<Pair<K, V>> node)
        {
            super(context, node);
        }
    }

    /** Combines the values of each key within each batch with {@code f} (associative). */
    public PairDStream<K, V> reduceByKey(final BinaryOperator<V> f)
    {
        return wrapPairs(context, new ReduceByKeyNode<>(node, Objects.requireNonNull(f, "f")));
    }

    // ---- per-batch operators (issue 3a: element, per-batch, multi-parent, caching) ----

    /** As {@link DStream#cache()}, keeping the pair type. */
    @Override
    public PairDStream<K, V> cache()
    {
        super.cache();
        return this;
    }

    /** As {@link DStream#persist()}, keeping the pair type. */
    @Override
    public PairDStream<K, V> persist()
    {
        super.persist();
        return this;
    }

    /** As {@link DStream#filter}, keeping the pair type. */
    @Override
    public PairDStream<K, V> filter(final Predicate<? super Pair<K, V>> p)
    {
        return wrapPairs(context, new FilterNode<>(node, Objects.requireNonNull(p, "p")));
    }

    /** As {@link DStream#repartition}, keeping the pair type. */
    @Override
    public PairDStream<K, V> repartition(final int numPartitions)
    {
        return wrapPairs(context, new RepartitionNode<>(node, numPartitions));
    }

    /** As {@link DStream#union}, keeping the pair type. */
    @Override
    public PairDStream<K, V> union(final DStream<Pair<K, V>> other)
    {
        Objects.requireNonNull(other, "other");
        return wrapPairs(context, new UnionNode<>(List.of(node, other.node)));
    }

    /** Maps each value, keeping its key and the partitioning. */
    public <W> PairDStream<K, W> mapValues(final Function<? super V, ? extends W> f)
    {
        return wrapPairs(context, new MapValuesNode<>(node, Objects.requireNonNull(f, "f")));
    }

    /** One pair {@code (key, w)} for each {@code w} of {@code f(value)}, in order; partitioning kept. */
    public <W> PairDStream<K, W> flatMapValues(final Function<? super V, ? extends Iterable<? extends W>> f)
    {
        return wrapPairs(context, new FlatMapValuesNode<>(node, Objects.requireNonNull(f, "f")));
    }

    /**
     * The values of each key within each batch, in arrival order: one partition, keys in order of first appearance.
     * The value lists are unmodifiable.
     */
    public PairDStream<K, List<V>> groupByKey()
    {
        return wrapPairs(context, new GroupByKeyNode<>(node));
    }

    /**
     * Combines the values of each key within each batch, as Spark does: per partition, {@code create} takes a key's
     * first value and {@code merge} each later one; {@code mergeCombiners} then joins the partitions' combiners in
     * partition order. One partition, keys in order of first appearance.
     */
    public <C> PairDStream<K, C> combineByKey(final Function<V, C> create, final BiFunction<C, V, C> merge,
        final BinaryOperator<C> mergeCombiners)
    {
        return wrapPairs(context, new CombineByKeyNode<>(node, Objects.requireNonNull(create, "create"),
            Objects.requireNonNull(merge, "merge"), Objects.requireNonNull(mergeCombiners, "mergeCombiners")));
    }

    /**
     * Joins each batch with {@code other}'s batch of the same time (no buffering across batches): {@code (k, (v, w))}
     * for every value pair of a key present in both. One partition, keys in order of first appearance (this stream's
     * batch first). Same slide required ({@link IllegalArgumentException}); a missing batch on either side at a valid
     * time fails the batch ({@link SluiceException}).
     */
    public <W> PairDStream<K, Pair<V, W>> join(final PairDStream<K, W> other)
    {
        return wrapPairs(context, JoinNode.inner(node, Objects.requireNonNull(other, "other").node));
    }

    /** As {@link #join}, keeping every value of this stream; {@code Optional.empty()} where other lacks the key. */
    public <W> PairDStream<K, Pair<V, Optional<W>>> leftOuterJoin(final PairDStream<K, W> other)
    {
        return wrapPairs(context, JoinNode.leftOuter(node, Objects.requireNonNull(other, "other").node));
    }

    /** As {@link #join}, keeping every value of {@code other}; {@code Optional.empty()} where the key has none here. */
    public <W> PairDStream<K, Pair<Optional<V>, W>> rightOuterJoin(final PairDStream<K, W> other)
    {
        return wrapPairs(context, JoinNode.rightOuter(node, Objects.requireNonNull(other, "other").node));
    }

    /** As {@link #join}, keeping every value of both sides; the missing side is {@code Optional.empty()}. */
    public <W> PairDStream<K, Pair<Optional<V>, Optional<W>>> fullOuterJoin(final PairDStream<K, W> other)
    {
        return wrapPairs(context, JoinNode.fullOuter(node, Objects.requireNonNull(other, "other").node));
    }

    /**
     * For every key in either batch of the same time, {@code (key, (values here, values in other))}; one side may be
     * empty. Same rules as {@link #join}.
     */
    public <W> PairDStream<K, Pair<List<V>, List<W>>> cogroup(final PairDStream<K, W> other)
    {
        return wrapPairs(context, new CoGroupNode<>(node, Objects.requireNonNull(other, "other").node));
    }

    // ---- windowed and stateful operators (issue 3b: windows, slice, updateStateByKey, mapWithState, checkpoint) ----

}
