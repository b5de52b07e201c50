package io.sluice.internal.aggregate;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.BytesColumnDescriptor;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

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
    private final BytesKeyDictionary dictionary = new BytesKeyDictionary(1024);
    private long[] lastUse = new long[1024];
    private long[] writtenAt = new long[1024];
    private long writes;

    /** The id of row {@code row} of {@code keys}, adding the key if absent; records {@code use} as its last use. */
    public int idOfRow(final BytesColumn keys, final long row, final long use)
    {
        final long slot = UnsafeApi.getLong(keys.slots().address() + (row << 3));
        final int id = dictionary.idOf(keys.dataAddress() + BytesColumnDescriptor.offset(slot),
            BytesColumnDescriptor.length(slot));
        if (id >= lastUse.length)
        {
            final int n = Math.max(dictionary.idLimit(), lastUse.length << 1);
            lastUse = Arrays.copyOf(lastUse, n);
            writtenAt = Arrays.copyOf(writtenAt, n);
        }
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
}
