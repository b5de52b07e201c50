package io.sluice.internal.state;

import io.sluice.api.LongUpdateFunction;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@code updateStateByKey} on long keys and long state: the fast twin of
 * {@code io.sluice.internal.generic.UpdateStateByKeyNode}. Each batch the function is called once for EVERY key
 * in the state (with this batch's values, possibly none), then once for each new key of the batch; a removed key
 * is deleted, an untouched one keeps its state. The output is the whole new state. Order is the generic twin's: the
 * calls and the output run over the previous state's keys in their order, then the batch's new keys in order of
 * first appearance ({@code state} and {@code groups} keep insertion order).
 *
 * <p>A batch's values are grouped by key without sorting: a count per key in {@code groups}, run ends from the
 * counts, then the records are scattered backwards into {@code grouped} so that each key's run keeps arrival
 * order. A group's long packs {@code cursor << 32 | count}; the sign bit marks a group whose key already had state.
 *
 * <p>Crash recovery snapshots the state with {@link #writeState} at a checkpoint batch and restores it into a fresh
 * operator with {@link #readState}; the header ({@link #STATE_FORMAT_VERSION}, entry count) is shared by the four
 * fast-path keyed-state operators, whose snapshots are columnar (all keys, then all states, then all times).
 *
 * <p>One job thread; {@link #close()} frees the off-heap maps. Steady state (no new keys) allocates nothing.
 */
public final class LongLongUpdateStateOperator implements AutoCloseable
{
    /**
     * The version of the keyed-state snapshot format that {@link #writeState} (and the other fast-path keyed-state
     * operators' {@code writeState}) write first, and the only one {@code readState} accepts.
     */
    public static final int STATE_FORMAT_VERSION = 1;

    private static final long CONSUMED = Long.MIN_VALUE;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final LongUpdateFunction function;
    private final LongLongStateMap state = new LongLongStateMap(16);
    private final LongLongStateMap groups = new LongLongStateMap(16);
    private final LongVector grouped = new LongVector(16);
    private final LongVector removed = new LongVector(16);
    /** Per state entry, 1 + the slot of its group in this batch, or 0: see {@link #markStateSlots}. */
    private int[] slotGroups = new int[16];
    private final LongStateFlyweight flyweight = new LongStateFlyweight();
    private final LongValuesFlyweight values = new LongValuesFlyweight();

    public LongLongUpdateStateOperator(final LongUpdateFunction function)
    {
        this.function = function;
    }

    /** Seeds the state (Spark's initial RDD) before the first batch. */
    public void putInitial(final long key, final long stateValue)
    {
        state.put(key, stateValue);
    }

    /**
     * Applies one batch ({@code count} pairs at the two addresses, rows named by the int selection at
     * {@code selectionAddress} or 0 for all; {@code count} 0 when the parent produced none) and appends the
     * whole new state to the two vectors; returns the state's size.
     */
    public int update(final long keysAddress, final long valuesAddress, final long selectionAddress, final int count,
        final LongVector outKeys, final LongVector outValues)
    {
        group(keysAddress, valuesAddress, selectionAddress, count);
        final LongLongStateMap state = this.state;
        final LongLongStateMap groups = this.groups;
        final LongStateFlyweight flyweight = this.flyweight;
        final long groupedAddress = grouped.address();
        removed.clear();
        final int[] slotGroups = markStateSlots();
        try
        {
            for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
            {
                final long key = state.keyAt(slot);
                final int mark = slot < slotGroups.length ? slotGroups[slot] : 0;
                if (mark != 0)
                {
                    slotGroups[slot] = 0;
                    final long packed = groups.valueAt(mark - 1) & ~CONSUMED;
                    values.wrap(groupedAddress + ((packed >>> 32) << 3), (int)(packed & COUNT_MASK));
                }
                else
                {
                    values.wrap(groupedAddress, 0);
                }
                flyweight.wrap(state.valueAt(slot), true);
                function.update(key, values, flyweight);
                if (flyweight.isRemoved())
                {
                    removed.add(key);
                }
                else if (flyweight.isUpdated())
                {
                    state.valueAt(slot, flyweight.get());
                }
            }
        }
        catch (final RuntimeException | Error e)
        {
            java.util.Arrays.fill(slotGroups, 0);   // the walk stopped early: drop the marks it did not reach
            throw e;
        }
        for (int i = 0, n = removed.size(); i < n; i++)
        {
            state.remove(removed.get(i));
        }
        for (int group = groups.nextSlot(0); group >= 0; group = groups.nextSlot(group + 1))
        {
            final long packed = groups.valueAt(group);
            if (packed >= 0)
            {
                values.wrap(groupedAddress + ((packed >>> 32) << 3), (int)(packed & COUNT_MASK));
                flyweight.wrap(0, false);
                final long key = groups.keyAt(group);
                function.update(key, values, flyweight);
                if (flyweight.isUpdated())
                {
                    state.put(key, flyweight.get());
                }
            }
        }
        return state.appendEntriesTo(outKeys, outValues);
    }

    /**
     * Marks the state entries that have values in this batch: {@code slotGroups[stateSlot] = groupSlot + 1}, found
     * with one probe of the state per distinct key of the batch (not one probe of the batch's groups per state key:
     * the state is usually much larger), and flags those groups consumed. The state walk reads the marks in entry
     * order and clears each one it uses, so every mark is gone when it ends.
     */
    private int[] markStateSlots()
    {
        final LongLongStateMap state = this.state;
        final LongLongStateMap groups = this.groups;
        int[] slotGroups = this.slotGroups;
        for (int group = groups.nextSlot(0); group >= 0; group = groups.nextSlot(group + 1))
        {
            final int slot = state.slotOf(groups.keyAt(group));
            if (slot >= 0)
            {
                if (slot >= slotGroups.length)
                {
                    slotGroups = java.util.Arrays.copyOf(slotGroups, Math.max(slot + 1, slotGroups.length << 1));
                    this.slotGroups = slotGroups;
                }
                slotGroups[slot] = group + 1;
                groups.valueAt(group, groups.valueAt(group) | CONSUMED);
            }
        }
        return slotGroups;
    }

    private void group(final long keysAddress, final long valuesAddress, final long selectionAddress, final int count)
    {
        final LongLongStateMap groups = this.groups;
        groups.clear();
        grouped.clear();
        for (int i = 0; i < count; i++)
        {
            final int found = groups.insertSlot(UnsafeApi.getLong(keysAddress + ((long)SelectedRows.row(selectionAddress, i) << 3)));
            final int slot = found >= 0 ? found : -found - 1;
            groups.valueAt(slot, groups.valueAt(slot) + 1);
        }
        long end = 0;
        for (int slot = groups.nextSlot(0); slot >= 0; slot = groups.nextSlot(slot + 1))
        {
            final long groupCount = groups.valueAt(slot);
            end += groupCount;
            groups.valueAt(slot, end << 32 | groupCount);
        }
        grouped.ensureCapacity(count);
        grouped.size(count);
        final long groupedAddress = grouped.address();
        for (int i = count - 1; i >= 0; i--)
        {
            final long offset = (long)SelectedRows.row(selectionAddress, i) << 3;
            final int slot = groups.slotOf(UnsafeApi.getLong(keysAddress + offset));
            final long cursor = (groups.valueAt(slot) >>> 32) - 1;
            UnsafeApi.putLong(groupedAddress + (cursor << 3), UnsafeApi.getLong(valuesAddress + offset));
            groups.valueAt(slot, cursor << 32 | (groups.valueAt(slot) & COUNT_MASK));
        }
    }

    /** Keys in the state now. */
    public int stateSize()
    {
        return state.size();
    }

    /**
     * Writes the whole state (what the next batch starts from) to {@code out}, columnar, entries in the state's
     * insertion order (the order of the outputs), so the bytes do not depend on the in-memory hash layout:
     *
     * <pre>
     *   0        4            12            12 + 8n       12 + 16n
     *   +--------+------------+-------------+-------------+
     *   | int    | long       | long[n]     | long[n]     |
     *   | version| count n    | keys        | states      |
     *   +--------+------------+-------------+-------------+
     *   version: {@link #STATE_FORMAT_VERSION}; big-endian, as {@link DataOutput} writes
     * </pre>
     *
     * Call between batches on the job thread. Allocates nothing (beyond what {@code out} does).
     */
    public void writeState(final DataOutput out) throws IOException
    {
        writeStateHeader(out, state.size());
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.writeLong(state.keyAt(slot));
        }
        writeValues(out);
    }

    /**
     * Replaces the state, which must be empty (a fresh operator, before its first batch and any
     * {@link #putInitial}), with what {@link #writeState} wrote; the operator then behaves exactly as the one that
     * wrote it (same calls, same outputs in the same order). Call on the job thread. Allocates nothing on the heap;
     * the off-heap state map grows to hold the entries.
     *
     * @throws IllegalStateException when the operator already has state, or the snapshot has another format
     *                               version, a negative count or a key twice (the operator is then unusable:
     *                               close it); a truncated snapshot surfaces as {@code in}'s
     *                               {@link java.io.EOFException}
     */
    public void readState(final DataInput in) throws IOException
    {
        final int n = readStateHeader(in, state.size());
        for (int i = 0; i < n; i++)
        {
            restoreKey(in.readLong());
        }
        readValues(in);
    }

    /** Writes the header of a keyed-state snapshot of {@code count} entries (see {@link #writeState}). */
    static void writeStateHeader(final DataOutput out, final int count) throws IOException
    {
        out.writeInt(STATE_FORMAT_VERSION);
        out.writeLong(count);
    }

    /**
     * Reads and checks the header of a keyed-state snapshot for an operator holding {@code stateSize} keys (which
     * must be 0); returns the entry count.
     */
    static int readStateHeader(final DataInput in, final int stateSize) throws IOException
    {
        if (stateSize != 0)
        {
            throw new IllegalStateException("readState restores into an empty operator (a fresh one, before its first"
                + " batch), but this one already holds " + stateSize + " keys");
        }
        final int version = in.readInt();
        if (version != STATE_FORMAT_VERSION)
        {
            throw new IllegalStateException("unknown state snapshot format version " + version + " (this build reads"
                + " version " + STATE_FORMAT_VERSION + ")");
        }
        final long count = in.readLong();
        if (count < 0)
        {
            throw new IllegalStateException("state snapshot has a negative entry count: " + count);
        }
        if (count > Integer.MAX_VALUE)
        {
            throw new IllegalStateException("state snapshot has " + count + " entries, more than a state map holds");
        }
        return (int)count;
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

    /** Writes the states in insertion order: the snapshot's states column. */
    void writeValues(final DataOutput out) throws IOException
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            out.writeLong(state.valueAt(slot));
        }
    }

    /** Adds {@code key} at the end of the (restoring) state, its state to come from {@link #readValues}. */
    void restoreKey(final long key)
    {
        if (state.insertSlot(key) >= 0)
        {
            throw new IllegalStateException("state snapshot holds key " + key + " twice");
        }
    }

    /**
     * Reads the states column into the restored keys, in order: the state was empty before the keys were restored,
     * so its live entries are exactly those keys, in snapshot order.
     */
    void readValues(final DataInput in) throws IOException
    {
        final LongLongStateMap state = this.state;
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            state.valueAt(slot, in.readLong());
        }
    }

    @Override
    public void close()
    {
        state.close();
        groups.close();
        grouped.close();
        removed.close();
    }
}
