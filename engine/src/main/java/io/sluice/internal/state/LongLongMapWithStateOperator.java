package io.sluice.internal.state;

import io.sluice.api.LongMappingFunction;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code mapWithState} on long keys, values, state and mapped results: the fast twin of
 * {@code io.sluice.internal.generic.MapWithStateNode}. A batch touches only its own keys: per record, in order, the
 * function sees the state the previous call left; then removed → deleted; updated, or still existing while a
 * timeout is set → stored with the batch time. On sweep batches (the checkpoint batches) keys last stored
 * STRICTLY before {@code batchTime - timeout} are idle: the function is called with no value and
 * {@code isTimingOut()}, and the key is removed. Every call's result is one mapped record. Order is the generic
 * twin's: the state keeps insertion order (an updated key keeps its place, a removed and re-added one moves to the
 * end), and sweeps and snapshots walk it in that order.
 *
 * <p>The state lives in one {@link LongLongStateMap} (times in batch ticks) that the operator mutates in place:
 * a batch's snapshot must be taken (by {@link #snapshot}) before the next batch runs. Crash recovery writes the
 * state with {@link #writeState} at a checkpoint batch and restores it into a fresh operator with
 * {@link #readState}. One job thread; {@link #close()} frees the memory. Steady state allocates nothing.
 */
public final class LongLongMapWithStateOperator implements AutoCloseable
{
    private final LongMappingFunction function;
    private final long timeoutMs;
    private final LongLongStateMap state;
    private final LongVector idle = new LongVector(16);
    private final LongStateFlyweight flyweight = new LongStateFlyweight();

    /**
     * @param timeoutMs  0 for no timeout
     * @param zeroTimeMs the context's zero time (origin of the stored ticks)
     * @param batchMs    the batch interval (the tick)
     */
    public LongLongMapWithStateOperator(final LongMappingFunction function, final long timeoutMs,
        final long zeroTimeMs, final long batchMs)
    {
        this.function = function;
        this.timeoutMs = timeoutMs;
        this.state = new LongLongStateMap(16, zeroTimeMs, batchMs);
    }

    /** Seeds an initial state, stored at {@code timeMs} (the first batch's time) without calling the function. */
    public void putInitial(final long key, final long stateValue, final long timeMs)
    {
        final int found = state.insertSlot(key);
        final int slot = found >= 0 ? found : -found - 1;
        state.valueAt(slot, stateValue);
        state.updateTimeAt(slot, timeMs);
    }

    /**
     * Applies one batch at {@code batchTimeMs} ({@code count} records at the two addresses, rows named by the int
     * selection at {@code selectionAddress} or 0 for all; {@code count} 0 when the parent produced none), appending one mapped value per call to {@code outMapped}; returns how many.
     *
     * @param isSweep whether idle keys time out in this batch (Spark: the batch is a checkpoint batch)
     */
    public int update(final long batchTimeMs, final long keysAddress, final long valuesAddress,
        final long selectionAddress, final int count, final boolean isSweep, final LongVector outMapped)
    {
        final LongLongStateMap state = this.state;
        final LongStateFlyweight flyweight = this.flyweight;
        final LongMappingFunction function = this.function;
        final boolean hasTimeout = timeoutMs > 0;
        int emitted = 0;
        for (int i = 0; i < count; i++)
        {
            final long offset = (long)SelectedRows.row(selectionAddress, i) << 3;
            final long key = UnsafeApi.getLong(keysAddress + offset);
            final int slot = state.slotOf(key);
            flyweight.wrap(slot >= 0 ? state.valueAt(slot) : 0, slot >= 0);
            outMapped.add(function.apply(key, true, UnsafeApi.getLong(valuesAddress + offset), flyweight));
            emitted++;
            if (flyweight.isRemoved())
            {
                if (slot >= 0)
                {
                    state.removeAt(slot);
                }
            }
            else if (flyweight.isUpdated() || (hasTimeout && flyweight.exists()))
            {
                final int found = slot >= 0 ? slot : state.insertSlot(key);
                final int target = found >= 0 ? found : -found - 1;
                state.valueAt(target, flyweight.get());
                state.updateTimeAt(target, batchTimeMs);
            }
        }
        if (hasTimeout && isSweep)
        {
            emitted += sweep(batchTimeMs, outMapped);
        }
        return emitted;
    }

    private int sweep(final long batchTimeMs, final LongVector outMapped)
    {
        final LongLongStateMap state = this.state;
        final long thresholdMs = batchTimeMs - timeoutMs;
        idle.clear();
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            if (state.isUpdatedBefore(slot, thresholdMs))
            {
                final long key = state.keyAt(slot);
                flyweight.wrapTimingOut(state.valueAt(slot));
                outMapped.add(function.apply(key, false, 0, flyweight));
                idle.add(key);
            }
        }
        final int n = idle.size();
        for (int i = 0; i < n; i++)
        {
            state.remove(idle.get(i));
        }
        return n;
    }

    /** Appends every (key, state) to the two vectors (Spark's {@code stateSnapshots()}); returns how many. */
    public int snapshot(final LongVector outKeys, final LongVector outStates)
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            outKeys.add(state.keyAt(slot));
            outStates.add(state.valueAt(slot));
        }
        return state.size();
    }

    /** Keys in the state now. */
    public int stateSize()
    {
        return state.size();
    }

    /**
     * Writes the whole state (what the next batch starts from) to {@code out}, columnar, entries in the state's
     * insertion order (the order of sweeps and snapshots), so the bytes do not depend on the in-memory hash layout;
     * times are absolute ms (not the map's ticks), so they do not depend on its origin either:
     *
     * <pre>
     *   0        4            12            12 + 8n       12 + 16n        12 + 24n
     *   +--------+------------+-------------+-------------+---------------+
     *   | int    | long       | long[n]     | long[n]     | long[n]       |
     *   | version| count n    | keys        | states      | last-update ms|
     *   +--------+------------+-------------+-------------+---------------+
     *   version: {@link LongLongUpdateStateOperator#STATE_FORMAT_VERSION}; big-endian, as {@link DataOutput} writes
     * </pre>
     *
     * Call between batches on the job thread. Allocates nothing (beyond what {@code out} does).
     */
    public void writeState(final DataOutput out) throws IOException
    {
        final LongLongStateMap state = this.state;
        LongLongUpdateStateOperator.writeStateHeader(out, state.size());
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.writeLong(state.keyAt(slot));
        }
        writeValuesAndTimes(out);
    }

    /**
     * Replaces the state, which must be empty (a fresh operator, before its first batch and any
     * {@link #putInitial}), with what {@link #writeState} wrote, last-update times included; the operator then
     * behaves exactly as the one that wrote it (same calls, mapped values and timeouts, in the same order), given
     * the same function, timeout, zero time and batch interval. Call on the job thread. Allocates nothing on the
     * heap; the off-heap state map grows to hold the entries.
     *
     * @throws IllegalStateException when the operator already has state, or the snapshot has another format
     *                               version, a negative count or a key twice (the operator is then unusable:
     *                               close it); a truncated snapshot surfaces as {@code in}'s
     *                               {@link java.io.EOFException}
     */
    public void readState(final DataInput in) throws IOException
    {
        final int n = LongLongUpdateStateOperator.readStateHeader(in, state.size());
        for (int i = 0; i < n; i++)
        {
            restoreKey(in.readLong());
        }
        readValuesAndTimes(in);
    }

    /** Appends the state's keys, in insertion order, to {@code out}; returns how many (text-keyed snapshots). */
    int appendStateKeys(final LongVector out)
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.add(state.keyAt(slot));
        }
        return state.size();
    }

    /** Writes the states column, then the last-update times column, both in insertion order. */
    void writeValuesAndTimes(final DataOutput out) throws IOException
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.writeLong(state.valueAt(slot));
        }
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.writeLong(state.updateTimeAt(slot));
        }
    }

    /** Adds {@code key} at the end of the (restoring) state; {@link #readValuesAndTimes} sets its state and time. */
    void restoreKey(final long key)
    {
        if (state.insertSlot(key) >= 0)
        {
            throw new IllegalStateException("state snapshot holds key " + key + " twice");
        }
    }

    /**
     * Reads the states and times columns into the restored keys, in order: the state was empty before the keys were
     * restored, so its live entries are exactly those keys, in snapshot order (setting a time may rebase the map's
     * ticks, which moves no entry).
     */
    void readValuesAndTimes(final DataInput in) throws IOException
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            state.valueAt(slot, in.readLong());
        }
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            state.updateTimeAt(slot, in.readLong());
        }
    }

    @Override
    public void close()
    {
        state.close();
        idle.close();
    }
}
