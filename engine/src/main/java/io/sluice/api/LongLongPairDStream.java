package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.LongLongReduceByKeyOperator;
import io.sluice.internal.state.LongLongMapWithStateNode;
import io.sluice.internal.state.LongLongUpdateStateNode;
import io.sluice.internal.window.LongLongWindowNode;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;

/**
 * The fast path's stream of ({@code long} key, {@code long} value) pairs: each batch is two off-heap long columns;
 * keyed aggregations run on a generated primitive open-addressing map. Every operator gives exactly what its
 * generic twin on {@code PairDStream<Long, Long>} gives, element for element in the same order: keyed outputs list
 * keys in order of first appearance; incremental windows and {@code updateStateByKey} list the previous batch's keys
 * first, then new keys in order of first appearance; {@code mapWithState}'s state keeps insertion order.
 * {@link #boxed()} goes back to the generic API.
 *
 * <p>Made by {@link LongDStream#mapToLongPair}, {@link LongDStream#countByValue()},
 * {@link DStream#mapToLongPair} and the operators here. Batches are computed once per batch time and kept until the
 * graph forgets them.
 */
public final class LongLongPairDStream extends FastStream<Pair<Long, Long>>
{
    LongLongPairDStream(final StreamingContext context, final Node<Pair<Long, Long>> node)
    {
        super(context, node, ColumnLayout.LONG_LONG_PAIRS);
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.reduceByKey(f)}. One pair per distinct key, keys in order of
     * first appearance, values folded in element order. No allocation per record.
     */
    public LongLongPairDStream reduceByKey(final LongBinaryOperator f)
    {
        return new LongLongPairDStream(context, new LongLongReduceByKeyOperator(node, Objects.requireNonNull(f, "f")));
    }

    /** This stream on the generic API, as {@code Pair<Long, Long>} objects made once per batch. */
    public PairDStream<Long, Long> boxed()
    {
        return PairDStream.wrapPairs(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. */
    public LongLongPairDStream persist()
    {
        persistNode();
        return this;
    }

    /** Generic twin: {@code DStream.stateId(id)}: names this stateful stream's state for snapshots. */
    public LongLongPairDStream stateId(final String id)
    {
        DStream.nameState(context, node, id);
        return this;
    }

    /** Same as {@link #persist()}. */
    public LongLongPairDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight valid only during the call. */
    public void foreachBatch(final BiConsumer<LongLongBatch, Time> action)
    {
        foreachBatchView(action, new BatchFlyweights.LongLongFlyweight());
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----

    /** Generic twin: {@code PairDStream<Long, Long>.reduceByKeyAndWindow(f, window)}: slides with this stream. */
    public LongLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final Duration window)
    {
        return reduceByKeyAndWindow(f, window, slideDuration());
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.reduceByKeyAndWindow(f, window, slide)}. Each batch is folded once
     * into its pane (one partial aggregate per pane of gcd(window, slide)); a slide combines the window's panes,
     * never the raw records. Keys without values in the window are absent; the others are listed in order of first
     * appearance in the window. No allocation per record.
     */
    public LongLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final Duration window,
        final Duration slide)
    {
        return new LongLongPairDStream(context, LongLongWindowNode.combining(node, Objects.requireNonNull(f, "f"),
            DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.reduceByKeyAndWindow(f, inverse, window, slide)}. A slide subtracts
     * the panes leaving the window with {@code inverse} and adds those entering with {@code f}: its cost depends on
     * the keys of those panes, not on the window length. Keys are never dropped (they decay to the inverse's zero).
     * Keys of the previous window come first in their order, then keys new to the window in order of first
     * appearance. Needs a checkpoint directory. No allocation per record.
     */
    public LongLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final Duration window, final Duration slide)
    {
        return new LongLongPairDStream(context, LongLongWindowNode.incremental(node, Objects.requireNonNull(f, "f"),
            Objects.requireNonNull(inverse, "inverse"), null, DStream.millis(window, "window"),
            DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.reduceByKeyAndWindow(f, inverse, window, slide, filter)}: keeps only
     * the keys for which {@code filter} is true, applied to the window's state itself (a dropped key that comes back
     * is a new key, listed after the previous window's).
     */
    public LongLongPairDStream reduceByKeyAndWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final Duration window, final Duration slide, final LongPairPredicate filter)
    {
        return new LongLongPairDStream(context, LongLongWindowNode.incremental(node, Objects.requireNonNull(f, "f"),
            Objects.requireNonNull(inverse, "inverse"), Objects.requireNonNull(filter, "filter"),
            DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.updateStateByKey(update)}. {@code update} is called every batch for
     * every key with state or new values (Spark's rule), with the key's values of the batch in arrival order; the
     * output is the whole state: the previous state's keys in their order, then new keys in order of first
     * appearance (calls run in the same order). State lives in an off-heap map. Needs a checkpoint directory. No
     * allocation per record.
     */
    public LongLongPairDStream updateStateByKey(final LongUpdateFunction update)
    {
        return new LongLongPairDStream(context, new LongLongUpdateStateNode(node, Objects.requireNonNull(update,
            "update"), new long[0], new long[0]));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.updateStateByKey(update, initialState)}: the initial states join the
     * first batch that has data (their keys get their call with no values then, first, in the map's iteration
     * order).
     */
    public LongLongPairDStream updateStateByKey(final LongUpdateFunction update, final Map<Long, Long> initialState)
    {
        final long[][] initial = LongStateSpec.entries(Objects.requireNonNull(initialState, "initialState"));
        return new LongLongPairDStream(context, new LongLongUpdateStateNode(node, Objects.requireNonNull(update,
            "update"), initial[0], initial[1]));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.mapWithState(StateSpec.function(f))}: {@code f} is called once per
     * record, touching only the keys the batch carries. Needs a checkpoint directory. No allocation per record.
     */
    public LongMapWithStateDStream mapWithState(final LongMappingFunction f)
    {
        return mapWithState(LongStateSpec.function(f));
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.mapWithState(spec)}. With a timeout, keys idle STRICTLY longer than it
     * are timed out on checkpoint batches (every 10 batches by default), the function then seeing no value and
     * {@code state.isTimingOut()}; initial states are stored at the first batch's time. The state keeps insertion
     * order (initial states first, in the map's order; a removed key that comes back goes to the end): snapshots and
     * timeouts follow it.
     */
    public LongMapWithStateDStream mapWithState(final LongStateSpec spec)
    {
        final long[][] initial = spec.initialEntries();
        return new LongMapWithStateDStream(context, new LongLongMapWithStateNode(node, spec.function(),
            spec.timeoutMs(), initial[0], initial[1]));
    }

    /** Generic twin: {@code DStream.checkpoint(interval)}: also persists. */
    public LongLongPairDStream checkpoint(final Duration interval)
    {
        if (context.state() != StreamingContextState.INITIALIZED)
        {
            throw new UnsupportedOperationException("Cannot change checkpoint interval of a DStream after streaming "
                + "context has started; call checkpoint() before start()");
        }
        node.checkpointInterval(DStream.millis(interval, "interval"));
        return this;
    }
}
