package io.sluice.internal.state;

import io.sluice.internal.aggregate.TextKeyIds;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

/**
 * What the text-keyed state operators ({@link StringLongUpdateStateOperator}, {@link StringLongMapWithStateOperator})
 * share: the key ids ({@link TextKeyIds}), a batch turned into id and value columns for the long-keyed operator
 * they wrap, and the output ids written back as key bytes. One job thread.
 */
abstract class TextKeyedStateOperator implements AutoCloseable
{
    protected final TextKeyIds ids = new TextKeyIds();
    protected final LongVector batchIds = new LongVector(16);
    protected final LongVector batchValues = new LongVector(16);
    protected final LongVector outIds = new LongVector(16);

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
