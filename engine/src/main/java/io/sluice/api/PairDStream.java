package io.sluice.api;

import io.sluice.internal.generic.MapWithStateNode;
import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.generic.ReducedWindowNode;
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
