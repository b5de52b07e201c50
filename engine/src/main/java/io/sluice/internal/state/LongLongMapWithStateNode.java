package io.sluice.internal.state;

import io.sluice.api.LongMappingFunction;
import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code LongLongPairDStream.mapWithState} in the graph (Spark's {@code InternalMapWithStateDStream} and
 * {@code MapWithStateRDD}; generic twin {@code MapWithStateNode}): every batch, even without parent data, runs
 * {@link LongLongMapWithStateOperator} and emits the mapped values. Idle keys time out on checkpoint batches only
 * (default interval 10 batches). Needs a checkpoint directory.
 *
 * <p>When {@link #stateSnapshots()} was asked for (before start), each batch also copies the state into a snapshot
 * that the snapshot node takes for the same time; an untaken snapshot is freed when the next batch replaces it.
 * Batches apply in time order exactly once. Allocates per batch, never per record.
 */
public final class LongLongMapWithStateNode extends Node<Long>
{
    /** Spark's {@code DEFAULT_CHECKPOINT_DURATION_MULTIPLIER}. */
    static final int CHECKPOINT_BATCHES = 10;

    private final Node<Pair<Long, Long>> parent;
    private final LongMappingFunction function;
    private final long timeoutMs;
    private final long[] initialKeys;
    private final long[] initialStates;
    private LongLongMapWithStateOperator operator;
    private boolean hasSnapshotReader;
    private ColumnBatch pendingSnapshot;
    private long pendingSnapshotTimeMs;
    private long lastTimeMs = Long.MIN_VALUE;

    /**
     * @param timeoutMs   0 for none
     * @param initialKeys keys of the initial state ({@code initialStates[i]} is key i's), stored at the first batch's
     *                    time without calling the function
     */
    public LongLongMapWithStateNode(final Node<Pair<Long, Long>> parent, final LongMappingFunction function,
        final long timeoutMs, final long[] initialKeys, final long[] initialStates)
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
        return slideMs() * CHECKPOINT_BATCHES;
    }

    @Override
    public String name()
    {
        return "InternalMapWithStateDStream";
    }

    /** The (key, state) stream after each batch; call before start. */
    public Node<Pair<Long, Long>> stateSnapshots()
    {
        hasSnapshotReader = true;
        return new SnapshotNode(this);
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final AtomicReference<BatchData<Long>> previous = new AtomicReference<>(getOrCompute(time - slideMs()));
        final BatchData<Pair<Long, Long>> data = parent.getOrCompute(time);
        final boolean isSweep = timeoutMs > 0 && isCheckpointTime(time);
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(time, previous, data, isSweep));
    }

    private ColumnBatch apply(final long time, final AtomicReference<BatchData<Long>> previous,
        final BatchData<Pair<Long, Long>> data, final boolean isSweep)
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
                operator = new LongLongMapWithStateOperator(function, timeoutMs, graph.zeroTime(), slideMs());
                for (int i = 0; i < initialKeys.length; i++)
                {
                    operator.putInitial(initialKeys[i], initialStates[i], time);
                }
            }
            final LongVector mapped = new LongVector(16);
            if (data == null)
            {
                operator.update(time, 0, 0, 0, 0, isSweep, mapped);
            }
            else
            {
                final ColumnBatch in = data.columns(ColumnLayout.LONG_LONG_PAIRS);
                operator.update(time, in.longs(0).address(), in.longs(1).address(),
                    in.selection() == null ? 0 : in.selection().address(), in.size(), isSweep, mapped);
            }
            if (hasSnapshotReader)
            {
                final LongVector keys = new LongVector(operator.stateSize() + 1);
                final LongVector states = new LongVector(operator.stateSize() + 1);
                operator.snapshot(keys, states);
                if (pendingSnapshot != null)
                {
                    pendingSnapshot.close();
                }
                pendingSnapshot = ColumnBatch.of(keys, states);
                pendingSnapshotTimeMs = time;
            }
            lastTimeMs = time;
            return ColumnBatch.of(mapped);
        }
    }

    private synchronized ColumnBatch takeSnapshot(final long time)
    {
        if (pendingSnapshot == null || pendingSnapshotTimeMs != time)
        {
            throw new IllegalStateException("the state snapshot of " + time + " ms is gone: a later batch replaced it "
                + "before the snapshot stream read it");
        }
        final ColumnBatch snapshot = pendingSnapshot;
        pendingSnapshot = null;
        return snapshot;
    }

    @Override
    protected synchronized void releaseResources()
    {
        if (pendingSnapshot != null)
        {
            pendingSnapshot.close();
            pendingSnapshot = null;
        }
        if (operator != null)
        {
            operator.close();
            operator = null;
        }
    }

    /** {@code stateSnapshots()}: the state after each batch of the mapWithState node. */
    private static final class SnapshotNode extends Node<Pair<Long, Long>>
    {
        private final LongLongMapWithStateNode state;

        SnapshotNode(final LongLongMapWithStateNode state)
        {
            super(state.graph(), List.of(state));
            this.state = state;
        }

        @Override
        public String name()
        {
            return "MapWithStateSnapshotsDStream";
        }

        @Override
        protected BatchData<Pair<Long, Long>> compute(final long time)
        {
            final BatchData<Long> mapped = state.getOrCompute(time);
            if (mapped == null)
            {
                return null;
            }
            return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS, () ->
            {
                mapped.columns(ColumnLayout.LONGS);
                return state.takeSnapshot(time);
            });
        }
    }
}
