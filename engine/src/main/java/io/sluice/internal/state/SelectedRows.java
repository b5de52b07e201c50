package io.sluice.internal.state;

import org.agrona.UnsafeApi;

/** Row addressing through a column batch's selection vector, for the window and state kernels. */
public final class SelectedRows
{
    private SelectedRows()
    {
    }

    /** The physical row of the batch's {@code i}-th row: {@code i} when {@code selectionAddress} is 0 (no selection). */
    public static int row(final long selectionAddress, final int i)
    {
        return selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
    }
}
