package io.sluice.internal.window;

import io.sluice.api.LongPairPredicate;
import io.sluice.api.StringLongPairPredicate;
import io.sluice.internal.aggregate.TextKeyIds;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.state.SelectedRows;
import org.agrona.UnsafeApi;

import java.util.function.LongBinaryOperator;

/**
 * {@code StringLongPairDStream.reduceByKeyAndWindow} (all four forms) on text keys: each key is turned into a dense id
 * by a {@link TextKeyIds} dictionary (hashed and compared as UTF-8 bytes, never a String), the long-keyed pane window
 * ({@link LongLongReducedWindowOperator} with an inverse, {@link LongLongWindowedReduceOperator} without) runs on the
 * ids, and a slide writes the window's keys back out as bytes. Output order is the long-keyed window's order of ids.
 *
 * <p>Keys are forgotten: after a slide to pane {@code e}, a key whose last record was in a pane before the window
 * ({@code < e - W}; every such pane has been cleared from the ring) and that the window did not emit has its id and
 * bytes released, so the dictionary holds the keys of the window and its panes, no more (an inverse window without a
 * filter keeps every key it ever saw, decayed to zero, exactly as its generic twin does).
 *
 * <p>Lifecycle as {@link LongLongReducedWindowOperator}: {@link #add} for the batches entering a slide, then
 * {@link #slide}; one job thread; {@link #close()} frees the off-heap panes. Steady state allocates nothing.
 */
public final class StringLongPaneWindow implements WindowState, AutoCloseable
{
    private final PaneRingDescriptor geometry;
    private final LongLongPaneWindow window;
    private final TextKeyIds ids = new TextKeyIds();
    private final LongVector outIds = new LongVector(16);

    /**
     * @param inverse {@code null} to combine panes (no filter then)
     * @param filter  {@code null} for none
     */
    public StringLongPaneWindow(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final StringLongPairPredicate filter, final long windowMs, final long slideMs, final long parentSlideMs)
    {
        this.geometry = new PaneRingDescriptor(windowMs, slideMs, parentSlideMs);
        this.window = inverse == null ? new LongLongWindowedReduceOperator(f, windowMs, slideMs, parentSlideMs)
            : new LongLongReducedWindowOperator(f, inverse, filter == null ? null : idFilter(filter), windowMs,
                slideMs, parentSlideMs);
    }

    private LongPairPredicate idFilter(final StringLongPairPredicate filter)
    {
        final Utf8View view = new Utf8View();
        return (id, value) -> filter.test(ids.view((int)id, view), value);
    }

    /**
     * Folds the parent's batch at {@code batchOffsetMs} ({@code > 0}) into its pane: {@code count} rows of the key
     * column and the long values at {@code valuesAddress}, named by the int selection at {@code selectionAddress}
     * (0: rows 0 to count - 1).
     */
    public void add(final long batchOffsetMs, final BytesColumn keys, final long valuesAddress,
        final long selectionAddress, final int count)
    {
        final long pane = geometry.paneOf(batchOffsetMs);
        if (!geometry.isInSomeWindow(pane))
        {
            return;
        }
        for (int i = 0; i < count; i++)
        {
            final long row = SelectedRows.row(selectionAddress, i);
            window.addOne(batchOffsetMs, ids.idOfRow(keys, row, pane), UnsafeApi.getLong(valuesAddress + (row << 3)));
        }
    }

    /** Key bytes the dictionary holds: an upper bound of the next slide's output key bytes. */
    public int keyBytes()
    {
        return ids.keyBytes();
    }

    /** Keys the dictionary holds (those of the window and of its panes). */
    public int keys()
    {
        return ids.size();
    }

    /**
     * Slides to the window ending at {@code windowEndOffsetMs} and appends its pairs to the two columns; returns how
     * many. Then releases the keys that left the window and every pane.
     *
     * @throws IllegalStateException as {@link LongLongReducedWindowOperator#slide}
     */
    public int slide(final long windowEndOffsetMs, final BytesColumn outKeys, final LongVector outValues)
    {
        outIds.clear();
        final int n = window.slide(windowEndOffsetMs, outIds, outValues);
        ids.write(outIds, n, outKeys);
        ids.releaseUnwritten(geometry.windowFrom(geometry.endPane(windowEndOffsetMs)));
        return n;
    }

    /**
     * Writes the window for a state snapshot: the key dictionary exactly ({@link TextKeyIds#writeTo}: ids, last
     * uses, free list), then the id-keyed window ({@link LongLongPaneWindow#writeState}). Between slides only.
     */
    @Override
    public void writeState(final java.io.DataOutput out) throws java.io.IOException
    {
        ids.writeTo(out);
        window.writeState(out);
    }

    /** Replaces this fresh window's state with what {@link #writeState} wrote; it then slides as the writer would. */
    @Override
    public void readState(final java.io.DataInput in) throws java.io.IOException
    {
        ids.readFrom(in);
        window.readState(in);
    }

    @Override
    public void close()
    {
        window.close();
        outIds.close();
    }
}
