package io.sluice.internal.state;

import io.sluice.api.Pair;
import io.sluice.api.StringMappingFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code StringLongPairDStream.mapWithState} in the graph: as {@link LongLongMapWithStateNode} (Spark's
 * {@code InternalMapWithStateDStream}; generic twin {@code MapWithStateNode}) over a
 * {@link StringLongMapWithStateOperator}: every batch, even without parent data, emits the mapped values. Idle keys time out on checkpoint batches only
 * (default interval 10 batches). Needs a checkpoint directory.
 *
 * <p>When {@link #stateSnapshots()} was asked for (before start), each batch also copies the state into a snapshot
 * that the {@link StateSnapshotNode} takes for the same time.
 * Batches apply in time order exactly once. Allocates per batch, never per record.
 */
public final class StringLongMapWithStateNode extends Node<Long>
{
    private final Node<Pair<String, Long>> parent;
    private final StringMappingFunction function;
    private final long timeoutMs;
    private final String[] initialKeys;
    private final long[] initialStates;
    private StringLongMapWithStateOperator operator;
    private StateSnapshotNode<Pair<String, Long>> snapshots;
    private long lastTimeMs = Long.MIN_VALUE;

    /**
     * @param timeoutMs   0 for none
     * @param initialKeys keys of the initial state ({@code initialStates[i]} is key i's), stored at the first batch's
     *                    time without calling the function
     */
    public StringLongMapWithStateNode(final Node<Pair<String, Long>> parent, final StringMappingFunction function,
        final long timeoutMs, final String[] initialKeys, final long[] initialStates)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.function = function;
        this.timeoutMs = timeoutMs;
        this.initialKeys = initialKeys.clone();
        this.initialStates = initialStates.clone();
        persist();
    }

    @Override
    public boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    protected long defaultCheckpointIntervalMs()
    {
        return slideMs() * LongLongMapWithStateNode.CHECKPOINT_BATCHES;
    }

    @Override
    public String name()
    {
        return "InternalMapWithStateDStream";
    }

    /** The (key, state) stream after each batch; call before start. */
    public Node<Pair<String, Long>> stateSnapshots()
    {
        snapshots = new StateSnapshotNode<>(this, ColumnLayout.STRING_LONG_PAIRS);
        return snapshots;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final AtomicReference<BatchData<Long>> previous = new AtomicReference<>(getOrCompute(time - slideMs()));
        final BatchData<Pair<String, Long>> data = parent.getOrCompute(time);
        final boolean isSweep = timeoutMs > 0 && isCheckpointTime(time);
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(time, previous, data, isSweep));
    }

    private ColumnBatch apply(final long time, final AtomicReference<BatchData<Long>> previous,
        final BatchData<Pair<String, Long>> data, final boolean isSweep)
    {
        final BatchData<Long> before = previous.getAndSet(null);
        if (before != null && lastTimeMs < time - slideMs())
        {
            before.columns(ColumnLayout.LONGS);
        }
        synchronized (this)
        {
            if (operator == null)
            {
                operator = new StringLongMapWithStateOperator(function, timeoutMs, graph.zeroTime(), slideMs());
                for (int i = 0; i < initialKeys.length; i++)
                {
                    operator.putInitial(initialKeys[i], initialStates[i], time);
                }
            }
            final LongVector mapped = new LongVector(16);
            if (data == null)
            {
                operator.update(time, null, 0, 0, 0, isSweep, mapped);
            }
            else
            {
                final ColumnBatch in = data.columns(ColumnLayout.STRING_LONG_PAIRS);
                operator.update(time, in.bytes(0), in.longs(1).address(),
                    in.selection() == null ? 0 : in.selection().address(), in.size(), isSweep, mapped);
            }
            if (snapshots != null)
            {
                final BytesColumn keys = BytesColumn.allocate(operator.stateSize() + 1, operator.keyBytes());
                final LongVector states = new LongVector(operator.stateSize() + 1);
                operator.snapshot(keys, states);
                snapshots.offer(ColumnBatch.of(keys, states), time);
            }
            lastTimeMs = time;
            return ColumnBatch.of(mapped);
        }
    }

    @Override
    protected synchronized void releaseResources()
    {
        if (operator != null)
        {
            operator.close();
            operator = null;
        }
    }
}
