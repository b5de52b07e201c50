package io.sluice.internal.state;

import io.sluice.api.StringUpdateFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;

/**
 * {@code updateStateByKey} on text keys and long state: the batch's keys become dense ids ({@code TextKeyIds},
 * hashed and compared as bytes), {@link LongLongUpdateStateOperator} runs on the ids with the function seeing each
 * key through a reusable {@link Utf8View}, and the whole new state is written out with its keys as bytes. Keys that
 * end without state (removed, or new and never set) are forgotten at once: the dictionary holds the state's keys.
 *
 * <p>One job thread; {@link #close()} frees the off-heap maps. Steady state (no new keys) allocates nothing.
 */
public final class StringLongUpdateStateOperator extends TextKeyedStateOperator
{
    private final LongLongUpdateStateOperator state;

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
        toIds(keys, valuesAddress, selectionAddress, count);
        outIds.clear();
        final int n = state.update(batchIds.address(), batchValues.address(), 0, count, outIds, outValues);
        ids.write(outIds, n, outKeys);
        ids.releaseUnwritten(1);
        return n;
    }

    @Override
    public int stateSize()
    {
        return state.stateSize();
    }

    @Override
    protected void closeState()
    {
        state.close();
    }
}
