package io.sluice.internal.state;

/**
 * Layout of a generated keyed state map ({@code io.sluice.internal.gen.<K><V>StateMap}, from
 * {@code StateMap.java.tmpl}): one off-heap block per map, an open-addressing table with linear probing whose
 * columns sit one after another. For a capacity {@code c} (a power of two), key width {@code k} and value width
 * {@code v} bytes:
 *
 * <pre>
 *   0                 c*k               c*(k+v)          c*(k+v+4)        c*(k+v+5)
 *   +-----------------+-----------------+----------------+----------------+
 *   | keys[c]         | values[c]       | times[c] (int) | flags[c] (byte)|
 *   +-----------------+-----------------+----------------+----------------+
 *     slot i: key at KEYS + i*k, value at VALUES + i*v, last-update tick at TIMES + 4i, 1 = full at FLAGS + i
 * </pre>
 *
 * A slot is full when its flag byte is 1 (so every key value, 0 included, is a legal key). A time is stored as
 * an {@code int} number of ticks since the map's origin ({@code timeMs = originMs + tick * tickMs}): mapWithState
 * uses the batch interval as the tick, so 10 M long to long entries take {@code 2^24 * 21} bytes = 352 MB
 * ({@code StateMapMemoryHarness}: 354.7 MB live with its batch vectors, heap 4.7 MB under {@code -Xmx256m}; while
 * the table doubles from 2^23 to 2^24 slots, both tables are briefly live). When a tick would pass
 * {@code Integer.MAX_VALUE} the map moves its origin forward by {@link #REBASE_TICKS} and clamps older ticks.
 *
 * <p>Deletion shifts later entries of the probe run back (no tombstones), so a full slot is always reachable
 * from its key's home slot without passing an empty one.
 *
 * <p>A map that keeps insertion order (the fast path's windows and state, for the ordering contract) has two more
 * off-heap pieces beside the block: an {@code int} per slot (the entry's position in the order, moved with the entry)
 * and the order itself, a vector of keys with one element per entry plus the stale positions of removed keys (at
 * most the entry count plus 16 before they are compacted). For 10 M long-keyed entries that is {@code 2^24 * 4}
 * bytes = 64 MB plus 80 to 160 MB of keys beside the 352 MB block.
 */
public final class StateMapDescriptor
{
    /** Bytes of one slot's last-update tick. */
    public static final int TIME_BYTES = 4;

    /** Bytes of one slot's full/empty flag. */
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

    /** Bytes of the whole block. */
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

    /** The entry count at which a map of {@code capacity} grows. */
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
