package io.sluice.internal.aggregate;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.BytesColumnDescriptor;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Text keys as dense ids for the long-keyed window and state operators: a {@link BytesKeyDictionary} plus, per id,
 * the last "use" its owner recorded (a pane, say) and the last output it was written to. An owner turns a batch's
 * keys into ids ({@link #idOfRow}), runs the long-keyed operator on them, writes its output's ids back as bytes
 * ({@link #write}) and then {@link #releaseUnwritten releases} the ids it no longer needs, so the dictionary holds
 * only the keys of the operator's state.
 *
 * <p>Not thread-safe: one job thread. Steady state allocates nothing (arrays grow only with the live key count).
 */
public final class TextKeyIds
{
    /** The format version {@link #writeTo} writes and {@link #readFrom} reads. */
    public static final int FORMAT_VERSION = 1;
    /** The longest key a snapshot may hold: what a byte array (and a bytes column, padded) can take. */
    private static final int MAX_KEY_BYTES = Integer.MAX_VALUE - 16;
    private static final int KEY_SCRATCH_BYTES = 256;

    private final BytesKeyDictionary dictionary = new BytesKeyDictionary(1024);
    private byte[] keyScratch = new byte[KEY_SCRATCH_BYTES];
    private long[] lastUse = new long[1024];
    private long[] writtenAt = new long[1024];
    private long writes;

    /** The id of row {@code row} of {@code keys}, adding the key if absent; records {@code use} as its last use. */
    public int idOfRow(final BytesColumn keys, final long row, final long use)
    {
        final long slot = UnsafeApi.getLong(keys.slots().address() + (row << 3));
        final int id = dictionary.idOf(keys.dataAddress() + BytesColumnDescriptor.offset(slot),
            BytesColumnDescriptor.length(slot));
        growUses(dictionary.idLimit());
        lastUse[id] = use;
        return id;
    }

    /** Points {@code view} at key {@code id}'s bytes (valid until ids are next added or released). */
    public CharSequence view(final int id, final Utf8View view)
    {
        return dictionary.view(id, view);
    }

    /** Appends the keys of the {@code n} ids in {@code ids} to {@code out}; they count as written by this output. */
    public void write(final LongVector ids, final int n, final BytesColumn out)
    {
        final long output = ++writes;
        final long address = ids.address();
        for (int i = 0; i < n; i++)
        {
            final int id = (int)UnsafeApi.getLong(address + ((long)i << 3));
            dictionary.appendTo(id, out);
            writtenAt[id] = output;
        }
    }

    /** Releases every id that the last {@link #write} did not write and whose last use is before {@code usedBefore}. */
    public void releaseUnwritten(final long usedBefore)
    {
        final BytesKeyDictionary dictionary = this.dictionary;
        final long output = writes;
        for (int id = 0, limit = dictionary.idLimit(); id < limit; id++)
        {
            if (writtenAt[id] != output && lastUse[id] < usedBefore && dictionary.isLive(id))
            {
                dictionary.release(id);
            }
        }
        dictionary.compactIfWasteful();
    }

    /** Releases id {@code id} if it is in use (for owners that know which keys left); then {@link #compact()}. */
    public void release(final int id)
    {
        if (dictionary.isLive(id))
        {
            dictionary.release(id);
        }
    }

    /** Reclaims released keys' bytes once they are more than half of the arena. */
    public void compact()
    {
        dictionary.compactIfWasteful();
    }

    /** One more than the largest id ever given. */
    public int idLimit()
    {
        return dictionary.idLimit();
    }

    /** Keys held. */
    public int size()
    {
        return dictionary.size();
    }

    /** Bytes of the keys held: an upper bound of an output's key bytes. */
    public int keyBytes()
    {
        return dictionary.keyBytes();
    }

    /**
     * Writes the dictionary exactly, ids, last uses and the free list included, so {@link #readFrom} gives an owner
     * whose id-keyed state (panes, window maps) needs no remapping:
     *
     * <pre>
     *   int version (1), int idLimit, int n,
     *   n x (int id, long lastUse, int length, length bytes)      live ids, rising
     *   int f, f x int id                                          the free ids, in reuse order (last given first)
     * </pre>
     *
     * Call between batches on the owner's thread; allocates nothing.
     */
    public void writeTo(final DataOutput out) throws IOException
    {
        final BytesKeyDictionary dictionary = this.dictionary;
        final int limit = dictionary.idLimit();
        out.writeInt(FORMAT_VERSION);
        out.writeInt(limit);
        out.writeInt(dictionary.size());
        for (int id = 0; id < limit; id++)
        {
            if (dictionary.isLive(id))
            {
                out.writeInt(id);
                out.writeLong(lastUse[id]);
                out.writeInt(dictionary.keyLength(id));
                dictionary.writeKey(id, out);
            }
        }
        final int free = dictionary.freeIdCount();
        out.writeInt(free);
        for (int i = 0; i < free; i++)
        {
            out.writeInt(dictionary.freeIdAt(i));
        }
    }

    /**
     * Replaces this fresh (never used) dictionary with what {@link #writeTo} wrote: the same keys under the same ids,
     * with the same last uses and free list. Allocates a one-row staging column and arrays for the free list.
     *
     * @throws IllegalStateException when this one holds keys, on another format version, or on counts, ids or
     *                               lengths that cannot be (a truncated input surfaces as {@link java.io.EOFException})
     */
    public void readFrom(final DataInput in) throws IOException
    {
        if (dictionary.idLimit() != 0)
        {
            throw new IllegalStateException("restore key ids into a fresh dictionary: this one has given "
                + dictionary.idLimit() + " ids");
        }
        final int version = in.readInt();
        if (version != FORMAT_VERSION)
        {
            throw new IllegalStateException("unknown key dictionary version " + version + " (this build reads "
                + FORMAT_VERSION + ")");
        }
        final int limit = in.readInt();
        final int n = in.readInt();
        if (limit < 0 || n < 0 || n > limit)
        {
            throw new IllegalStateException("a key dictionary of " + n + " keys below id " + limit + " cannot be");
        }
        try (BytesColumn key = BytesColumn.allocate(1, KEY_SCRATCH_BYTES))
        {
            for (int i = 0; i < n; i++)
            {
                final int id = in.readInt();
                if (id < 0 || id >= limit)
                {
                    throw new IllegalStateException("key dictionary id " + id + " is outside 0.." + (limit - 1));
                }
                final long use = in.readLong();
                readKey(in, key, i);
                final long slot = UnsafeApi.getLong(key.slots().address());
                dictionary.restoreAt(id, key.dataAddress() + BytesColumnDescriptor.offset(slot),
                    BytesColumnDescriptor.length(slot));
                growUses(id + 1);
                lastUse[id] = use;
            }
        }
        final int free = in.readInt();
        if (free != limit - n)
        {
            throw new IllegalStateException("a key dictionary of " + n + " keys below id " + limit + " lists " + free
                + " free ids, not " + (limit - n));
        }
        final int[] freeIds = new int[free];
        for (int i = 0; i < free; i++)
        {
            freeIds[i] = in.readInt();
        }
        dictionary.restoreFreeIds(limit, freeIds, free);
        growUses(limit);
    }

    /**
     * Reads one key written as {@code int length} then its bytes into row 0 of {@code staging} (cleared first). The
     * byte scratch grows only to the longest key, and only as its bytes arrive, so a corrupt length fails with
     * {@link java.io.EOFException}, not with a huge array.
     *
     * @param index the key's position, for the error message
     * @throws IllegalStateException on a negative or impossible length
     */
    public void readKey(final DataInput in, final BytesColumn staging, final int index) throws IOException
    {
        final int length = in.readInt();
        if (length < 0)
        {
            throw new IllegalStateException("state snapshot key " + index + " has a negative length: " + length);
        }
        if (length > MAX_KEY_BYTES)
        {
            throw new IllegalStateException("state snapshot key " + index + " has length " + length
                + ", longer than a key can be (" + MAX_KEY_BYTES + " bytes)");
        }
        int filled = 0;
        while (filled < length)
        {
            if (filled == keyScratch.length)
            {
                keyScratch = Arrays.copyOf(keyScratch, (int)Math.min(MAX_KEY_BYTES, (long)filled << 1));
            }
            final int piece = Math.min(length - filled, keyScratch.length - filled);
            in.readFully(keyScratch, filled, piece);
            filled += piece;
        }
        staging.clear();
        staging.appendFromArray(keyScratch, 0, length);
    }

    private void growUses(final int limit)
    {
        if (limit > lastUse.length)
        {
            final int n = Math.max(limit, lastUse.length << 1);
            lastUse = Arrays.copyOf(lastUse, n);
            writtenAt = Arrays.copyOf(writtenAt, n);
        }
    }
}
