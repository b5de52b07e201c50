package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.LongCountByValueOperator;
import io.sluice.internal.operator.LongFilterOperator;
import io.sluice.internal.operator.LongMapOperator;
import io.sluice.internal.operator.LongMapToPairOperator;
import io.sluice.internal.operator.LongReduceOperator;
import io.sluice.internal.window.LongWindowNode;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * The fast path's stream of {@code long}s: each batch is an off-heap long column, and its operators run one tight
 * loop over it with no boxing and no allocation per record. Every operator gives exactly what its generic twin on
 * {@code DStream<Long>} gives (named in each method's doc); {@link #boxed()} goes back to the generic API at any
 * point, materializing the boxes once per batch.
 *
 * <p>Made by {@link DStream#mapToLong}, {@link StreamingContext#longReceiverStream}, {@link TextDStream#count()} and
 * the operators here. Not a {@code DStream<Long>}: its primitive operators do not overload the generic ones, so
 * lambdas stay unambiguous. A batch is computed once per batch time and kept until the graph forgets it (as if
 * {@code cache()}d): functions run once per element even when several outputs read the stream.
 */
public final class LongDStream extends FastStream<Long>
{
    LongDStream(final StreamingContext context, final Node<Long> node)
    {
        super(context, node, ColumnLayout.LONGS);
    }

    /**
     * Generic twin: {@code DStream<Long>.map(f)}. Consecutive {@code map} and {@code filter} calls (and a
     * {@link #mapToLongPair} after them) fuse into one loop at start unless a stream between them is read twice or
     * persisted ({@code sluice.plan.fusion}); {@code f} runs once per element either way.
     */
    public LongDStream map(final LongUnaryOperator f)
    {
        return new LongDStream(context, new LongMapOperator(node, Objects.requireNonNull(f, "f")));
    }

    /**
     * Generic twin: {@code DStream<Long>.filter(p)}. Writes a selection vector; copies nothing. Fuses with the
     * {@code map} and {@code filter} calls around it as {@link #map} says.
     */
    public LongDStream filter(final LongPredicate p)
    {
        return new LongDStream(context, new LongFilterOperator(node, Objects.requireNonNull(p, "p")));
    }

    /**
     * Generic twin: {@code DStream<Long>.reduce(f)}. One element per batch, folded in element order; an empty batch
     * gives an empty batch.
     */
    public LongDStream reduce(final LongBinaryOperator f)
    {
        return new LongDStream(context, new LongReduceOperator(node, Objects.requireNonNull(f, "f")));
    }

    /**
     * Generic twin: {@code DStream<Long>.countByValue()}. (value, count) per distinct value, in order of first
     * appearance.
     */
    public LongLongPairDStream countByValue()
    {
        return new LongLongPairDStream(context, new LongCountByValueOperator(node));
    }

    /** Generic twin: {@code DStream<Long>.mapToPair(x -> Pair.of(key(x), value(x)))}. */
    public LongLongPairDStream mapToLongPair(final LongUnaryOperator key, final LongUnaryOperator value)
    {
        return new LongLongPairDStream(context, new LongMapToPairOperator(node, Objects.requireNonNull(key, "key"),
            Objects.requireNonNull(value, "value")));
    }

    /**
     * This stream on the generic API: the same batches, as {@code Long} objects (made once per batch, when a generic
     * operator or output first reads it).
     */
    public DStream<Long> boxed()
    {
        return DStream.wrap(context, node);
    }

    /** Generic twin: {@code DStream.persist()}; marks the stream's batches to be kept (windows read them). */
    public LongDStream persist()
    {
        persistNode();
        return this;
    }

    /** Same as {@link #persist()}. */
    public LongDStream cache()
    {
        return persist();
    }

    /**
     * Generic twin: {@code DStream.foreachBatch}. {@code action} gets a flyweight over the batch's column, valid only
     * during the call, on the job thread; handing it over allocates one {@link Time} per batch.
     */
    public void foreachBatch(final BiConsumer<LongBatch, Time> action)
    {
        foreachBatchView(action, new BatchFlyweights.LongFlyweight());
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----

    /**
     * Generic twin: {@code DStream<Long>.reduceByWindow(f, window, slide)}: each batch is reduced once into its pane;
     * a slide combines the window's panes. Nothing is emitted for a window without elements.
     */
    public LongDStream reduceByWindow(final LongBinaryOperator f, final Duration window, final Duration slide)
    {
        return new LongDStream(context, new LongWindowNode(node, Objects.requireNonNull(f, "f"), null,
            DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code DStream<Long>.reduceByWindow(f, inverse, window, slide)}: incremental; emits nothing until
     * the first element arrives, then the inverse's zero once every element has left. Needs a checkpoint directory.
     */
    public LongDStream reduceByWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final Duration window, final Duration slide)
    {
        return new LongDStream(context, new LongWindowNode(node, Objects.requireNonNull(f, "f"),
            Objects.requireNonNull(inverse, "inverse"), DStream.millis(window, "window"),
            DStream.millis(slide, "slide")));
    }

    /**
     * Generic twin: {@code DStream.countByWindow(window, slide)}: the elements in the window, incrementally (nothing
     * before the first element, 0 once all have left). Needs a checkpoint directory.
     */
    public LongDStream countByWindow(final Duration window, final Duration slide)
    {
        return new LongDStream(context, new LongWindowNode(node, null, (a, b) -> a - b,
            DStream.millis(window, "window"), DStream.millis(slide, "slide")));
    }
}
