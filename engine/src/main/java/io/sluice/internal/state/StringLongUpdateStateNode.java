package io.sluice.internal.state;

import io.sluice.api.Pair;
import io.sluice.api.StringUpdateFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code StringLongPairDStream.updateStateByKey} in the graph: as {@link LongLongUpdateStateNode} (Spark's
 * {@code StateDStream}: every key called every batch, the whole state emitted, no output while there is neither state
 * nor a parent batch, batches applied in time order exactly once, checkpoint directory needed) over a
 * {@link StringLongUpdateStateOperator}. Allocates per batch (the output columns), never per record.
 */
public final class StringLongUpdateStateNode extends Node<Pair<String, Long>>
{
    private final Node<Pair<String, Long>> parent;
    private final StringLongUpdateStateOperator operator;
    private long lastTimeMs = Long.MIN_VALUE;

    public StringLongUpdateStateNode(final Node<Pair<String, Long>> parent, final StringUpdateFunction function)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.operator = new StringLongUpdateStateOperator(function);
        persist();
    }

    @Override
    public boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    public String name()
    {
        return "StateDStream";
    }

    @Override
    protected BatchData<Pair<String, Long>> compute(final long time)
    {
        final BatchData<Pair<String, Long>> previousBatch = getOrCompute(time - slideMs());
        final BatchData<Pair<String, Long>> data = parent.getOrCompute(time);
        if (previousBatch == null && data == null)
        {
            return null;
        }
        final AtomicReference<BatchData<Pair<String, Long>>> previous = new AtomicReference<>(previousBatch);
        return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS, () -> apply(time, previous, data));
    }

    private ColumnBatch apply(final long time, final AtomicReference<BatchData<Pair<String, Long>>> previous,
        final BatchData<Pair<String, Long>> data)
    {
        final BatchData<Pair<String, Long>> before = previous.getAndSet(null);
        if (before != null && lastTimeMs < time - slideMs())
        {
            before.columns(ColumnLayout.STRING_LONG_PAIRS);
        }
        synchronized (operator)
        {
            final ColumnBatch in = data == null ? null : data.columns(ColumnLayout.STRING_LONG_PAIRS);
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
            lastTimeMs = time;
            return ColumnBatch.of(keys, values);
        }
    }

    @Override
    protected void releaseResources()
    {
        synchronized (operator)
        {
            operator.close();
        }
    }
}
