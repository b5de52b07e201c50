package io.sluice.internal.aggregate;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import org.agrona.UnsafeApi;

import java.util.Arrays;

/**
 * A dictionary from byte-string keys (UTF-8 words) to dense int ids, keys hashed and compared as bytes (hash:
 * {@link BytesLongHashAggregator#hash}), so the long-keyed window and state machinery can run on ids and keys become
 * bytes again only at output. Unlike the aggregator it forgets keys one by one: {@link #release} frees an id (reused
 * by a later key) and its bytes (reclaimed by compacting the arena once more than half of it is garbage), so a
 * dictionary whose owner releases the keys it no longer holds stays as large as its live keys.
 *
 * <pre>
 *   table      long per slot: hash (high 32 bits) | id + 1 (low 32 bits); 0 = empty (linear probing,
 *              deletion by backward shift, at most half full)
 *   per id     key ref: offset in arena (high 32) | length (low 32); first 8 bytes (zero-padded); hash;
 *              table slot (-1: free id)
 *   arena      the keys' bytes, 8 readable bytes after the last; a spare of the same size for compaction
 * </pre>
 *
 * <p>Keys passed in are read with 8-byte loads: the 8 bytes after each must be readable (bytes columns pad for it).
 * Not thread-safe: one job thread. Heap arrays only (no off-heap memory to free); steady state allocates nothing
 * (arrays grow only with the live key count).
 */
public final class BytesKeyDictionary
{
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    private static final int KEY_PADDING = 8;
    private static final int MIN_COMPACT_BYTES = 4096;

    private long[] table;
    private int mask;
    private long[] keyRefs;
    private long[] prefixes;
    private int[] hashes;
    private int[] idSlots;
    private int[] freeIds;
    private int freeCount;
    private int idLimit;
    private int size;
    private byte[] arena;
    private byte[] spare;
    private int arenaSize;
    private int garbageBytes;
    private int liveKeyBytes;

    public BytesKeyDictionary(final int expectedKeys)
    {
        final int dense = Math.max(16, expectedKeys);
        final int slots = Integer.highestOneBit(dense) << 2;
        table = new long[slots];
        mask = slots - 1;
        keyRefs = new long[dense];
        prefixes = new long[dense];
        hashes = new int[dense];
        idSlots = new int[dense];
        freeIds = new int[dense];
        arena = new byte[dense * 8 + KEY_PADDING];
    }

    /** Keys held. */
    public int size()
    {
        return size;
    }

    /** One more than the largest id ever given: ids in use are below it. */
    public int idLimit()
    {
        return idLimit;
    }

    /** Bytes of the keys held (to size an output column). */
    public int keyBytes()
    {
        return liveKeyBytes;
    }

    public boolean isLive(final int id)
    {
        return id < idLimit && idSlots[id] >= 0;
    }

    /** The id of the {@code length} bytes at {@code address}, adding the key if absent. */
    public int idOf(final long address, final int length)
    {
        final long prefix = BytesLongHashAggregator.prefix(address, length);
        final int hash = BytesLongHashAggregator.hash(address, length, prefix);
        final long[] table = this.table;
        final int mask = this.mask;
        int slot = hash & mask;
        while (true)
        {
            final long entry = table[slot];
            if (entry == 0)
            {
                return add(slot, hash, address, length, prefix);
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

    /** Appends key {@code id}'s bytes to {@code column} as a new row. */
    public void appendTo(final int id, final BytesColumn column)
    {
        final long keyRef = keyRefs[id];
        column.appendFromArray(arena, (int)(keyRef >>> 32), (int)keyRef);
    }

    /** Points {@code view} at key {@code id} (valid until the next add, release or compaction). */
    public CharSequence view(final int id, final Utf8View view)
    {
        final long keyRef = keyRefs[id];
        return view.wrap(arena, (int)(keyRef >>> 32), (int)keyRef);
    }

    /** Forgets key {@code id}: its id goes to the free list, its bytes become garbage. */
    public void release(final int id)
    {
        int hole = idSlots[id];
        if (hole < 0)
        {
            throw new IllegalStateException("id " + id + " is not in use");
        }
        final long[] table = this.table;
        final int mask = this.mask;
        table[hole] = 0;
        idSlots[id] = -1;
        for (int next = (hole + 1) & mask; table[next] != 0; next = (next + 1) & mask)
        {
            final long entry = table[next];
            final int home = (int)(entry >>> 32) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                table[hole] = entry;
                table[next] = 0;
                idSlots[(int)entry - 1] = hole;
                hole = next;
            }
        }
        final int length = (int)keyRefs[id];
        garbageBytes += length;
        liveKeyBytes -= length;
        freeIds[freeCount++] = id;
        size--;
    }

    /** Moves the live keys' bytes together once more than half of the arena is garbage (call after releasing). */
    public void compactIfWasteful()
    {
        if (garbageBytes < MIN_COMPACT_BYTES || garbageBytes <= arenaSize >>> 1)
        {
            return;
        }
        if (spare == null || spare.length != arena.length)
        {
            spare = new byte[arena.length];
        }
        final byte[] to = spare;
        int at = 0;
        for (int id = 0; id < idLimit; id++)
        {
            if (idSlots[id] >= 0)
            {
                final long keyRef = keyRefs[id];
                final int length = (int)keyRef;
                System.arraycopy(arena, (int)(keyRef >>> 32), to, at, length);
                keyRefs[id] = ((long)at << 32) | (length & 0xFFFF_FFFFL);
                at += length;
            }
        }
        spare = arena;
        arena = to;
        arenaSize = at;
        garbageBytes = 0;
    }

    private boolean equals(final int id, final long address, final int length, final long prefix)
    {
        final long keyRef = keyRefs[id];
        if ((int)keyRef != length || prefixes[id] != prefix)
        {
            return false;
        }
        return length <= 8 || BytesLongHashAggregator.tailEquals(arena, (int)(keyRef >>> 32), address, length);
    }

    private int add(final int slot, final int hash, final long address, final int length, final long prefix)
    {
        final int id;
        if (freeCount > 0)
        {
            id = freeIds[--freeCount];
        }
        else
        {
            id = idLimit;
            growIds(id + 1);
            idLimit = id + 1;
        }
        place(id, slot, hash, address, length, prefix);
        return id;
    }

    /** Restore: raises the id limit to {@code limit}; the ids skipped on the way are free (not live). */
    private void extendIdLimit(final int limit)
    {
        growIds(limit);
        for (int gap = idLimit; gap < limit; gap++)
        {
            idSlots[gap] = -1;
        }
        idLimit = limit;
    }

    private void growIds(final int limit)
    {
        if (limit > idSlots.length)
        {
            final int dense = Math.max(limit, idSlots.length << 1);
            keyRefs = Arrays.copyOf(keyRefs, dense);
            prefixes = Arrays.copyOf(prefixes, dense);
            hashes = Arrays.copyOf(hashes, dense);
            idSlots = Arrays.copyOf(idSlots, dense);
            freeIds = Arrays.copyOf(freeIds, dense);
        }
    }

    private void place(final int id, final int slot, final int hash, final long address, final int length,
        final long prefix)
    {
        if (arenaSize + length + KEY_PADDING > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length << 1, arenaSize + length + KEY_PADDING));
        }
        UnsafeApi.copyMemory(null, address, arena, BYTE_ARRAY_BASE + arenaSize, length);
        keyRefs[id] = ((long)arenaSize << 32) | (length & 0xFFFF_FFFFL);
        prefixes[id] = prefix;
        hashes[id] = hash;
        idSlots[id] = slot;
        table[slot] = ((long)hash << 32) | (id + 1);
        arenaSize += length;
        liveKeyBytes += length;
        size++;
        if ((long)size << 1 > table.length)
        {
            rehash(table.length << 1);
        }
    }

