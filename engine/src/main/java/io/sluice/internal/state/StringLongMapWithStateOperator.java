package io.sluice.internal.state;

import io.sluice.api.StringMappingFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * {@code mapWithState} on text keys and long values, state and results: the batch's keys become dense ids
 * ({@code TextKeyIds}, hashed and compared as bytes) and {@link LongLongMapWithStateOperator} runs on them, the
 * function seeing each key through a reusable {@link Utf8View}. A batch still touches only its own keys (and, on
 * sweep batches, the idle ones): after each call the operator notes whether the key still has state, and after the
 * batch the touched keys left without state (removed, timed out, or new and never set) are forgotten, so the
 * dictionary holds the state's keys.
 *
 * <p>Crash recovery writes the state with {@link #writeState} at a checkpoint batch and restores it into a fresh
 * operator with {@link #readState}; the restored dictionary holds just the state's keys (with new ids), which the
 * mapped values and snapshots do not see.
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

    /**
     * Writes the whole state (what the next batch starts from) to {@code out}, columnar, entries in the state's
     * insertion order (the order of sweeps and snapshots), so the bytes depend on neither the hash layout nor the
     * ids; times are absolute ms:
     *
     * <pre>
     *   0        4          12                                 12 + 4n + B    12 + 12n + B      12 + 20n + B
     *   +--------+----------+----------------------------------+--------------+-----------------+
     *   | int    | long     | n x (int length, length bytes)   | long[n]      | long[n]         |
     *   | version| count n  | keys, UTF-8, B bytes in all      | states       | last-update ms  |
     *   +--------+----------+----------------------------------+--------------+-----------------+
     *   version: {@link LongLongUpdateStateOperator#STATE_FORMAT_VERSION}; big-endian, as {@link DataOutput} writes
     * </pre>
     *
     * Call between batches on the job thread. Allocates one off-heap staging column per call and lists the ids in
     * the reusable id vector (as {@link #snapshot} does); nothing per key: key bytes go through a reusable scratch.
     */
    public void writeState(final DataOutput out) throws IOException
    {
        outIds.clear();
        final int n = state.appendStateKeys(outIds);
        LongLongUpdateStateOperator.writeStateHeader(out, n);
        writeKeys(out, n);
        state.writeValuesAndTimes(out);
        outIds.clear();
    }

    /**
     * Replaces the state, which must be empty (a fresh operator, before its first batch and any
     * {@link #putInitial}), with what {@link #writeState} wrote, last-update times included; the operator then
     * behaves exactly as the one that wrote it (same calls, mapped values and timeouts, in the same order), given
     * the same function, timeout, zero time and batch interval. Call on the job thread. Allocates a one-row staging
     * column per call and grows the key scratch to the longest key; the dictionary, the has-state flags and the
     * off-heap state map grow to hold the entries.
     *
     * @throws IllegalStateException when the operator already has state, or the snapshot has another format
     *                               version, a negative count or key length, or a key twice (the operator is then
     *                               unusable: close it); a truncated snapshot surfaces as {@code in}'s
     *                               {@link java.io.EOFException}
     */
    public void readState(final DataInput in) throws IOException
    {
        final int n = LongLongUpdateStateOperator.readStateHeader(in, stateSize());
        readKeys(in, n);
        state.readValuesAndTimes(in);
    }

    @Override
    protected void restoreKey(final int id)
    {
        growHasState();
        hasState[id] = true;
        state.restoreKey(id);
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
