package io.sluice.internal.window;

import io.sluice.api.LongPairPredicate;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;

import java.util.Objects;
import java.util.function.LongBinaryOperator;

/**
 * {@code LongLongPairDStream.reduceByKeyAndWindow} in the graph: at each slide time it folds the parent batches that
 * entered the window into their panes and slides a {@link LongLongPaneWindow} (with an inverse: Spark's
 * {@code ReducedWindowedDStream}, needs a checkpoint directory; without: {@code reduceByKey.window.reduceByKey}).
 * Slides run in time order exactly once: a batch forces the previous slide's batch first if no job read it.
 *
 * <p>Allocates per slide (the output columns and this batch's bookkeeping), never per record. The panes are freed
 * when the context stops.
 */
public final class LongLongWindowNode extends SlidingWindowNode<Pair<Long, Long>>
{
    private final LongLongPaneWindow window;

    private LongLongWindowNode(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f,
        final LongBinaryOperator inverse, final LongPairPredicate filter, final long windowMs, final long slideMs)
    {
        super(parent, ColumnLayout.LONG_LONG_PAIRS, windowMs, slideMs, inverse != null);
        this.window = inverse == null
            ? new LongLongWindowedReduceOperator(f, windowMs, slideMs, parent.slideMs())
            : new LongLongReducedWindowOperator(f, inverse, filter, windowMs, slideMs, parent.slideMs());
    }

    /** With an inverse; {@code filter} may be null. */
    public static LongLongWindowNode incremental(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f,
        final LongBinaryOperator inverse, final LongPairPredicate filter, final long windowMs, final long slideMs)
    {
        return new LongLongWindowNode(parent, f, Objects.requireNonNull(inverse, "inverse"), filter, windowMs,
            slideMs);
    }

    /** Without an inverse: each slide combines the window's panes. */
    public static LongLongWindowNode combining(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f,
        final long windowMs, final long slideMs)
    {
        return new LongLongWindowNode(parent, f, null, null, windowMs, slideMs);
    }

    @Override
    void add(final long batchOffsetMs, final ColumnBatch in)
    {
        window.add(batchOffsetMs, in.longs(0).address(), in.longs(1).address(),
            in.selection() == null ? 0 : in.selection().address(), in.size());
    }

    @Override
    ColumnBatch slideTo(final long windowEndOffsetMs)
    {
        final LongVector keys = new LongVector(16);
        final LongVector values = new LongVector(16);
        window.slide(windowEndOffsetMs, keys, values);
        return ColumnBatch.of(keys, values);
    }

    @Override
    WindowState panes()
    {
        return window;
    }

    @Override
    void closeWindow()
    {
        window.close();
    }
}
