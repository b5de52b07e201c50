package io.sluice.internal.window;

import io.sluice.api.Pair;
import io.sluice.api.StringLongPairPredicate;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongBinaryOperator;

/**
 * {@code StringLongPairDStream.reduceByKeyAndWindow} in the graph: as {@link LongLongWindowNode} (entering batches
 * folded into panes at each slide time, slides in time order exactly once, checkpoint directory needed with an
 * inverse) over a {@link StringLongPaneWindow}, which keys the panes by dictionary ids and writes keys out as bytes.
 *
 * <p>Allocates per slide (the output columns and this batch's bookkeeping), never per record. The panes are freed
 * when the context stops.
 */
public final class StringLongWindowNode extends Node<Pair<String, Long>>
{
    private final Node<Pair<String, Long>> parent;
    private final StringLongPaneWindow window;
    private final long windowMs;
    private final long slideMs;
    private final boolean isIncremental;
    private long lastSlideMs = Long.MIN_VALUE;

    /**
     * @param inverse {@code null} to combine panes ({@code filter} must then be null)
     * @param filter  {@code null} for none
     */
    public StringLongWindowNode(final Node<Pair<String, Long>> parent, final LongBinaryOperator f,
        final LongBinaryOperator inverse, final StringLongPairPredicate filter, final long windowMs,
        final long slideMs)
    {
        super(parent.graph(), List.of(parent));
        WindowChecks.requireMultiples(inverse == null ? "WindowedDStream" : "ReducedWindowedDStream", parent,
            windowMs, slideMs);
        this.parent = parent;
        this.window = new StringLongPaneWindow(f, inverse, filter, windowMs, slideMs, parent.slideMs());
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
    protected BatchData<Pair<String, Long>> compute(final long time)
    {
        final AtomicReference<BatchData<Pair<String, Long>>> previous =
            new AtomicReference<>(getOrCompute(time - slideMs));
        final List<BatchData<Pair<String, Long>>> entering = WindowChecks.enteringBatches(parent, time,
            Math.min(windowMs, slideMs));
        return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS, () -> slide(time, previous, entering));
    }

    private ColumnBatch slide(final long time, final AtomicReference<BatchData<Pair<String, Long>>> previous,
        final List<BatchData<Pair<String, Long>>> entering)
    {
        final BatchData<Pair<String, Long>> before = previous.getAndSet(null);
        if (before != null && lastSlideMs < time - slideMs)
        {
            before.columns(ColumnLayout.STRING_LONG_PAIRS);
        }
        synchronized (window)
        {
            final long zero = graph.zeroTime();
            for (final BatchData<Pair<String, Long>> batch : entering)
            {
                final ColumnBatch in = batch.columns(ColumnLayout.STRING_LONG_PAIRS);
                window.add(batch.timeMs() - zero, in.bytes(0), in.longs(1).address(),
                    in.selection() == null ? 0 : in.selection().address(), in.size());
            }
            entering.clear();
            final BytesColumn keys = BytesColumn.allocate(window.keys(), window.keyBytes());
            final LongVector values = new LongVector(Math.max(16, window.keys()));
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
