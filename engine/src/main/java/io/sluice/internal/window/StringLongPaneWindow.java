package io.sluice.internal.window;

import io.sluice.api.LongPairPredicate;
import io.sluice.api.StringLongPairPredicate;
import io.sluice.internal.aggregate.BytesKeyDictionary;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.BytesColumnDescriptor;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.state.SelectedRows;
import org.agrona.UnsafeApi;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * {@code StringLongPairDStream.reduceByKeyAndWindow} (all four forms) on text keys: each key is turned into a dense id
 * by a {@link BytesKeyDictionary} (hashed and compared as UTF-8 bytes, never a String), the long-keyed pane window
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
public final class StringLongPaneWindow implements AutoCloseable
{
    private final PaneRingDescriptor geometry;
    private final LongLongPaneWindow window;
    private final BytesKeyDictionary dictionary = new BytesKeyDictionary(1024);
    private final LongVector outIds = new LongVector(16);
    private long[] lastPane = new long[1024];
    /** The slide (counted from 1) that last emitted each id; 0: none. */
    private long[] emittedAt = new long[1024];
    private long slides;

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
        return (id, value) -> filter.test(dictionary.view((int)id, view), value);
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
        final BytesKeyDictionary dictionary = this.dictionary;
        final long dataAddress = keys.dataAddress();
        final long slots = keys.slots().address();
        for (int i = 0; i < count; i++)
        {
            final long row = SelectedRows.row(selectionAddress, i);
            final long slot = UnsafeApi.getLong(slots + (row << 3));
            final int id = dictionary.idOf(dataAddress + BytesColumnDescriptor.offset(slot),
                BytesColumnDescriptor.length(slot));
            if (id >= lastPane.length)
            {
                grow(dictionary.idLimit());
            }
            lastPane[id] = pane;
            window.addOne(batchOffsetMs, id, UnsafeApi.getLong(valuesAddress + (row << 3)));
        }
    }

    private void grow(final int ids)
    {
        final int n = Math.max(ids, lastPane.length << 1);
        lastPane = Arrays.copyOf(lastPane, n);
        emittedAt = Arrays.copyOf(emittedAt, n);
    }

    /** Key bytes the dictionary holds: an upper bound of the next slide's output key bytes. */
    public int keyBytes()
    {
        return dictionary.keyBytes();
    }

    /** Keys the dictionary holds (those of the window and of its panes). */
    public int keys()
    {
        return dictionary.size();
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
        final long slide = ++slides;
        final long address = outIds.address();
        for (int i = 0; i < n; i++)
        {
            final int id = (int)UnsafeApi.getLong(address + ((long)i << 3));
            dictionary.appendTo(id, outKeys);
            emittedAt[id] = slide;
        }
        releaseGone(geometry.windowFrom(geometry.endPane(windowEndOffsetMs)), slide);
        return n;
    }

    private void releaseGone(final long windowFromPane, final long slide)
    {
        final BytesKeyDictionary dictionary = this.dictionary;
        for (int id = 0, limit = dictionary.idLimit(); id < limit; id++)
        {
            if (lastPane[id] < windowFromPane && emittedAt[id] != slide && dictionary.isLive(id))
            {
                dictionary.release(id);
            }
        }
        dictionary.compactIfWasteful();
    }

    @Override
    public void close()
    {
        window.close();
        outIds.close();
    }
}
