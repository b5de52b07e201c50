package io.sluice.internal.state;

import io.sluice.api.LongMappingFunction;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;

/**
 * {@code LongLongPairDStream.mapWithState} in the graph: as {@link MappedStateNode} over a
 * {@link LongLongMapWithStateOperator}. Allocates per batch, never per record.
 */
public final class LongLongMapWithStateNode extends MappedStateNode<Pair<Long, Long>>
{
    private final LongMappingFunction function;
    private final long[] initialKeys;
    private final long[] initialStates;
    private LongLongMapWithStateOperator operator;

    /**
     * @param timeoutMs   0 for none
     * @param initialKeys keys of the initial state ({@code initialStates[i]} is key i's), stored at the first batch's
     *                    time without calling the function
     */
    public LongLongMapWithStateNode(final Node<Pair<Long, Long>> parent, final LongMappingFunction function,
        final long timeoutMs, final long[] initialKeys, final long[] initialStates)
    {
        super(parent, ColumnLayout.LONG_LONG_PAIRS, timeoutMs);
        this.function = function;
        this.initialKeys = initialKeys.clone();
        this.initialStates = initialStates.clone();
    }

    @Override
    void open(final long timeMs)
    {
        operator = new LongLongMapWithStateOperator(function, timeoutMs, graph.zeroTime(), slideMs());
        for (int i = 0; i < initialKeys.length; i++)
        {
            operator.putInitial(initialKeys[i], initialStates[i], timeMs);
        }
    }

    @Override
    void update(final long timeMs, final ColumnBatch in, final boolean isSweep, final LongVector mapped)
    {
        if (in == null)
        {
            operator.update(timeMs, 0, 0, 0, 0, isSweep, mapped);
        }
        else
        {
            operator.update(timeMs, in.longs(0).address(), in.longs(1).address(),
                in.selection() == null ? 0 : in.selection().address(), in.size(), isSweep, mapped);
        }
    }

    @Override
    ColumnBatch snapshot()
    {
        final LongVector keys = new LongVector(operator.stateSize() + 1);
        final LongVector states = new LongVector(operator.stateSize() + 1);
        operator.snapshot(keys, states);
        return ColumnBatch.of(keys, states);
    }

    @Override
    void openRestored(final java.io.DataInput in) throws java.io.IOException
    {
        operator = new LongLongMapWithStateOperator(function, timeoutMs, graph.zeroTime(), slideMs());
        operator.readState(in);
    }

    @Override
    void writeOperatorState(final java.io.DataOutput out) throws java.io.IOException
    {
        operator.writeState(out);
    }

    @Override
    String keyType()
    {
        return "long";
    }

    @Override
    void closeState()
    {
        operator.close();
        operator = null;
    }

    @Override
    public long stateSize()
    {
        final LongLongMapWithStateOperator op = operator;
        return op == null ? -1 : op.stateSize();
    }
}
