package io.sluice.internal.state;

import io.sluice.api.LongUpdateFunction;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;

/**
 * {@code LongLongPairDStream.updateStateByKey} in the graph (Spark's {@code StateDStream}; generic twin
 * {@code UpdateStateByKeyNode}): each batch runs {@link LongLongUpdateStateOperator} over the parent's batch (none:
 * every key still gets its call) and emits the whole state. No output while there is neither state nor a parent
 * batch. Batches apply in time order exactly once (a batch forces the previous one if no job read it). Needs a
 * checkpoint directory. Allocates per batch (the output columns), never per record.
 */
public final class LongLongUpdateStateNode extends StateStreamNode<Pair<Long, Long>>
{
    private LongLongUpdateStateOperator operator;
    private final LongUpdateFunction function;

    /** @param initialKeys keys of the initial state ({@code initialStates[i]} is key i's), joined to the first batch */
    public LongLongUpdateStateNode(final Node<Pair<Long, Long>> parent, final LongUpdateFunction function,
        final long[] initialKeys, final long[] initialStates)
    {
        super(parent, ColumnLayout.LONG_LONG_PAIRS);
        this.function = function;
        this.operator = new LongLongUpdateStateOperator(function);
        for (int i = 0; i < initialKeys.length; i++)
        {
            operator.putInitial(initialKeys[i], initialStates[i]);
        }
    }

    @Override
    ColumnBatch apply(final ColumnBatch in)
    {
        final int expected = operator.stateSize() + 16;
        final LongVector keys = new LongVector(expected);
        final LongVector values = new LongVector(expected);
        if (in == null)
        {
            operator.update(0, 0, 0, 0, keys, values);
        }
        else
        {
            operator.update(in.longs(0).address(), in.longs(1).address(),
                in.selection() == null ? 0 : in.selection().address(), in.size(), keys, values);
        }
        return ColumnBatch.of(keys, values);
    }

    @Override
    String keyType()
    {
        return "long";
    }

    @Override
    void writeOperatorState(final java.io.DataOutput out) throws java.io.IOException
    {
        operator.writeState(out);
    }

    @Override
    void readOperatorState(final java.io.DataInput in) throws java.io.IOException
    {
        operator.close();
        operator = new LongLongUpdateStateOperator(function);
        operator.readState(in);
    }

    @Override
    void closeState()
    {
        operator.close();
    }

    @Override
    public long stateSize()
    {
        final LongLongUpdateStateOperator op = operator;
        return op == null ? -1 : op.stateSize();
    }
}
