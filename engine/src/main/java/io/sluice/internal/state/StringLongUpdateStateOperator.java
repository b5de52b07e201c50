package io.sluice.internal.state;

import io.sluice.api.StringUpdateFunction;
import io.sluice.internal.aggregate.TextKeyIds;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

/**
 * {@code updateStateByKey} on text keys and long state: the batch's keys become dense ids ({@link TextKeyIds},
 * hashed and compared as bytes), {@link LongLongUpdateStateOperator} runs on the ids with the function seeing each
 * key through a reusable {@link Utf8View}, and the whole new state is written out with its keys as bytes. Keys that
 * end without state (removed, or new and never set) are forgotten at once: the dictionary holds the state's keys.
 *
 * <p>One job thread; {@link #close()} frees the off-heap maps. Steady state (no new keys) allocates nothing.
 */
public final class StringLongUpdateStateOperator implements AutoCloseable
{
    private final TextKeyIds ids = new TextKeyIds();
    private final LongLongUpdateStateOperator state;
    private final LongVector batchIds = new LongVector(16);
    private final LongVector batchValues = new LongVector(16);
    private final LongVector outIds = new LongVector(16);

    public StringLongUpdateStateOperator(final StringUpdateFunction function)
    {
        final Utf8View view = new Utf8View();
        this.state = new LongLongUpdateStateOperator((id, values, s) -> function.update(ids.view((int)id, view),
            values, s));
    }

    /**
     * Applies one batch ({@code count} rows of {@code keys} and of the long values at {@code valuesAddress}, named by
     * the int selection at {@code selectionAddress} or 0 for all; {@code keys} null and {@code count} 0 when the parent
     * produced none) and appends the whole new state to the two columns; returns the state's size.
     */
    public int update(final BytesColumn keys, final long valuesAddress, final long selectionAddress, final int count,
        final BytesColumn outKeys, final LongVector outValues)
    {
        batchIds.clear();
        batchValues.clear();
        for (int i = 0; i < count; i++)
        {
            final long row = SelectedRows.row(selectionAddress, i);
            batchIds.add(ids.idOfRow(keys, row, 0));
            batchValues.add(UnsafeApi.getLong(valuesAddress + (row << 3)));
        }
        outIds.clear();
        final int n = state.update(batchIds.address(), batchValues.address(), 0, count, outIds, outValues);
        ids.write(outIds, n, outKeys);
        ids.releaseUnwritten(1);
        return n;
    }

    /** Keys in the state now. */
    public int stateSize()
    {
        return state.stateSize();
    }

    /** Bytes of the state's keys: an upper bound of the next output's key bytes (before new keys arrive). */
    public int keyBytes()
    {
        return ids.keyBytes();
    }

    /** Keys the dictionary holds (the state's, after a batch). */
    public int dictionarySize()
    {
        return ids.size();
    }

    @Override
    public void close()
    {
        state.close();
        batchIds.close();
        batchValues.close();
        outIds.close();
    }
}
