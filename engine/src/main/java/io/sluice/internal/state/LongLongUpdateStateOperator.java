package io.sluice.internal.state;

import io.sluice.api.LongUpdateFunction;
import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;
import org.agrona.UnsafeApi;

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
 * <p>One job thread; {@link #close()} frees the off-heap maps. Steady state (no new keys) allocates nothing.
 */
public final class LongLongUpdateStateOperator implements AutoCloseable
{
    private static final long CONSUMED = Long.MIN_VALUE;
    private static final long COUNT_MASK = 0xFFFF_FFFFL;

    private final LongUpdateFunction function;
    private final LongLongStateMap state = new LongLongStateMap(16);
    private final LongLongStateMap groups = new LongLongStateMap(16);
    private final LongVector grouped = new LongVector(16);
    private final LongVector removed = new LongVector(16);
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
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            final long key = state.keyAt(slot);
            final int group = groups.isEmpty() ? -1 : groups.slotOf(key);
            if (group >= 0)
            {
                final long packed = groups.valueAt(group);
                values.wrap(groupedAddress + ((packed >>> 32) << 3), (int)(packed & COUNT_MASK));
                groups.valueAt(group, packed | CONSUMED);
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
        for (int slot = state.nextSlot(0); slot >= 0; slot = state.nextSlot(slot + 1))
        {
            outKeys.add(state.keyAt(slot));
            outValues.add(state.valueAt(slot));
        }
        return state.size();
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

    @Override
    public void close()
    {
        state.close();
        groups.close();
        grouped.close();
        removed.close();
    }
}
