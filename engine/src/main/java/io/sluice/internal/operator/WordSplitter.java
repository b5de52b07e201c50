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
    private static final byte SPACE = ' ';

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

    /** The words of one line of {@code length} bytes at {@code dataAddress + offset}. */
    static int splitLine(final long dataAddress, final int offset, final int length, final WordSink sink)
    {
        final long lineAddress = dataAddress + offset;
        int words = 0;
        int start = 0;
        int pendingEmpty = 0;
        boolean hasSpace = false;
        for (int i = 0; i < length; i++)
        {
            if (UnsafeApi.getByte(lineAddress + i) == SPACE)
            {
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
