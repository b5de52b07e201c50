package io.sluice.internal.state;

/**
 * Layout of a generated keyed state map ({@code io.sluice.internal.gen.<K><V>StateMap}, from
 * {@code StateMap.java.tmpl}): an index table, open addressing with linear probing, whose slots hold entry numbers,
 * and an entry block that keeps the entries in insertion order (the fast path's ordering contract: keys in order of
 * first appearance). For an index capacity {@code c} (a power of two) the block has room for
 * {@code n = c * MAX_LOAD} entries; with key width {@code k} and value width {@code v} bytes:
 *
 * <pre>
 *   index: +----------------------+   slot i: 0 = empty, else entry number + 1
 *          | int[c]               |
 *          +----------------------+
 *   entries:
 *   0                 n*k               n*(k+v)          n*(k+v+4)        n*(k+v+5)
 *   +-----------------+-----------------+----------------+----------------+
 *   | keys[n]         | values[n]       | times[n] (int) | flags[n] (byte)|
 *   +-----------------+-----------------+----------------+----------------+
 *     entry e: key at KEYS + e*k, value at VALUES + e*v, last-update tick at TIMES + 4e, 1 = live at FLAGS + e
 * </pre>
 *
 * Entries are appended; a removed one is flagged dead (and reclaimed at once if it is the last), and when the block
 * is full it is compacted in place (a quarter or more dead) or the map doubles. A time is stored as an {@code int}
 * number of ticks since the map's origin ({@code timeMs = originMs + tick * tickMs}): mapWithState uses the batch
 * interval as the tick, so 10 M long to long entries take {@code 2^24 * 4 + 12.58 M * 21} bytes = 331 MB
 * ({@code StateMapMemoryHarness}: 333.8 MB live with its batch vectors, heap 4.7 MB under {@code -Xmx256m}, within
 * the 400 MB budget; while the map doubles from 2^23 to 2^24 slots, both are briefly live). When a tick would pass
 * {@code Integer.MAX_VALUE} the map moves its origin forward by {@link #REBASE_TICKS} and clamps older ticks.
 *
 * <p>Deletion shifts later index slots of the probe run back (no tombstones in the index), so a full index slot is
 * always reachable from its key's home slot without passing an empty one; no entry moves on deletion.
 */
public final class StateMapDescriptor
{
    /** Bytes of one entry's last-update tick. */
    public static final int TIME_BYTES = 4;

    /** Bytes of one index slot (an entry number + 1). */
    public static final int INDEX_BYTES = 4;

    /** Bytes of one entry's live/removed flag. */
    public static final int FLAG_BYTES = 1;

    /**
     * The load factor above which a map doubles: fastutil's default, kept because {@code StateMapMemoryHarness}
     * shows 10 M entries fit the 400 MB budget at this value; probe-length effects of other values are not yet
     * measured ({@code LongStateUpdateBenchmark} would be the one to choose it).
     */
    public static final float MAX_LOAD = 0.75f;

    /** Smallest capacity. */
    public static final int MIN_CAPACITY = 16;

    /** How far the time origin moves when a tick would overflow an int. */
    public static final int REBASE_TICKS = 1 << 30;

    private StateMapDescriptor()
    {
    }

    /** Bytes of the index table of {@code capacity} slots. */
    public static long indexBytes(final int capacity)
    {
        return (long)capacity * INDEX_BYTES;
    }

    public static long keysOffset()
    {
        return 0;
    }

    public static long valuesOffset(final int capacity, final int keyBytes)
    {
        return (long)capacity * keyBytes;
    }

    public static long timesOffset(final int capacity, final int keyBytes, final int valueBytes)
    {
        return (long)capacity * (keyBytes + valueBytes);
    }

    public static long flagsOffset(final int capacity, final int keyBytes, final int valueBytes)
    {
        return (long)capacity * (keyBytes + valueBytes + TIME_BYTES);
    }

    /** Bytes of the entry block for {@code capacity} entries. */
    public static long blockBytes(final int capacity, final int keyBytes, final int valueBytes)
    {
        return (long)capacity * (keyBytes + valueBytes + TIME_BYTES + FLAG_BYTES);
    }

    /** The power-of-two capacity that holds {@code expectedSize} entries under {@link #MAX_LOAD}. */
    public static int capacityFor(final int expectedSize)
    {
        final long needed = (long)Math.ceil(Math.max(expectedSize, 1) / (double)MAX_LOAD);
        if (needed > (1 << 30))
        {
            throw new IllegalArgumentException("a state map holds at most " + (long)((1 << 30) * MAX_LOAD)
                + " entries; asked for " + expectedSize);
        }
        return Math.max(MIN_CAPACITY, Integer.highestOneBit((int)needed - 1) << 1);
    }

    /** The entries a map whose index has {@code capacity} slots holds before it compacts or grows. */
    public static int resizeAt(final int capacity)
    {
        return (int)(capacity * MAX_LOAD);
    }

    /** The home slot of a key, given its long widening (a multiplicative mix, then the mask). */
    public static int homeSlot(final long key, final int mask)
    {
        final long h = key * 0x9E3779B97F4A7C15L;
        return (int)(h ^ (h >>> 32) ^ (h >>> 16)) & mask;
    }
}
