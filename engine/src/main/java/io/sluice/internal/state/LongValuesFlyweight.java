package io.sluice.internal.state;

import io.sluice.api.LongValues;
import org.agrona.UnsafeApi;

/**
 * {@link LongValues} over {@code size} contiguous off-heap longs; {@link #wrap} points it at the next key's run.
 * Not thread-safe; allocates nothing.
 */
public final class LongValuesFlyweight implements LongValues
{
    private long address;
    private int size;

    public void wrap(final long address, final int size)
    {
        this.address = address;
        this.size = size;
    }

    @Override
    public int size()
    {
        return size;
    }

    @Override
    public long get(final int index)
    {
        if (index < 0 || index >= size)
        {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + size + ")");
        }
        return UnsafeApi.getLong(address + ((long)index << 3));
    }

    @Override
    public long sum()
    {
        long sum = 0;
        for (int i = 0; i < size; i++)
        {
            sum += UnsafeApi.getLong(address + ((long)i << 3));
        }
        return sum;
    }
}
