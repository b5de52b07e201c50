package io.sluice.internal.state;

import io.sluice.api.LongUpdateFunction;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code LongLongPairDStream.updateStateByKey} in the graph (Spark's {@code StateDStream}; generic twin
 * {@code UpdateStateByKeyNode}): each batch runs {@link LongLongUpdateStateOperator} over the parent's batch (none:
 * every key still gets its call) and emits the whole state. No output while there is neither state nor a parent
 * batch. Batches apply in time order exactly once (a batch forces the previous one if no job read it). Needs a
 * checkpoint directory. Allocates per batch (the output columns), never per record.
 */
public final class LongLongUpdateStateNode extends Node<Pair<Long, Long>>
{
    private final Node<Pair<Long, Long>> parent;
    private final LongLongUpdateStateOperator operator;
    private long lastTimeMs = Long.MIN_VALUE;

    /** @param initialKeys keys of the initial state ({@code initialStates[i]} is key i's), joined to the first batch */
    public LongLongUpdateStateNode(final Node<Pair<Long, Long>> parent, final LongUpdateFunction function,
        final long[] initialKeys, final long[] initialStates)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.operator = new LongLongUpdateStateOperator(function);
        for (int i = 0; i < initialKeys.length; i++)
        {
            operator.putInitial(initialKeys[i], initialStates[i]);
        }
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
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final BatchData<Pair<Long, Long>> previousBatch = getOrCompute(time - slideMs());
        final BatchData<Pair<Long, Long>> data = parent.getOrCompute(time);
        if (previousBatch == null && data == null)
        {
            return null;
        }
        final AtomicReference<BatchData<Pair<Long, Long>>> previous = new AtomicReference<>(previousBatch);
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS, () -> apply(time, previous, data));
    }

    private ColumnBatch apply(final long time, final AtomicReference<BatchData<Pair<Long, Long>>> previous,
        final BatchData<Pair<Long, Long>> data)
    {
        final BatchData<Pair<Long, Long>> before = previous.getAndSet(null);
        if (before != null && lastTimeMs < time - slideMs())
        {
            before.columns(ColumnLayout.LONG_LONG_PAIRS);
        }
        synchronized (operator)
        {
            final int expected = operator.stateSize() + 16;
            final LongVector keys = new LongVector(expected);
            final LongVector values = new LongVector(expected);
            if (data == null)
            {
                operator.update(0, 0, 0, 0, keys, values);
            }
            else
            {
                final ColumnBatch in = data.columns(ColumnLayout.LONG_LONG_PAIRS);
                operator.update(in.longs(0).address(), in.longs(1).address(),
                    in.selection() == null ? 0 : in.selection().address(), in.size(), keys, values);
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
