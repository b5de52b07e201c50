package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.StringLongReduceByKeyOperator;
import io.sluice.internal.state.StringLongMapWithStateNode;
import io.sluice.internal.state.StringLongUpdateStateNode;
import io.sluice.internal.window.StringLongWindowNode;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;

/**
 * The fast path's stream of (text key, {@code long} value) pairs: keys in an off-heap UTF-8 bytes column, values
 * in a long column; keys are hashed and compared as bytes and become Strings only at output or in
 * {@link #boxed()}. Every operator gives exactly what its generic twin on {@code PairDStream<String, Long>} gives,
 * in the same order (keyed outputs in order of first appearance; windows and state as the ordering contract says).
 */
public final class StringLongPairDStream extends FastStream<Pair<String, Long>>
{
    StringLongPairDStream(final StreamingContext context, final Node<Pair<String, Long>> node)
    {
        super(context, node, ColumnLayout.STRING_LONG_PAIRS);
    }

    /** Generic twin: {@code PairDStream<String, Long>.reduceByKey(f)}. */
    public StringLongPairDStream reduceByKey(final LongBinaryOperator f)
    {
        return new StringLongPairDStream(context, new StringLongReduceByKeyOperator(node, Objects.requireNonNull(f, "f")));
    }

    /** This stream on the generic API, as {@code Pair<String, Long>} objects made once per batch. */
    public PairDStream<String, Long> boxed()
    {
        return PairDStream.wrapPairs(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. */
    public StringLongPairDStream persist()
    {
        persistNode();
        return this;
    }

    /** Generic twin: {@code DStream.stateId(id)}: names this stateful stream's state for snapshots. */
    public StringLongPairDStream stateId(final String id)
    {
        DStream.nameState(context, node, id);
        return this;
    }

    /** Same as {@link #persist()}. */
    public StringLongPairDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight valid only during the call. */
    public void foreachBatch(final BiConsumer<StringLongBatch, Time> action)
    {
        foreachBatchView(action, new BatchFlyweights.StringLongFlyweight());
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----

    /** Generic twin: {@code PairDStream<String, Long>.reduceByKeyAndWindow(f, window)}: slides with this stream. */
    public StringLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final Duration window)
    {
        return reduceByKeyAndWindow(f, window, slideDuration());
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.reduceByKeyAndWindow(f, window, slide)}. Keys become dense ids in
     * a dictionary (hashed and compared as bytes); each batch is folded once into its pane, and a slide combines the
     * window's panes, never the raw records. Keys without values in the window are absent, and keys that left the
     * window and all its panes are forgotten (their ids and bytes reused). No allocation per record.
     */
    public StringLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final Duration window,
        final Duration slide)
    {
        return new StringLongPairDStream(context, new StringLongWindowNode(node, Objects.requireNonNull(f, "f"), null,
            null, DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.reduceByKeyAndWindow(f, inverse, window, slide)}. A slide
     * subtracts the panes leaving the window with {@code inverse} and adds those entering with {@code f}: its cost
     * depends on the keys of those panes, not on the window length. Keys are never dropped (they decay to the
     * inverse's zero), so the key set grows with the distinct keys seen, as in the generic twin; use the filter form
     * to bound it. Needs a checkpoint directory. No allocation per record.
     */
    public StringLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final Duration window, final Duration slide)
    {
        return new StringLongPairDStream(context, new StringLongWindowNode(node, Objects.requireNonNull(f, "f"),
            Objects.requireNonNull(inverse, "inverse"), null, DStream.millis(window, "window"),
            DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.reduceByKeyAndWindow(f, inverse, window, slide, filter)}: keeps
     * only the keys for which {@code filter} is true, applied to the window's state itself; a dropped key that has
     * left every pane is forgotten (its id and bytes reused), so with a filter such as {@code (k, v) -> v != 0} memory
     * follows the keys of the window. {@code filter}'s key is a flyweight view valid only during the call (see
     * {@link StringLongPairPredicate}).
     */
    public StringLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final Duration window, final Duration slide, final StringLongPairPredicate filter)
    {
        return new StringLongPairDStream(context, new StringLongWindowNode(node, Objects.requireNonNull(f, "f"),
            Objects.requireNonNull(inverse, "inverse"), Objects.requireNonNull(filter, "filter"),
            DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.updateStateByKey(update)}. {@code update} is called every batch for
     * every key with state or new values (Spark's rule), with the key's values of the batch in arrival order and the
     * key as a flyweight view valid only during the call (see {@link StringUpdateFunction}); the output is the whole
     * state. Keys are dictionary ids (hashed and compared as bytes) on the long-keyed state map; a key that ends a
     * batch without state is forgotten. Needs a checkpoint directory. No allocation per record.
     */
    public StringLongPairDStream updateStateByKey(final StringUpdateFunction update)
    {
        return new StringLongPairDStream(context, new StringLongUpdateStateNode(node, Objects.requireNonNull(update,
            "update")));
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.mapWithState(StateSpec.function(f))} with long results:
     * {@code f} is called once per record, touching only the keys the batch carries, the key a flyweight view valid
     * only during the call (see {@link StringMappingFunction}). Needs a checkpoint directory. No allocation per
     * record.
     */
    public StringMapWithStateDStream mapWithState(final StringMappingFunction f)
    {
        return mapWithState(StringStateSpec.function(f));
    }

    /**
     * Generic twin: {@code PairDStream<String, Long>.mapWithState(spec)}. With a timeout, keys idle STRICTLY longer
     * than it are timed out on checkpoint batches (every 10 batches by default), the function then seeing no value
     * and {@code state.isTimingOut()}; initial states are stored at the first batch's time. A key that ends a batch
     * without state is forgotten (its id and bytes reused).
     */
    public StringMapWithStateDStream mapWithState(final StringStateSpec spec)
    {
        Objects.requireNonNull(spec, "spec");
        return new StringMapWithStateDStream(context, new StringLongMapWithStateNode(node, spec.function(),
            spec.timeoutMs(), spec.initialKeys(), spec.initialValues()));
    }
}
