package io.sluice.internal.column;

import io.sluice.internal.memory.OffHeapAllocator;
import org.agrona.UnsafeApi;

/**
 * Which rows of a column hold a value: one bit per row, 1 = valid, in 64-bit words (row {@code r} is bit
 * {@code r & 63} of word {@code r >>> 6}). A column without a bitmap is valid everywhere, which is what every
 * fast-path operator produces today (the generic path has no nulls in primitive columns); the bitmap is here so
 * decoders of nullable inputs have a place to say so. Off-heap; {@link #close()} frees it.
 */
public final class ValidityBitmap implements AutoCloseable
{
    private long address;
    private long bytes;

    /** A bitmap of {@code rows} rows, all valid. */
    public ValidityBitmap(final int rows)
    {
        bytes = (long)Math.max(1, (rows + 63) >>> 6) << 3;
        address = OffHeapAllocator.allocate(bytes);
        UnsafeApi.setMemory(address, bytes, (byte)0xFF);
    }

    public boolean isValid(final int row)
    {
        return (UnsafeApi.getLong(address + ((long)(row >>> 6) << 3)) & (1L << (row & 63))) != 0;
    }

    public void setNull(final int row)
    {
        final long word = address + ((long)(row >>> 6) << 3);
        UnsafeApi.putLong(word, UnsafeApi.getLong(word) & ~(1L << (row & 63)));
    }

    @Override
    public void close()
    {
        OffHeapAllocator.free(address, bytes);
        address = 0;
        bytes = 0;
    }
}
