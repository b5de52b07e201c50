package io.sluice.internal.operator;

import io.sluice.internal.column.BytesColumnDescriptor;
import org.agrona.UnsafeApi;

/**
 * The kernel of {@code splitWords()}: the words of UTF-8 lines exactly as {@code line.split(" ")} gives them (so the
 * fast path equals the generic word count): split at every space byte (0x20 never occurs inside a multi-byte UTF-8
 * sequence); trailing empty words dropped; a line without a space is one word, even when empty; leading and inner
 * empty words kept.
 */
final class WordSplitter
{
    private static final long SPACES = 0x2020_2020_2020_2020L;
    private static final long LOW_7_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private WordSplitter()
    {
    }

    /**
     * Splits {@code count} lines whose slots are at {@code slotsAddress} (selected through {@code selectionAddress}
     * unless 0), in the data region at {@code dataAddress}; returns how many words went to {@code sink}.
     */
    static long split(final long dataAddress, final long slotsAddress, final long selectionAddress, final int count,
        final WordSink sink)
    {
        long words = 0;
        for (int i = 0; i < count; i++)
        {
            final long row = selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
            final long slot = UnsafeApi.getLong(slotsAddress + (row << 3));
            words += splitLine(dataAddress, BytesColumnDescriptor.offset(slot), BytesColumnDescriptor.length(slot), sink);
        }
        return words;
    }

    /**
     * The words of one line of {@code length} bytes at {@code dataAddress + offset}. Finds spaces 8 bytes at a time
     * (SWAR: a byte equal to ' ' becomes a set high bit), so the 8 bytes after the line must be readable (bytes
     * columns pad their data for this); bytes past the line are masked off.
     */
    static int splitLine(final long dataAddress, final int offset, final int length, final WordSink sink)
    {
        final long lineAddress = dataAddress + offset;
        int words = 0;
        int start = 0;
        int pendingEmpty = 0;
        boolean hasSpace = false;
        for (int base = 0; base < length; base += 8)
        {
            final long x = UnsafeApi.getLong(lineAddress + base) ^ SPACES;
            long spaces = ~(((x & LOW_7_BITS) + LOW_7_BITS) | x) & HIGH_BITS;
            final int remaining = length - base;
            if (remaining < 8)
            {
                spaces &= (1L << (remaining << 3)) - 1;
            }
            while (spaces != 0)
            {
                final int i = base + (Long.numberOfTrailingZeros(spaces) >>> 3);
                spaces &= spaces - 1;
                hasSpace = true;
                if (i == start)
                {
                    pendingEmpty++;
                }
                else
                {
                    words += flushEmpty(pendingEmpty, offset + start, sink);
                    pendingEmpty = 0;
                    sink.onWord(offset + start, i - start);
                    words++;
                }
                start = i + 1;
            }
        }
        if (!hasSpace)
        {
            sink.onWord(offset, length);
            return 1;
        }
        if (start < length)
        {
            words += flushEmpty(pendingEmpty, offset + start, sink);
            sink.onWord(offset + start, length - start);
            words++;
        }
        return words;
    }

    private static int flushEmpty(final int empties, final int offset, final WordSink sink)
    {
        for (int e = 0; e < empties; e++)
        {
            sink.onWord(offset, 0);
        }
        return empties;
    }
}
