package io.sluice.internal.window;

import io.sluice.api.LongPairPredicate;
import io.sluice.internal.gen.LongLongPaneRing;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;

import java.util.function.LongBinaryOperator;

/**
 * {@code reduceByKeyAndWindow(f, inverse, window, slide[, filter])} on long keys and values: the fast twin of
 * {@code io.sluice.internal.generic.ReducedWindowNode}. Each parent batch is folded into its pane of a
 * {@link LongLongPaneRing}; a slide subtracts the leaving panes from the window map with {@code inverse}, adds the
 * entering ones with {@code f}, drops the keys the filter rejects (applied to the window state itself) and writes
 * the window out. A slide costs O(keys of the panes entering and leaving) plus the output; the window length does
 * not matter. Keys are never removed without a filter: they decay to the inverse's zero and are still emitted.
 * Output order is the generic twin's: the previous window's keys in their order, then the keys new to the window in
 * order of first appearance (the window map keeps insertion order; a key the filter dropped comes back at the end).
 *
 * <p>Lifecycle: {@link #add} for each parent batch of the coming window (any order within it), then
 * {@link #slide} once per slide time, in time order; {@link #close()} frees the off-heap maps. One job thread.
 * Steady state allocates nothing (maps grow only while the key count grows).
 */
public final class LongLongReducedWindowOperator implements LongLongPaneWindow
{
    private final PaneRingDescriptor geometry;
    private final LongBinaryOperator f;
    private final LongBinaryOperator inverse;
    private final LongPairPredicate filter;
    private final LongLongPaneRing ring;
    private final LongLongStateMap window = new LongLongStateMap(16);
    private final LongVector rejected = new LongVector(16);
    private long nextEndPane;

    /** @param filter {@code null} for none */
    public LongLongReducedWindowOperator(final LongBinaryOperator f, final LongBinaryOperator inverse,
        final LongPairPredicate filter, final long windowMs, final long slideMs, final long parentSlideMs)
    {
        this.geometry = new PaneRingDescriptor(windowMs, slideMs, parentSlideMs);
        this.f = f;
        this.inverse = inverse;
        this.filter = filter;
        this.ring = new LongLongPaneRing(geometry.slotCount());
        this.nextEndPane = geometry.slidePanes();
    }

    /**
     * Folds the parent's batch at {@code batchOffsetMs} (time minus zero time, {@code > 0}) into its pane:
     * {@code count} pairs, keys and values as longs at the two addresses, rows named by the int selection at
     * {@code selectionAddress} (0: rows 0 to count - 1).
     */
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

    @Override
    public void addOne(final long batchOffsetMs, final long key, final long value)
    {
        final long pane = geometry.paneOf(batchOffsetMs);
        if (geometry.isInSomeWindow(pane))
        {
            ring.add(pane, key, value, f);
        }
    }

    /**
     * Moves the window to end at {@code windowEndOffsetMs} (the next slide time minus zero time) and appends its
     * pairs to the two vectors; returns how many.
     *
     * @throws IllegalStateException when slides skip a time or go back, or on Spark's "Neither previous window
     *                               has value for key" (a filter dropped a key that still had values)
     */
    @Override
    public int slide(final long windowEndOffsetMs, final LongVector outKeys, final LongVector outValues)
    {
        final long end = geometry.requireSlideEnd(windowEndOffsetMs, nextEndPane);
        nextEndPane = end + geometry.slidePanes();
        ring.sealBefore(end);
        final long enteringFrom = geometry.enteringFrom(end);
        for (long pane = Math.max(0, geometry.leavingFrom(end)), to = geometry.leavingTo(end); pane < to; pane++)
        {
            ring.subtractFrom(pane, window, inverse, enteringFrom, end);
            ring.clear(pane);
        }
        for (long pane = Math.max(0, enteringFrom); pane < end; pane++)
        {
            ring.addInto(pane, window, f);
        }
        if (filter != null)
        {
            dropRejected();
        }
        return WindowOutput.append(window, outKeys, outValues);
    }

    private void dropRejected()
    {
        final LongLongStateMap window = this.window;
        rejected.clear();
        for (int slot = window.nextSlot(0); slot >= 0; slot = window.nextSlot(slot + 1))
        {
            if (!filter.test(window.keyAt(slot), window.valueAt(slot)))
            {
                rejected.add(window.keyAt(slot));
            }
        }
        for (int i = 0, n = rejected.size(); i < n; i++)
        {
            window.remove(rejected.get(i));
        }
    }

    /**
     * Writes the window for a state snapshot: {@code int version (1), long nextEndPane, int n, n keys, n values} (the
     * window map in insertion order, zero-valued keys included), then the pane ring ({@link LongLongPaneRing#writeTo}).
     */
    @Override
    public void writeState(final java.io.DataOutput out) throws java.io.IOException
    {
        out.writeInt(1);
        out.writeLong(nextEndPane);
        out.writeInt(window.size());
        for (int slot = window.nextSlot(0); slot >= 0; slot = window.nextSlot(slot + 1))
        {
            out.writeLong(window.keyAt(slot));
        }
        for (int slot = window.nextSlot(0); slot >= 0; slot = window.nextSlot(slot + 1))
        {
            out.writeLong(window.valueAt(slot));
        }
        ring.writeTo(out);
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
        if (!window.isEmpty())
        {
            throw new IllegalStateException("restore a window into a fresh operator: this one already holds keys");
        }
        nextEndPane = in.readLong();
        final int n = in.readInt();
        final long[] keys = new long[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = in.readLong();
        }
        for (int i = 0; i < n; i++)
        {
            window.put(keys[i], in.readLong());
        }
        ring.readFrom(in);
    }

    /** Keys in the window now (after the last slide). */
    public int windowSize()
    {
        return window.size();
    }

    @Override
    public void close()
    {
        ring.close();
        window.close();
        rejected.close();
    }
}
