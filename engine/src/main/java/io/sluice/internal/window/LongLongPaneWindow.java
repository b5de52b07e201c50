package io.sluice.internal.window;

import io.sluice.internal.gen.LongVector;

/**
 * What a window node drives: {@link LongLongReducedWindowOperator} (with an inverse) or
 * {@link LongLongWindowedReduceOperator} (combining panes). Called once per batch, never per record.
 */
public interface LongLongPaneWindow extends AutoCloseable
{
    /** Folds a parent batch ({@code count} rows, optional selection) into its pane. */
    void add(long batchOffsetMs, long keysAddress, long valuesAddress, long selectionAddress, int count);

    /** Folds one pair into the pane of the batch at {@code batchOffsetMs}. */
    void addOne(long batchOffsetMs, long key, long value);

    /** Slides to the window ending at {@code windowEndOffsetMs} and appends it; returns how many pairs. */
    int slide(long windowEndOffsetMs, LongVector outKeys, LongVector outValues);

    /** Writes the window's state (panes, window or back aggregates, position) for a state snapshot. */
    void writeState(java.io.DataOutput out) throws java.io.IOException;

    /** Replaces a fresh operator's state with what {@link #writeState} wrote. */
    void readState(java.io.DataInput in) throws java.io.IOException;

    @Override
    void close();
}
