package io.sluice.internal.state;

import io.sluice.api.StringMappingFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.util.Arrays;

/**
 * {@code mapWithState} on text keys and long values, state and results: the batch's keys become dense ids
 * ({@code TextKeyIds}, hashed and compared as bytes) and {@link LongLongMapWithStateOperator} runs on them, the
 * function seeing each key through a reusable {@link Utf8View}. A batch still touches only its own keys (and, on
 * sweep batches, the idle ones): after each call the operator notes whether the key still has state, and after the
 * batch the touched keys left without state (removed, timed out, or new and never set) are forgotten, so the
 * dictionary holds the state's keys.
 *
 * <p>One job thread; {@link #close()} frees the off-heap memory. Steady state allocates nothing.
 */
public final class StringLongMapWithStateOperator extends TextKeyedStateOperator
{
    private final LongLongMapWithStateOperator state;
    private final LongVector timedOut = new LongVector(16);
    private boolean[] hasState = new boolean[1024];

    /** As {@link LongLongMapWithStateOperator#LongLongMapWithStateOperator}. */
    public StringLongMapWithStateOperator(final StringMappingFunction function, final long timeoutMs,
        final long zeroTimeMs, final long batchMs)
    {
        final Utf8View view = new Utf8View();
        this.state = new LongLongMapWithStateOperator((id, hasValue, value, s) ->
        {
            final long result = function.apply(ids.view((int)id, view), hasValue, value, s);
            if (s.isTimingOut())
            {
                timedOut.add(id);
                hasState[(int)id] = false;
            }
            else
            {
                hasState[(int)id] = s.exists();
            }
            return result;
        }, timeoutMs, zeroTimeMs, batchMs);
    }

    /** Seeds an initial state for {@code key}, stored at {@code timeMs} without calling the function. */
    public void putInitial(final String key, final long stateValue, final long timeMs)
    {
        try (BytesColumn column = BytesColumn.allocate(1, 16))
        {
            column.appendString(key);
            final int id = ids.idOfRow(column, 0, 0);
            growHasState();
            hasState[id] = true;
            state.putInitial(id, stateValue, timeMs);
        }
    }

    private void growHasState()
    {
        if (ids.idLimit() > hasState.length)
        {
            hasState = Arrays.copyOf(hasState, Math.max(ids.idLimit(), hasState.length << 1));
        }
    }

    /**
     * Applies one batch at {@code batchTimeMs} ({@code count} rows of {@code keys} and of the long values at
     * {@code valuesAddress}, named by the int selection at {@code selectionAddress} or 0 for all; {@code keys} null
     * and {@code count} 0 when the parent produced none), appending one mapped value per call to
     * {@code outMapped}; returns how many.
     *
     * @param isSweep whether idle keys time out in this batch
     */
    public int update(final long batchTimeMs, final BytesColumn keys, final long valuesAddress,
        final long selectionAddress, final int count, final boolean isSweep, final LongVector outMapped)
    {
        toIds(keys, valuesAddress, selectionAddress, count);
        growHasState();
        timedOut.clear();
        final int n = state.update(batchTimeMs, batchIds.address(), batchValues.address(), 0, count, isSweep,
            outMapped);
        forgetStateless(batchIds);
        forgetStateless(timedOut);
        ids.compact();
        return n;
    }

    private void forgetStateless(final LongVector touched)
    {
        final long address = touched.address();
        for (int i = 0, n = touched.size(); i < n; i++)
        {
            final int id = (int)UnsafeApi.getLong(address + ((long)i << 3));
            if (!hasState[id])
            {
                ids.release(id);
            }
        }
    }

    /** Appends every (key, state) to the two columns (Spark's {@code stateSnapshots()}); returns how many. */
    public int snapshot(final BytesColumn outKeys, final LongVector outStates)
    {
        outIds.clear();
        final int n = state.snapshot(outIds, outStates);
        ids.write(outIds, n, outKeys);
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
        timedOut.close();
    }
}
