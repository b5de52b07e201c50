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
 * <p>Not thread-safe: one job thread. {@link #clear()} keeps the memory, so in steady state
 * {@link #merge}/{@link #increment} allocate nothing.
 */
public final class BytesLongHashAggregator
{
    /** Table slots per key at most 1/2, as the generated aggregators (see LongKeyReduceByKeyBenchmark). */
    private static final int MAX_LOAD_SHIFT = 1;
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

    private int[] slotIds;
    private int[] slotHashes;
    private int mask;
    private int[] keyOffsets;
    private int[] keyLengths;
    private long[] values;
    private int[] idSlots;
    private byte[] arena;
    private int arenaSize;
    private int size;

    public BytesLongHashAggregator(final int expectedKeys)
    {
        final int slots = Integer.highestOneBit(Math.max(16, expectedKeys) << MAX_LOAD_SHIFT) << 1;
        slotIds = new int[slots];
        slotHashes = new int[slots];
        mask = slots - 1;
        final int dense = Math.max(16, expectedKeys);
        keyOffsets = new int[dense];
        keyLengths = new int[dense];
        values = new long[dense];
        idSlots = new int[dense];
        arena = new byte[dense * 8];
    }

    public int size()
    {
        return size;
    }

    public long value(final int id)
    {
        return values[id];
    }

    public int keyLength(final int id)
    {
        return keyLengths[id];
    }

    /** Adds one to the count of the {@code length} bytes at {@code address}. */
    public void increment(final long address, final int length)
    {
        final int id = insert(address, length, 0L);
        values[id]++;
    }

    /** Combines {@code value} into the key's value with {@code f} (the value itself for a new key). */
    public void merge(final long address, final int length, final long value, final LongBinaryOperator f)
    {
        final int before = size;
        final int id = insert(address, length, value);
        if (id < before)
        {
            values[id] = f.applyAsLong(values[id], value);
        }
    }

    /** The dense id of the key, adding it with {@code initial} when absent. */
    public int insert(final long address, final int length, final long initial)
    {
        final int hash = hash(address, length);
        int slot = hash & mask;
        while (true)
        {
            final int id = slotIds[slot];
            if (id == 0)
            {
                return add(slot, hash, address, length, initial);
            }
            if (slotHashes[slot] == hash && equals(id - 1, address, length))
            {
                return id - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Appends every key, in dense-id order, to {@code keys} and every value to {@code out}. */
    public void copyTo(final BytesColumn keys, final LongVector out)
    {
        final byte[] arena = this.arena;
        for (int id = 0; id < size; id++)
        {
            keys.appendFromArray(arena, keyOffsets[id], keyLengths[id]);
            out.add(values[id]);
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
        if (size < (slotIds.length >>> 3))
        {
            for (int id = 0; id < size; id++)
            {
                slotIds[idSlots[id]] = 0;
            }
        }
        else
        {
            Arrays.fill(slotIds, 0);
        }
        size = 0;
        arenaSize = 0;
    }

    /** The hash of {@code length} bytes at {@code address}: 8 bytes per step, then the tail. */
    public static int hash(final long address, final int length)
    {
        long h = length * MIX;
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            h = Long.rotateLeft((h ^ UnsafeApi.getLong(address + i)) * MIX, 29);
        }
        long tail = 0;
        for (; i < length; i++)
        {
            tail = (tail << 8) | (UnsafeApi.getByte(address + i) & 0xFF);
        }
        h = (h ^ tail) * MIX;
        return (int)(h ^ (h >>> 32));
    }

    private boolean equals(final int id, final long address, final int length)
    {
        if (keyLengths[id] != length)
        {
            return false;
        }
        final byte[] arena = this.arena;
        final long base = BYTE_ARRAY_BASE + keyOffsets[id];
        int i = 0;
        for (; i + 8 <= length; i += 8)
        {
            if (UnsafeApi.getLong(arena, base + i) != UnsafeApi.getLong(address + i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (UnsafeApi.getByte(arena, base + i) != UnsafeApi.getByte(address + i))
            {
                return false;
            }
        }
        return true;
    }

    private int add(final int slot, final int hash, final long address, final int length, final long value)
    {
        final int id = size;
        if (id == values.length)
        {
            final int dense = id << 1;
            keyOffsets = Arrays.copyOf(keyOffsets, dense);
            keyLengths = Arrays.copyOf(keyLengths, dense);
            values = Arrays.copyOf(values, dense);
            idSlots = Arrays.copyOf(idSlots, dense);
        }
        if (arenaSize + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length << 1, arenaSize + length));
        }
        UnsafeApi.copyMemory(null, address, arena, BYTE_ARRAY_BASE + arenaSize, length);
        keyOffsets[id] = arenaSize;
        keyLengths[id] = length;
        arenaSize += length;
        values[id] = value;
        idSlots[id] = slot;
        slotIds[slot] = id + 1;
        slotHashes[slot] = hash;
        size = id + 1;
        if ((long)size << MAX_LOAD_SHIFT > slotIds.length)
        {
            rehash(slotIds.length << 1);
        }
        return id;
    }

    private void rehash(final int slots)
    {
        final int[] oldHashes = new int[size];
        for (int id = 0; id < size; id++)
        {
            oldHashes[id] = slotHashes[idSlots[id]];
        }
        slotIds = new int[slots];
        slotHashes = new int[slots];
        mask = slots - 1;
        for (int id = 0; id < size; id++)
        {
            int slot = oldHashes[id] & mask;
            while (slotIds[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            slotIds[slot] = id + 1;
            slotHashes[slot] = oldHashes[id];
            idSlots[id] = slot;
        }
    }
}
