package io.sluice.internal.window;

import io.sluice.api.LongPairPredicate;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
public final class LongLongWindowNode extends Node<Pair<Long, Long>>
{
    private final Node<Pair<Long, Long>> parent;
    private final LongLongPaneWindow window;
    private final long windowMs;
    private final long slideMs;
    private final boolean isIncremental;
    private long lastSlideMs = Long.MIN_VALUE;

    private LongLongWindowNode(final Node<Pair<Long, Long>> parent, final LongLongPaneWindow window,
        final long windowMs, final long slideMs, final boolean isIncremental)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.window = window;
        this.windowMs = windowMs;
        this.slideMs = slideMs;
        this.isIncremental = isIncremental;
        persist();
    }

    /** With an inverse; {@code filter} may be null. */
    public static LongLongWindowNode incremental(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f,
        final LongBinaryOperator inverse, final LongPairPredicate filter, final long windowMs, final long slideMs)
    {
        WindowChecks.requireMultiples("ReducedWindowedDStream", parent, windowMs, slideMs);
        return new LongLongWindowNode(parent, new LongLongReducedWindowOperator(f, inverse, filter, windowMs, slideMs,
            parent.slideMs()), windowMs, slideMs, true);
    }

    /** Without an inverse: each slide combines the window's panes. */
    public static LongLongWindowNode combining(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f,
        final long windowMs, final long slideMs)
    {
        WindowChecks.requireMultiples("WindowedDStream", parent, windowMs, slideMs);
        return new LongLongWindowNode(parent, new LongLongWindowedReduceOperator(f, windowMs, slideMs,
            parent.slideMs()), windowMs, slideMs, false);
    }

    @Override
    public long slideMs()
    {
        return slideMs;
    }

    @Override
    public boolean mustCheckpoint()
    {
        return isIncremental;
    }

    @Override
    protected long parentRememberExtraMs()
    {
        return windowMs;
    }

    @Override
    public String name()
    {
        return isIncremental ? "ReducedWindowedDStream" : "WindowedDStream";
    }

    @Override
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final AtomicReference<BatchData<Pair<Long, Long>>> previous =
            new AtomicReference<>(getOrCompute(time - slideMs));
        final List<BatchData<Pair<Long, Long>>> entering = WindowChecks.enteringBatches(parent, time,
            Math.min(windowMs, slideMs));
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS, () -> slide(time, previous, entering));
    }

    private ColumnBatch slide(final long time, final AtomicReference<BatchData<Pair<Long, Long>>> previous,
        final List<BatchData<Pair<Long, Long>>> entering)
    {
        final BatchData<Pair<Long, Long>> before = previous.getAndSet(null);
        if (before != null && lastSlideMs < time - slideMs)
        {
            before.columns(ColumnLayout.LONG_LONG_PAIRS);
        }
        synchronized (window)
        {
            final long zero = graph.zeroTime();
            for (final BatchData<Pair<Long, Long>> batch : entering)
            {
                final ColumnBatch in = batch.columns(ColumnLayout.LONG_LONG_PAIRS);
                window.add(batch.timeMs() - zero, in.longs(0).address(), in.longs(1).address(),
                    in.selection() == null ? 0 : in.selection().address(), in.size());
            }
            entering.clear();
            final LongVector keys = new LongVector(16);
            final LongVector values = new LongVector(16);
            window.slide(time - zero, keys, values);
            lastSlideMs = time;
            return ColumnBatch.of(keys, values);
        }
    }

    @Override
    protected void releaseResources()
    {
        synchronized (window)
        {
            window.close();
        }
    }
}
