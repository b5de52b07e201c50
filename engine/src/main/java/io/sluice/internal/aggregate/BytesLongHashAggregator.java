package io.sluice.internal.aggregate;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * An open-addressing hash aggregator from byte-string keys (UTF-8 words) to {@code long} values, keys hashed and
 * compared as bytes, never made into Strings. Like the generated primitive aggregators it gives each key a dense id
 * in first-appearance order and keeps keys and values at that id, so its output is in Sluice's keyed order. Key
 * bytes are copied into a heap arena (so the aggregator outlives the batch it read and owns no off-heap memory).
 *
 * <p>Layout, chosen to touch few cache lines per lookup (SegmentWordCountBenchmark: separate arrays for slot ids,
 * slot hashes, key offsets, key lengths and values cost about one miss each):
 * <pre>
 *   table   long per slot:  hash (high 32 bits) | id + 1 (low 32 bits); 0 = empty
 *   entries 3 longs per id: key offset in arena (high 32) | key length (low 32),
 *                           the key's first 8 bytes (zero-padded), the value
 * </pre>
 * A key of at most 8 bytes (most words) is compared without reading the arena.
 *
 * <p>Keys are read with 8-byte loads: the 8 bytes after each key passed in must be readable (bytes columns pad their
 * data for this).
 *
 * <p>Not thread-safe: one job thread. {@link #clear()} keeps the memory, so in steady state
 * {@link #merge}/{@link #increment} allocate nothing.
 */
public final class BytesLongHashAggregator
{
    /** Table slots per key at most 1/2, as the generated aggregators (see LongKeyReduceByKeyBenchmark). */
    private static final int MAX_LOAD_SHIFT = 1;
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;
    /** The arena keeps 8 bytes after its last key so key tails compare with one 8-byte load. */
    private static final int KEY_PADDING = 8;
    private static final int STRIDE = 3;
    private static final int KEY_REF = 0;
    private static final int PREFIX = 1;
    private static final int VALUE = 2;

    private long[] table;
    private int mask;
    private long[] entries;
    private int[] idSlots;
    private byte[] arena;
    private int arenaSize;
    private int size;

    public BytesLongHashAggregator(final int expectedKeys)
    {
        final int slots = Integer.highestOneBit(Math.max(16, expectedKeys) << MAX_LOAD_SHIFT) << 1;
        table = new long[slots];
        mask = slots - 1;
        final int dense = Math.max(16, expectedKeys);
        entries = new long[dense * STRIDE];
        idSlots = new int[dense];
        arena = new byte[dense * 8 + KEY_PADDING];
    }

    public int size()
    {
        return size;
    }

    public long value(final int id)
    {
        return entries[id * STRIDE + VALUE];
    }

    public int keyLength(final int id)
    {
        return (int)entries[id * STRIDE + KEY_REF];
    }

    /** Adds one to the count of the {@code length} bytes at {@code address}. */
    public void increment(final long address, final int length)
    {
        final int id = insert(address, length, 0L);
        entries[id * STRIDE + VALUE]++;
    }

    /** Combines {@code value} into the key's value with {@code f} (the value itself for a new key). */
    public void merge(final long address, final int length, final long value, final LongBinaryOperator f)
    {
        final int before = size;
        final int id = insert(address, length, value);
        if (id < before)
        {
            final int at = id * STRIDE + VALUE;
            entries[at] = f.applyAsLong(entries[at], value);
        }
    }

    /** The dense id of the key, adding it with {@code initial} when absent. */
    public int insert(final long address, final int length, final long initial)
    {
        final long prefix = prefix(address, length);
        final int hash = hash(address, length, prefix);
        final long[] table = this.table;
        final int mask = this.mask;
        int slot = hash & mask;
        while (true)
        {
            final long entry = table[slot];
            if (entry == 0)
            {
                return add(slot, hash, address, length, prefix, initial);
            }
            if ((int)(entry >>> 32) == hash)
            {
                final int id = (int)entry - 1;
                if (equals(id, address, length, prefix))
                {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Appends every key, in dense-id order, to {@code keys} and every value to {@code out}. */
    public void copyTo(final BytesColumn keys, final LongVector out)
    {
        final byte[] arena = this.arena;
        final long[] entries = this.entries;
        for (int id = 0; id < size; id++)
        {
            final long keyRef = entries[id * STRIDE + KEY_REF];
            keys.appendFromArray(arena, (int)(keyRef >>> 32), (int)keyRef);
            out.add(entries[id * STRIDE + VALUE]);
        }
    }

    /** Bytes of key data held (to size an output column). */
    public int keyBytes()
    {
        return arenaSize;
    }

    /** Forgets every key, keeping the memory. */
    public void clear()
    {
        if (size < (table.length >>> 3))
        {
            for (int id = 0; id < size; id++)
            {
                table[idSlots[id]] = 0;
            }
        }
        else
        {
            Arrays.fill(table, 0);
        }
        size = 0;
        arenaSize = 0;
    }

    /**
     * The hash of {@code length} bytes at {@code address} (8 bytes per step, the tail one masked load: the 8 bytes
     * after the key must be readable, {@link io.sluice.internal.column.BytesColumn#DATA_PADDING}).
     */
    public static int hash(final long address, final int length)
    {
        return hash(address, length, prefix(address, length));
    }

    /** The first {@code min(length, 8)} bytes at {@code address} as a little-endian word, zero-padded. */
    static long prefix(final long address, final int length)
    {
        return length == 0 ? 0 : UnsafeApi.getLong(address) & prefixMask(length);
    }

    /** {@link #hash(long, int)} given the key's {@link #prefix}. */
    static int hash(final long address, final int length, final long prefix)
    {
        long h = Long.rotateLeft((length * MIX ^ prefix) * MIX, 29);
        for (int i = 8; i < length; i += 8)
        {
            final int n = length - i;
            final long word = n >= 8 ? UnsafeApi.getLong(address + i) : UnsafeApi.getLong(address + i) & prefixMask(n);
            h = Long.rotateLeft((h ^ word) * MIX, 29);
        }
        h *= MIX;
        return (int)(h ^ (h >>> 32));
    }

    /** The mask of the low {@code min(bytes, 8)} bytes of a little-endian word; {@code bytes >= 1}. */
    static long prefixMask(final int bytes)
    {
        return bytes >= 8 ? -1L : (1L << (bytes << 3)) - 1;
    }

    private boolean equals(final int id, final long address, final int length, final long prefix)
    {
        final long[] entries = this.entries;
        final int at = id * STRIDE;
        final long keyRef = entries[at + KEY_REF];
        if ((int)keyRef != length || entries[at + PREFIX] != prefix)
        {
            return false;
        }
        if (length <= 8)
        {
            return true;
        }
        return tailEquals(arena, (int)(keyRef >>> 32), address, length);
    }

    /**
     * Whether bytes 8 to {@code length} of the key at {@code offset} in {@code arena} equal those at {@code address}
     * (the first 8 are compared as prefixes; both sides must have 8 readable bytes after the key).
     */
    static boolean tailEquals(final byte[] arena, final int offset, final long address, final int length)
    {
        final long base = BYTE_ARRAY_BASE + offset;
        for (int i = 8; i < length; i += 8)
        {
            final long mask = prefixMask(length - i);
            if (((UnsafeApi.getLong(arena, base + i) ^ UnsafeApi.getLong(address + i)) & mask) != 0)
            {
                return false;
            }
        }
        return true;
    }

    private int add(final int slot, final int hash, final long address, final int length, final long prefix,
        final long value)
    {
        final int id = size;
        if (id == idSlots.length)
        {
            final int dense = id << 1;
            entries = Arrays.copyOf(entries, dense * STRIDE);
            idSlots = Arrays.copyOf(idSlots, dense);
        }
        if (arenaSize + length + KEY_PADDING > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length << 1, arenaSize + length + KEY_PADDING));
        }
        UnsafeApi.copyMemory(null, address, arena, BYTE_ARRAY_BASE + arenaSize, length);
        final int at = id * STRIDE;
        entries[at + KEY_REF] = ((long)arenaSize << 32) | (length & 0xFFFF_FFFFL);
        entries[at + PREFIX] = prefix;
        entries[at + VALUE] = value;
        arenaSize += length;
        idSlots[id] = slot;
        table[slot] = ((long)hash << 32) | (id + 1);
        size = id + 1;
        if ((long)size << MAX_LOAD_SHIFT > table.length)
        {
            rehash(table.length << 1);
        }
        return id;
    }

    private void rehash(final int slots)
    {
        final long[] old = table;
        final long[] table = new long[slots];
        final int mask = slots - 1;
        for (int id = 0; id < size; id++)
        {
            final long entry = old[idSlots[id]];
            int slot = (int)(entry >>> 32) & mask;
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            table[slot] = entry;
            idSlots[id] = slot;
        }
        this.table = table;
        this.mask = mask;
    }
}
