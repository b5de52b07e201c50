package io.sluice.internal.window;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.LongReduceOperator;

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
public final class LongWindowNode extends SlidingWindowNode<Long>
{
    private static final long KEY = 1;

    private final LongLongPaneWindow window;
    private final LongBinaryOperator f;
    private final LongVector scratchKeys = new LongVector(1);

    /**
     * @param f       the reduce function; {@code null} to count elements (countByWindow)
     * @param inverse {@code null} to combine panes
     */
    public LongWindowNode(final Node<Long> parent, final LongBinaryOperator f, final LongBinaryOperator inverse,
        final long windowMs, final long slideMs)
    {
        super(parent, ColumnLayout.LONGS, windowMs, slideMs, inverse != null);
        this.f = f;
        final LongBinaryOperator combine = f == null ? Long::sum : f;
        this.window = inverse == null
            ? new LongLongWindowedReduceOperator(combine, windowMs, slideMs, parent.slideMs())
            : new LongLongReducedWindowOperator(combine, inverse, null, windowMs, slideMs, parent.slideMs());
    }

    @Override
    void add(final long batchOffsetMs, final ColumnBatch in)
    {
        final int size = in.size();
        if (size > 0)
        {
            window.addOne(batchOffsetMs, KEY, f == null ? size : reduce(in, size));
        }
    }

    @Override
    ColumnBatch slideTo(final long windowEndOffsetMs)
    {
        final LongVector values = new LongVector(1);
        scratchKeys.clear();
        window.slide(windowEndOffsetMs, scratchKeys, values);
        return ColumnBatch.of(values);
    }

    private long reduce(final ColumnBatch in, final int size)
    {
        final long address = in.longs(0).address();
        return in.selection() == null ? LongReduceOperator.fold(address, size, f)
            : LongReduceOperator.foldSelected(address, in.selection().address(), size, f);
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
        scratchKeys.close();
    }
}
