package io.sluice.internal.state;

import io.sluice.api.Pair;
import io.sluice.api.StringUpdateFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;

/**
 * {@code StringLongPairDStream.updateStateByKey} in the graph: as {@link LongLongUpdateStateNode} (Spark's
 * {@code StateDStream}: every key called every batch, the whole state emitted, no output while there is neither state
 * nor a parent batch, batches applied in time order exactly once, checkpoint directory needed) over a
 * {@link StringLongUpdateStateOperator}. Allocates per batch (the output columns), never per record.
 */
public final class StringLongUpdateStateNode extends StateStreamNode<Pair<String, Long>>
{
    private StringLongUpdateStateOperator operator;
    private final StringUpdateFunction function;

    public StringLongUpdateStateNode(final Node<Pair<String, Long>> parent, final StringUpdateFunction function)
    {
        super(parent, ColumnLayout.STRING_LONG_PAIRS);
        this.function = function;
        this.operator = new StringLongUpdateStateOperator(function);
    }

    @Override
    ColumnBatch apply(final ColumnBatch in)
    {
        final int expected = operator.stateSize() + (in == null ? 0 : in.size()) + 16;
        final BytesColumn keys = BytesColumn.allocate(expected, operator.keyBytes()
            + (in == null ? 0 : in.bytes(0).dataSize()));
        final LongVector values = new LongVector(expected);
        if (in == null)
        {
            operator.update(null, 0, 0, 0, keys, values);
        }
        else
        {
            operator.update(in.bytes(0), in.longs(1).address(), in.selection() == null ? 0
                : in.selection().address(), in.size(), keys, values);
        }
        return ColumnBatch.of(keys, values);
    }

    @Override
    String keyType()
    {
        return "string";
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
        operator = new StringLongUpdateStateOperator(function);
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
        final StringLongUpdateStateOperator op = operator;
        return op == null ? -1 : op.stateSize();
    }
}
