package io.sluice.internal.window;

import io.sluice.internal.gen.LongLongPaneRing;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;

import java.util.function.LongBinaryOperator;

/**
 * {@code reduceByKeyAndWindow(f, window, slide)} without an inverse on long keys and values (Spark's
 * {@code reduceByKey(f).window(w, s).reduceByKey(f)}; generic twin: {@code ReduceByKeyNode} over {@code WindowNode}).
 * Each parent batch is folded into its pane; a slide combines the window's pane aggregates into one map with
 * {@code f} (never re-reducing raw records), writes it out and clears the panes no later window needs. Keys
 * absent from every pane of the window are not emitted.
 *
 * <p>Lifecycle and threading as {@link LongLongReducedWindowOperator}. Steady state allocates nothing.
 */
public final class LongLongWindowedReduceOperator implements LongLongPaneWindow
{
    private final PaneRingDescriptor geometry;
    private final LongBinaryOperator f;
    private final LongLongPaneRing ring;
    private final LongLongStateMap window = new LongLongStateMap(16);
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
        ring.combine(from, end, window, f);
        final long nextFrom = geometry.windowFrom(nextEndPane);
        for (long pane = Math.max(0, from); pane < Math.min(end, nextFrom); pane++)
        {
            ring.clear(pane);
        }
        return WindowOutput.append(window, outKeys, outValues);
    }

    @Override
    public void close()
    {
        ring.close();
        window.close();
    }
}