    /** Key {@code id}'s length in bytes. */
    public int keyLength(final int id)
    {
        return (int)keyRefs[id];
    }

    /** Writes key {@code id}'s bytes to {@code out}. */
    public void writeKey(final int id, final java.io.DataOutput out) throws java.io.IOException
    {
        final long keyRef = keyRefs[id];
        out.write(arena, (int)(keyRef >>> 32), (int)keyRef);
    }

    /** Free ids waiting for reuse, the next one given last. */
    public int freeIdCount()
    {
        return freeCount;
    }

    /** The {@code i}-th free id (0: the one given after all others). */
    public int freeIdAt(final int i)
    {
        return freeIds[i];
    }

    /**
     * Restores a written dictionary exactly, ids included: adds the {@code length} bytes at {@code address} as id
     * {@code id}, which must be above every id restored so far (ids skipped on the way are free until
     * {@link #restoreFreeIds} orders them). Only on a dictionary being restored: fresh, or built by this method alone.
     *
     * @throws IllegalStateException when the id is not above the last one restored, or the key is already there
     */
    public void restoreAt(final int id, final long address, final int length)
    {
        if (id < idLimit || freeCount > 0)
        {
            throw new IllegalStateException("restored dictionary ids must rise and come before the free list: id " + id
                + " after " + (idLimit - 1));
        }
        final long prefix = BytesLongHashAggregator.prefix(address, length);
        final int hash = BytesLongHashAggregator.hash(address, length, prefix);
        int slot = hash & mask;
        while (table[slot] != 0)
        {
            final long entry = table[slot];
            if ((int)(entry >>> 32) == hash && equals((int)entry - 1, address, length, prefix))
            {
                throw new IllegalStateException("a restored dictionary holds a key twice (ids " + ((int)entry - 1)
                    + " and " + id + ")");
            }
            slot = (slot + 1) & mask;
        }
        extendIdLimit(id + 1);
        place(id, slot, hash, address, length, prefix);
    }

    /**
     * Ends a restore: the ids below {@code limit} not restored are free, reused in the order {@code ids} gives them
     * (its last first), as the written dictionary would have.
     *
     * @throws IllegalStateException when the list does not name exactly the free ids below {@code limit}
     */
    public void restoreFreeIds(final int limit, final int[] ids, final int count)
    {
        if (limit < idLimit || freeCount > 0)
        {
            throw new IllegalStateException("restored id limit " + limit + " is below the last restored id "
                + (idLimit - 1));
        }
        extendIdLimit(limit);
        if (count != limit - size)
        {
            throw new IllegalStateException("a restored dictionary of " + size + " keys below id " + limit + " lists "
                + count + " free ids, not " + (limit - size));
        }
        final boolean[] seen = new boolean[limit];
        for (int i = 0; i < count; i++)
        {
            final int id = ids[i];
            if (id < 0 || id >= limit || idSlots[id] >= 0 || seen[id])
            {
                throw new IllegalStateException("a restored dictionary's free list names id " + id
                    + ", which is not a free id below " + limit + " (or twice)");
            }
            seen[id] = true;
            freeIds[i] = id;
        }
        freeCount = count;
    }

    private void rehash(final int slots)
    {
        final long[] table = new long[slots];
        final int mask = slots - 1;
        for (int id = 0; id < idLimit; id++)
        {
            if (idSlots[id] >= 0)
            {
                int slot = hashes[id] & mask;
                while (table[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }
                table[slot] = ((long)hashes[id] << 32) | (id + 1);
                idSlots[id] = slot;
            }
        }
        this.table = table;
        this.mask = mask;
    }
}
