package io.sluice.internal.window;

import io.sluice.internal.gen.LongVector;

/**
 * What a window node drives: {@link LongLongReducedWindowOperator} (with an inverse) or
 * {@link LongLongWindowedReduceOperator} (combining panes). Called once per batch, never per record.
 */
public interface LongLongPaneWindow extends WindowState, AutoCloseable
{
    /** Folds a parent batch ({@code count} rows, optional selection) into its pane. */
    void add(long batchOffsetMs, long keysAddress, long valuesAddress, long selectionAddress, int count);

    /** Folds one pair into the pane of the batch at {@code batchOffsetMs}. */
    void addOne(long batchOffsetMs, long key, long value);

    /** Slides to the window ending at {@code windowEndOffsetMs} and appends it; returns how many pairs. */
    int slide(long windowEndOffsetMs, LongVector outKeys, LongVector outValues);

    @Override
    void close();
}
