package io.sluice.internal.window;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.LongReduceOperator;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongBinaryOperator;

/**
 * {@code LongDStream.reduceByWindow} and {@code countByWindow}: each entering batch is reduced to one value (its
 * count for countByWindow; nothing for an empty batch) and folded, under one key, into the panes of a
 * {@link LongLongPaneWindow}; a slide emits the window's value, or nothing while the window has never had one
 * (Spark: {@code reduce(f).window.reduce(f)}, or keyed {@code reduceByKeyAndWindow(f, inverse)} with the inverse, so
 * countByWindow emits nothing before the first element and 0 once every element has left).
 *
 * <p>Allocates per slide, never per record; panes freed when the context stops.
 */
public final class LongWindowNode extends Node<Long>
{
    private static final long KEY = 1;

    private final Node<Long> parent;
    private final LongLongPaneWindow window;
    private final LongBinaryOperator f;
    private final long windowMs;
    private final long slideMs;
    private final boolean isIncremental;
    private final LongVector scratchKeys = new LongVector(1);
    private long lastSlideMs = Long.MIN_VALUE;

    /**
     * @param f       the reduce function; {@code null} to count elements (countByWindow)
     * @param inverse {@code null} to combine panes
     */
    public LongWindowNode(final Node<Long> parent, final LongBinaryOperator f, final LongBinaryOperator inverse,
        final long windowMs, final long slideMs)
    {
        super(parent.graph(), List.of(parent));
        WindowChecks.requireMultiples(inverse == null ? "WindowedDStream" : "ReducedWindowedDStream", parent,
            windowMs, slideMs);
        this.parent = parent;
        this.f = f;
        final LongBinaryOperator combine = f == null ? Long::sum : f;
        this.window = inverse == null
            ? new LongLongWindowedReduceOperator(combine, windowMs, slideMs, parent.slideMs())
            : new LongLongReducedWindowOperator(combine, inverse, null, windowMs, slideMs, parent.slideMs());
        this.windowMs = windowMs;
        this.slideMs = slideMs;
        this.isIncremental = inverse != null;
        persist();
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
    protected BatchData<Long> compute(final long time)
    {
        final AtomicReference<BatchData<Long>> previous = new AtomicReference<>(getOrCompute(time - slideMs));
        final List<BatchData<Long>> entering = WindowChecks.enteringBatches(parent, time, Math.min(windowMs, slideMs));
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> slide(time, previous, entering));
    }

    private ColumnBatch slide(final long time, final AtomicReference<BatchData<Long>> previous,
        final List<BatchData<Long>> entering)
    {
        final BatchData<Long> before = previous.getAndSet(null);
        if (before != null && lastSlideMs < time - slideMs)
        {
            before.columns(ColumnLayout.LONGS);
        }
        synchronized (window)
        {
            final long zero = graph.zeroTime();
            for (final BatchData<Long> batch : entering)
            {
                final ColumnBatch in = batch.columns(ColumnLayout.LONGS);
                final int size = in.size();
                if (size > 0)
                {
                    window.addOne(batch.timeMs() - zero, KEY, f == null ? size : reduce(in, size));
                }
            }
            entering.clear();
            final LongVector values = new LongVector(1);
            scratchKeys.clear();
            window.slide(time - zero, scratchKeys, values);
            lastSlideMs = time;
            return ColumnBatch.of(values);
        }
    }

    private long reduce(final ColumnBatch in, final int size)
    {
        final long address = in.longs(0).address();
        return in.selection() == null ? LongReduceOperator.fold(address, size, f)
            : LongReduceOperator.foldSelected(address, in.selection().address(), size, f);
    }

    @Override
    protected void releaseResources()
    {
        synchronized (window)
        {
            window.close();
            scratchKeys.close();
        }
    }
}
