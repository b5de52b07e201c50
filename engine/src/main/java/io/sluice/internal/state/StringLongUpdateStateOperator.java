package io.sluice.internal.state;

import io.sluice.api.StringUpdateFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.Utf8View;
import io.sluice.internal.gen.LongVector;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code updateStateByKey} on text keys and long state: the batch's keys become dense ids ({@code TextKeyIds},
 * hashed and compared as bytes), {@link LongLongUpdateStateOperator} runs on the ids with the function seeing each
 * key through a reusable {@link Utf8View}, and the whole new state is written out with its keys as bytes. Keys that
 * end without state (removed, or new and never set) are forgotten at once: the dictionary holds the state's keys.
 *
 * <p>Crash recovery writes the state with {@link #writeState} at a checkpoint batch and restores it into a fresh
 * operator with {@link #readState}; the restored dictionary holds just the state's keys (with new ids), which the
 * outputs do not see.
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

    /**
     * Writes the whole state (what the next batch starts from) to {@code out}, columnar, entries in the state's
     * insertion order (the order of the outputs), so the bytes depend on neither the hash layout nor the ids:
     *
     * <pre>
     *   0        4          12                                     12 + 4n + B      12 + 12n + B
     *   +--------+----------+--------------------------------------+----------------+
     *   | int    | long     | n x (int length, length bytes)       | long[n]        |
     *   | version| count n  | keys, UTF-8, B bytes in all          | states         |
     *   +--------+----------+--------------------------------------+----------------+
     *   version: {@link LongLongUpdateStateOperator#STATE_FORMAT_VERSION}; big-endian, as {@link DataOutput} writes
     * </pre>
     *
     * Call between batches on the job thread. Allocates one off-heap staging column per call and lists the ids in
     * the reusable id vector (as a batch's output does); nothing per key: key bytes go through a reusable scratch.
     */
    public void writeState(final DataOutput out) throws IOException
    {
        outIds.clear();
        final int n = state.appendStateKeys(outIds);
        LongLongUpdateStateOperator.writeStateHeader(out, n);
        writeKeys(out, n);
        state.writeValues(out);
        outIds.clear();
    }

    /**
     * Replaces the state, which must be empty (a fresh operator, before its first batch), with what
     * {@link #writeState} wrote; the operator then behaves exactly as the one that wrote it (same calls, same outputs
     * in the same order). Call on the job thread. Allocates a one-row staging column per call and grows the key
     * scratch to the longest key; the dictionary and the off-heap state map grow to hold the entries.
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
        state.readValues(in);
    }

    @Override
    protected void restoreKey(final int id)
    {
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
    }
}
