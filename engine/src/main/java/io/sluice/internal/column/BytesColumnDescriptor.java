package io.sluice.internal.column;

/**
 * The layout of a {@link BytesColumn}: a data region of raw bytes (UTF-8 for text) and one 8-byte slot per row
 * that locates the row's bytes in that region.
 *
 * <pre>
 *   slot (one long per row, in a LongVector)
 *    63                              32 31                               0
 *   +----------------------------------+----------------------------------+
 *   |   offset of the value in data    |        length in bytes           |
 *   +----------------------------------+----------------------------------+
 *
 *   data (off-heap, owned by the column or borrowed from the column it views)
 *   +-------+---+-------+----------------+-----
 *   | bytes |   | bytes | bytes          | ...
 *   +-------+---+-------+----------------+-----
 * </pre>
 *
 * Slots need not be contiguous or ordered, so a column of words can view the bytes of the lines they were split
 * from without copying them (Arrow's offsets cannot: a word does not end where the next begins).
 */
public final class BytesColumnDescriptor
{
    /** Bits the offset is shifted left by in a slot. */
    public static final int OFFSET_SHIFT = 32;

    /** Mask of the length in a slot. */
    public static final long LENGTH_MASK = 0xFFFF_FFFFL;

    private BytesColumnDescriptor()
    {
    }

    public static long slot(final int offset, final int length)
    {
        return ((long)offset << OFFSET_SHIFT) | (length & LENGTH_MASK);
    }

    public static int offset(final long slot)
    {
        return (int)(slot >>> OFFSET_SHIFT);
    }

    public static int length(final long slot)
    {
        return (int)(slot & LENGTH_MASK);
    }
}
