package io.sluice.internal.window;

import io.sluice.api.Pair;
import io.sluice.api.StringLongPairPredicate;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;

import java.util.function.LongBinaryOperator;

/**
 * {@code StringLongPairDStream.reduceByKeyAndWindow} in the graph: as {@link LongLongWindowNode} (entering batches
 * folded into panes at each slide time, slides in time order exactly once, checkpoint directory needed with an
 * inverse) over a {@link StringLongPaneWindow}, which keys the panes by dictionary ids and writes keys out as bytes.
 *
 * <p>Allocates per slide (the output columns and this batch's bookkeeping), never per record. The panes are freed
 * when the context stops.
 */
public final class StringLongWindowNode extends SlidingWindowNode<Pair<String, Long>>
{
    private final StringLongPaneWindow window;

    /**
     * @param inverse {@code null} to combine panes ({@code filter} must then be null)
     * @param filter  {@code null} for none
     */
    public StringLongWindowNode(final Node<Pair<String, Long>> parent, final LongBinaryOperator f,
        final LongBinaryOperator inverse, final StringLongPairPredicate filter, final long windowMs,
        final long slideMs)
    {
        super(parent, ColumnLayout.STRING_LONG_PAIRS, windowMs, slideMs, inverse != null);
        this.window = new StringLongPaneWindow(f, inverse, filter, windowMs, slideMs, parent.slideMs());
    }

    @Override
    void add(final long batchOffsetMs, final ColumnBatch in)
    {
        window.add(batchOffsetMs, in.bytes(0), in.longs(1).address(),
            in.selection() == null ? 0 : in.selection().address(), in.size());
    }

    @Override
    ColumnBatch slideTo(final long windowEndOffsetMs)
    {
        final BytesColumn keys = BytesColumn.allocate(window.keys(), window.keyBytes());
        final LongVector values = new LongVector(Math.max(16, window.keys()));
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
