package io.sluice.api;

import io.sluice.internal.generic.CoGroupNode;
import io.sluice.internal.generic.CombineByKeyNode;
import io.sluice.internal.generic.FilterNode;
import io.sluice.internal.generic.FlatMapValuesNode;
import io.sluice.internal.generic.GroupByKeyNode;
import io.sluice.internal.generic.JoinNode;
import io.sluice.internal.generic.MapValuesNode;
import io.sluice.internal.generic.MapWithStateNode;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.generic.ReducedWindowNode;
import io.sluice.internal.generic.RepartitionNode;
import io.sluice.internal.generic.UnionNode;
import io.sluice.internal.generic.UpdateStateByKeyNode;
import io.sluice.internal.generic.WholeBatchNode;
import io.sluice.internal.generic.WindowNode;
import io.sluice.internal.graph.Node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
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

    /** As {@link DStream#stateId(String)}, keeping the pair type. */
    @Override
    public PairDStream<K, V> stateId(final String id)
    {
        super.stateId(id);
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

    /** As {@link DStream#window(Duration)}, keeping the pair operations. */
    @Override
    public PairDStream<K, V> window(final Duration window)
    {
        return window(window, slideDuration());
    }

    /** As {@link DStream#window(Duration, Duration)}, keeping the pair operations. */
    @Override
    public PairDStream<K, V> window(final Duration window, final Duration slide)
    {
        return new WindowedDStream.Pairs<>(context, new WindowNode<>(node, millis(window, "window"),
            millis(slide, "slide")));
    }

    /** {@link #groupByKeyAndWindow(Duration, Duration)} sliding with this stream's slide. */
    public PairDStream<K, List<V>> groupByKeyAndWindow(final Duration window)
    {
        return groupByKeyAndWindow(window, slideDuration());
    }

    /**
     * Every {@code slide}, each key's values in the last {@code window}, in batch order
     * ({@code groupByKey().window(window, slide)} then concatenated per key).
     */
    public PairDStream<K, List<V>> groupByKeyAndWindow(final Duration window, final Duration slide)
    {
        final Node<Pair<K, List<V>>> grouped = new WholeBatchNode<>(node, WholeBatchNode.<K, V>groupByKey());
        final WindowNode<Pair<K, List<V>>> windowed = new WindowNode<>(grouped, millis(window, "window"),
            millis(slide, "slide"));
        return wrapPairs(context, new WholeBatchNode<>(windowed, WholeBatchNode.<K, V>concatByKey()));
    }

    /** {@link #reduceByKeyAndWindow(BinaryOperator, Duration, Duration)} sliding with this stream's slide. */
    public PairDStream<K, V> reduceByKeyAndWindow(final BinaryOperator<V> f, final Duration window)
    {
        return reduceByKeyAndWindow(f, window, slideDuration());
    }

    /**
     * Every {@code slide}, each key's values in the last {@code window} combined with {@code f}
     * ({@code reduceByKey(f).window(window, slide).reduceByKey(f)}): keys without values in the window are absent.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(final BinaryOperator<V> f, final Duration window,
        final Duration slide)
    {
        Objects.requireNonNull(f, "f");
        final Node<Pair<K, V>> reduced = new ReduceByKeyNode<>(node, f);
        final WindowNode<Pair<K, V>> windowed = new WindowNode<>(reduced, millis(window, "window"),
            millis(slide, "slide"));
        return wrapPairs(context, new ReduceByKeyNode<>(windowed, f));
    }

    /**
     * As {@link #reduceByKeyAndWindow(BinaryOperator, Duration, Duration)}, computed incrementally from the previous
     * window: {@code inverse} removes the batches leaving it ({@code inverse(f(a, b), b) == a}). Keys are never
     * dropped: once seen, a key is emitted every slide, decaying to the inverse's zero. Needs a checkpoint directory.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(final BinaryOperator<V> f, final BinaryOperator<V> inverse,
        final Duration window, final Duration slide)
    {
        return reducedWindow(f, inverse, window, slide, null);
    }

    /**
     * As {@link #reduceByKeyAndWindow(BinaryOperator, BinaryOperator, Duration, Duration)}, keeping only the keys for
     * which {@code filter} is true (applied to the window's state itself, so a dropped key starts again from its new
     * values). {@code filter} must only drop keys with no values left in the window.
     */
    public PairDStream<K, V> reduceByKeyAndWindow(final BinaryOperator<V> f, final BinaryOperator<V> inverse,
        final Duration window, final Duration slide, final BiPredicate<K, V> filter)
    {
        return reducedWindow(f, inverse, window, slide, Objects.requireNonNull(filter, "filter"));
    }

    private PairDStream<K, V> reducedWindow(final BinaryOperator<V> f, final BinaryOperator<V> inverse,
        final Duration window, final Duration slide, final BiPredicate<K, V> filter)
    {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(inverse, "inverse");
        final long windowMs = millis(window, "window");
        final long slideMs = millis(slide, "slide");
        return wrapPairs(context, new ReducedWindowNode<>(new ReduceByKeyNode<>(node, f), f, inverse, windowMs,
            slideMs, filter));
    }

    /**
     * Keeps a state per key across batches: every batch {@code update} is called for every key that has a state or
     * values, with this batch's values (an empty list if none) and the previous state; an empty result removes the
     * key. Emits the whole state every batch, also when this stream produced no batch. Needs a checkpoint directory.
     */
    public <S> PairDStream<K, S> updateStateByKey(final BiFunction<List<V>, Optional<S>, Optional<S>> update)
    {
        return updateStateByKey(update, Map.of());
    }

    /** As {@link #updateStateByKey(BiFunction)}, the keys starting with {@code initialState} (seen in batch 1). */
    public <S> PairDStream<K, S> updateStateByKey(final BiFunction<List<V>, Optional<S>, Optional<S>> update,
        final Map<K, S> initialState)
    {
        Objects.requireNonNull(update, "update");
        return updateStateByKey((time, key, values, state) -> update.apply(values, state), initialState);
    }

    /** As {@link #updateStateByKey(BiFunction, Map)}, {@code update} also getting the batch time and the key. */
    public <S> PairDStream<K, S> updateStateByKey(
        final QuadFunction<Time, K, List<V>, Optional<S>, Optional<S>> update, final Map<K, S> initialState)
    {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(initialState, "initialState");
        return wrapPairs(context, new UpdateStateByKeyNode<>(node, update, new LinkedHashMap<>(initialState)));
    }

    /**
     * Keeps a state per key and maps every record with it: the spec's function is called once per record (in batch
     * order, each call seeing the previous call's update) and for keys timing out; the returned stream holds the
     * records it returned in each batch, {@link MapWithStateDStream#stateSnapshots()} the whole state. Needs a
     * checkpoint directory; idle keys time out on checkpoint batches (default every 10 batches).
     */
    public <S, R> MapWithStateDStream<K, V, S, R> mapWithState(final StateSpec<K, V, S, R> spec)
    {
        Objects.requireNonNull(spec, "spec");
        return MapWithStateDStream.create(context, new MapWithStateNode<>(node, spec.mappingFunction(),
            spec.initialStateMap(), spec.timeoutMs()));
    }

}
