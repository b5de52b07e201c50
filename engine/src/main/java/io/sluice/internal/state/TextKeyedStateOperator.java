package io.sluice.internal.state;

import io.sluice.internal.aggregate.TextKeyIds;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * What the text-keyed state operators ({@link StringLongUpdateStateOperator}, {@link StringLongMapWithStateOperator})
 * share: the key ids ({@link TextKeyIds}), a batch turned into id and value columns for the long-keyed operator
 * they wrap, and the output ids written back as key bytes; for state snapshots, the keys column (each key as an
 * {@code int} byte length then its UTF-8 bytes, in state order) written from and read back into the dictionary.
 * One job thread.
 */
abstract class TextKeyedStateOperator implements AutoCloseable
{
    /** Keys copied out of the dictionary at a time while writing a snapshot: bounds the staging column. */
    private static final int SNAPSHOT_KEY_CHUNK = 1024;
    private static final int KEY_SCRATCH_BYTES = 256;
    private static final long BYTE_ARRAY_BASE = UnsafeApi.arrayBaseOffset(byte[].class);

    protected final TextKeyIds ids = new TextKeyIds();
    protected final LongVector batchIds = new LongVector(16);
    protected final LongVector batchValues = new LongVector(16);
    protected final LongVector outIds = new LongVector(16);
    private byte[] keyScratch = new byte[KEY_SCRATCH_BYTES];

    /**
     * Fills {@link #batchIds} and {@link #batchValues} with the batch's {@code count} rows of {@code keys} (as ids,
     * added when new) and of the long values at {@code valuesAddress}, named by the int selection at
     * {@code selectionAddress} (0: rows 0 to count - 1).
     */
    protected final void toIds(final BytesColumn keys, final long valuesAddress, final long selectionAddress,
        final int count)
    {
        batchIds.clear();
        batchValues.clear();
        for (int i = 0; i < count; i++)
        {
            final long row = SelectedRows.row(selectionAddress, i);
            batchIds.add(ids.idOfRow(keys, row, 0));
            batchValues.add(UnsafeApi.getLong(valuesAddress + (row << 3)));
        }
    }

    /**
     * Writes the keys column of a snapshot: for each of the first {@code n} ids in {@link #outIds} (the state's ids
     * in state order), an {@code int} byte length then the key's UTF-8 bytes. The keys go through an off-heap
     * staging column {@link #SNAPSHOT_KEY_CHUNK} at a time (allocated once per call) and a reusable byte scratch:
     * nothing is allocated per key. Uses {@link #batchIds} as scratch, so call only between batches.
     */
    protected final void writeKeys(final DataOutput out, final int n) throws IOException
    {
        final byte[] scratch = keyScratch;
        final LongVector chunkIds = batchIds;
        try (BytesColumn chunk = BytesColumn.allocate(SNAPSHOT_KEY_CHUNK, SNAPSHOT_KEY_CHUNK * 16))
        {
            for (int start = 0; start < n; start += SNAPSHOT_KEY_CHUNK)
            {
                final int count = Math.min(SNAPSHOT_KEY_CHUNK, n - start);
                chunkIds.clear();
                chunkIds.ensureCapacity(count);
                UnsafeApi.copyMemory(outIds.address() + ((long)start << 3), chunkIds.address(), (long)count << 3);
                chunkIds.size(count);
                chunk.clear();
                // Counts as an output in TextKeyIds' release bookkeeping; harmless: the one owner that releases by
                // it (StringLongUpdateStateOperator) does so right after its own batch's write.
                ids.write(chunkIds, count, chunk);
                for (int row = 0; row < count; row++)
                {
                    final int length = chunk.length(row);
                    final long address = chunk.address(row);
                    out.writeInt(length);
                    for (int at = 0; at < length; at += scratch.length)
                    {
                        final int piece = Math.min(scratch.length, length - at);
                        UnsafeApi.copyMemory(null, address + at, scratch, BYTE_ARRAY_BASE, piece);
                        out.write(scratch, 0, piece);
                    }
                }
            }
            chunkIds.clear();
        }
    }

    /**
     * Reads the keys column of a snapshot ({@code n} keys as {@link #writeKeys} wrote them) into the dictionary, in
     * order, and hands each key's id to {@link #restoreKey}. Allocates one one-row staging column per call (see
     * {@link TextKeyIds#readKey}).
     *
     * @throws IllegalStateException on a negative or impossible key length, or a key that is there twice
     */
    protected final void readKeys(final DataInput in, final int n) throws IOException
    {
        try (BytesColumn key = BytesColumn.allocate(1, KEY_SCRATCH_BYTES))
        {
            for (int i = 0; i < n; i++)
            {
                ids.readKey(in, key, i);
                final int sizeBefore = ids.size();
                final int id = ids.idOfRow(key, 0, 0);
                if (ids.size() == sizeBefore)
                {
                    throw new IllegalStateException("state snapshot holds key \"" + key.string(0) + "\" twice");
                }
                restoreKey(id);
            }
        }
    }

    /** Adds the key of dictionary id {@code id} at the end of the (restoring, until then empty) wrapped state. */
    protected abstract void restoreKey(int id);

    /** Keys in the state now. */
    public abstract int stateSize();

    /** Bytes of the state's keys: an upper bound of an output's key bytes (before new keys arrive). */
    public final int keyBytes()
    {
        return ids.keyBytes();
    }

    /** Keys the dictionary holds (the state's, after a batch). */
    public final int dictionarySize()
    {
        return ids.size();
    }

    /** Frees the wrapped long-keyed operator. */
    protected abstract void closeState();

    @Override
    public final void close()
    {
        closeState();
        batchIds.close();
        batchValues.close();
        outIds.close();
    }
}
