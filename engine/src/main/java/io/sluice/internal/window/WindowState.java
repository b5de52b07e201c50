package io.sluice.internal.window;

/**
 * A window operator's state as a snapshot writes and restores it ({@link SlidingWindowNode#writeState}): the pane
 * windows over long keys ({@link LongLongPaneWindow}) and over text keys ({@link StringLongPaneWindow}).
 */
public interface WindowState
{
    /** Writes the window's state (panes, window or back aggregates, position) for a state snapshot; between slides. */
    void writeState(java.io.DataOutput out) throws java.io.IOException;

    /** Replaces a fresh operator's state with what {@link #writeState} wrote. */
    void readState(java.io.DataInput in) throws java.io.IOException;
}
