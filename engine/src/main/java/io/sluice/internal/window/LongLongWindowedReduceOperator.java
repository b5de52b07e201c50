package io.sluice.internal.window;

import io.sluice.internal.gen.LongLongPaneRing;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;

import java.util.function.LongBinaryOperator;

/**
 * {@code reduceByKeyAndWindow(f, window, slide)} without an inverse on long keys and values (Spark's
 * {@code reduceByKey(f).window(w, s).reduceByKey(f)}; generic twin: {@code ReduceByKeyNode} over {@code WindowNode}).
 * Each parent batch is folded into its pane; a slide combines pane aggregates with {@code f} (never re-reducing raw
 * records) and writes the window out. Keys absent from every pane of the window are not emitted; the others are
 * listed in order of first appearance in the window (the generic twin's order): panes keep their keys in that order,
 * suffixes and {@code back} are built oldest pane first, and every map here keeps insertion order.
 *
 * <p>Overlapping windows ({@code slide <= window}) use two stacks: {@code back} holds the panes that entered since
 * the last flip, folded together as they enter; the front holds suffix aggregates of the panes before them
 * ({@link LongLongPaneRing#buildSuffixes}). A slide emits {@code f(suffix(window start), back)}; when the window
 * start reaches the flip boundary, the window's panes are folded into fresh suffixes and {@code back} empties. A
 * slide so costs O(keys) amortised (a flip, every window/slide slides, costs O(keys x window/slide)) instead of
 * O(keys x window/slide) every time. With {@code slide > window} no pane is shared, and a slide folds its window's
 * panes once.
 *
 * <p>Lifecycle and threading as {@link LongLongReducedWindowOperator}. Steady state allocates nothing.
 */
public final class LongLongWindowedReduceOperator implements LongLongPaneWindow
{
    private final PaneRingDescriptor geometry;
    private final LongBinaryOperator f;
    private final LongLongPaneRing ring;
    private final LongLongStateMap window = new LongLongStateMap(16);
    private final LongLongStateMap back = new LongLongStateMap(16);
    private long boundaryPane;
    private long nextEndPane;

    public LongLongWindowedReduceOperator(final LongBinaryOperator f, final long windowMs, final long slideMs,
        final long parentSlideMs)
    {
        this.geometry = new PaneRingDescriptor(windowMs, slideMs, parentSlideMs);
        this.f = f;
        this.ring = new LongLongPaneRing(geometry.slotCount());
        this.nextEndPane = geometry.slidePanes();
    }

    /** As {@link LongLongReducedWindowOperator#add(long, long, long, long, int)}. */
    @Override
    public void add(final long batchOffsetMs, final long keysAddress, final long valuesAddress,
        final long selectionAddress, final int count)
    {
        final long pane = geometry.paneOf(batchOffsetMs);
        if (geometry.isInSomeWindow(pane))
        {
            ring.addAll(pane, keysAddress, valuesAddress, selectionAddress, count, f);
        }
    }

    /** As {@link LongLongReducedWindowOperator#addOne}. */
    @Override
    public void addOne(final long batchOffsetMs, final long key, final long value)
    {
        final long pane = geometry.paneOf(batchOffsetMs);
        if (geometry.isInSomeWindow(pane))
        {
            ring.add(pane, key, value, f);
        }
    }

    /** As {@link LongLongReducedWindowOperator#slide}. */
    @Override
    public int slide(final long windowEndOffsetMs, final LongVector outKeys, final LongVector outValues)
    {
        final long end = geometry.requireSlideEnd(windowEndOffsetMs, nextEndPane);
        nextEndPane = end + geometry.slidePanes();
        ring.sealBefore(end);
        final long from = geometry.windowFrom(end);
        if (geometry.slidePanes() > geometry.windowPanes())
        {
            ring.combine(from, end, window, f);
            return WindowOutput.append(window, outKeys, outValues);
        }
        for (long pane = Math.max(0, geometry.enteringFrom(end)); pane < end; pane++)
        {
            ring.addInto(pane, back, f);
        }
        window.clear();
        if (from >= boundaryPane)
        {
            ring.buildSuffixes(from, end, f);
            back.clear();
            boundaryPane = end;
        }
        if (from >= 0)
        {
            ring.addSuffixInto(from, window, f);
        }
        for (int slot = back.nextSlot(0); slot >= 0; slot = back.nextSlot(slot + 1))
        {
            window.merge(back.keyAt(slot), back.valueAt(slot), f);
        }
        return WindowOutput.append(window, outKeys, outValues);
    }

    /**
     * Writes the window for a state snapshot: {@code int version (1), long nextEndPane, long boundaryPane, int n, n
     * keys, n values} (the back stack's aggregate), then the pane ring and its suffix aggregates.
     */
    @Override
    public void writeState(final java.io.DataOutput out) throws java.io.IOException
    {
        out.writeInt(1);
        out.writeLong(nextEndPane);
        out.writeLong(boundaryPane);
        out.writeInt(back.size());
        for (int slot = back.nextSlot(0); slot >= 0; slot = back.nextSlot(slot + 1))
        {
            out.writeLong(back.keyAt(slot));
        }
        for (int slot = back.nextSlot(0); slot >= 0; slot = back.nextSlot(slot + 1))
        {
            out.writeLong(back.valueAt(slot));
        }
        ring.writeTo(out);
        ring.writeSuffixesTo(out);
    }

    /** Replaces this fresh operator's window with what {@link #writeState} wrote. */
    @Override
    public void readState(final java.io.DataInput in) throws java.io.IOException
    {
        final int version = in.readInt();
        if (version != 1)
        {
            throw new IllegalStateException("unknown window state version " + version + " (this build reads 1)");
        }
        if (!back.isEmpty() || nextEndPane != geometry.slidePanes())
        {
            throw new IllegalStateException("restore a window into a fresh operator: this one has slid already");
        }
        nextEndPane = in.readLong();
        boundaryPane = in.readLong();
        final int n = in.readInt();
        final long[] keys = new long[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = in.readLong();
        }
        for (int i = 0; i < n; i++)
        {
            back.put(keys[i], in.readLong());
        }
        ring.readFrom(in);
        ring.readSuffixesFrom(in);
    }

    @Override
    public void close()
    {
        ring.close();
        window.close();
        back.close();
    }
}
