package io.sluice.internal.state;

import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.checkpoint.StatefulNode;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The graph side of the fast-path {@code mapWithState} nodes ({@link LongLongMapWithStateNode},
 * {@link StringLongMapWithStateNode}; Spark's {@code InternalMapWithStateDStream} and {@code MapWithStateRDD},
 * generic twin {@code MapWithStateNode}): every batch, even without parent data, runs the state operator and emits
 * the mapped values. Idle keys time out on checkpoint batches only (default interval 10 batches). Needs a
 * checkpoint directory.
 *
 * <p>When {@link #stateSnapshots()} was asked for (before start), each batch also copies the state into a snapshot
 * that the {@link StateSnapshotNode} takes for the same time. Batches apply in time order exactly once. Subclasses
 * own the operator: they open it at the first batch, apply a batch and copy the state, all under this node's lock.
 *
 * @param <P> the (key, value) pair type of the parent, and the (key, state) type of the snapshots
 */
abstract class MappedStateNode<P> extends Node<Long> implements StatefulNode
{
    /** Spark's {@code DEFAULT_CHECKPOINT_DURATION_MULTIPLIER}. */
    static final int CHECKPOINT_BATCHES = 10;

    final long timeoutMs;
    private final Node<P> parent;
    private final ColumnLayout<P> layout;
    private StateSnapshotNode<P> snapshots;
    private boolean isOpen;
    private long lastTimeMs = Long.MIN_VALUE;

    /** @param timeoutMs 0 for none */
    MappedStateNode(final Node<P> parent, final ColumnLayout<P> layout, final long timeoutMs)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.layout = layout;
        this.timeoutMs = timeoutMs;
        persist();
    }

    /** Makes the operator at the first batch ({@code timeMs}), storing the initial states at that time. */
    abstract void open(long timeMs);

    /**
     * Runs the batch at {@code timeMs} ({@code in} null: no parent data), appending the mapped values to
     * {@code mapped}; with {@code isSweep}, times out idle keys too.
     */
    abstract void update(long timeMs, ColumnBatch in, boolean isSweep, LongVector mapped);

    /** A copy of the whole state as (key, state) columns; the caller owns it. */
    abstract ColumnBatch snapshot();

    /** Frees the operator; called once, when the context stops, if a batch ever opened it. */
    abstract void closeState();

    /** Makes the operator without initial states and reads a snapshot's state into it. */
    abstract void openRestored(DataInput in) throws IOException;

    /** Writes the open operator's state. */
    abstract void writeOperatorState(DataOutput out) throws IOException;

    /** The key type, for the snapshot schema. */
    abstract String keyType();

    @Override
    public final String stateKind()
    {
        return "mapWithState";
    }

    @Override
    public final String stateSchema()
    {
        return "key=" + keyType() + ";state=long;updateTime=long;fast;timeout=" + timeoutMs;
    }

    /**
     * Layout: long time of the last batch applied ({@link Long#MIN_VALUE}: none, no state), byte 1 when the
     * operator is open (then its state follows), else 0.
     */
    @Override
    public final void writeState(final long time, final DataOutput out, final StateCodecs codecs) throws IOException
    {
        final BatchData<Long> batch = getOrCompute(time);
        if (batch != null)
        {
            batch.force();
        }
        synchronized (this)
        {
            out.writeLong(lastTimeMs);
            out.writeBoolean(isOpen);
            if (isOpen)
            {
                writeOperatorState(out);
            }
        }
    }

    @Override
    public final void restoreEmpty(final long time)
    {
        synchronized (this)
        {
            lastTimeMs = time;
        }
        restorePlaceholder(time, ColumnLayout.LONGS);
    }

    @Override
    public final void restoreState(final long time, final DataInput in, final StateCodecs codecs) throws IOException
    {
        synchronized (this)
        {
            final long last = in.readLong();
            if (in.readBoolean())
            {
                if (isOpen)
                {
                    closeState();
                }
                openRestored(in);
                isOpen = true;
            }
            lastTimeMs = last;
        }
        restorePlaceholder(time, ColumnLayout.LONGS);
    }

    @Override
    public final boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    protected final long defaultCheckpointIntervalMs()
    {
        return slideMs() * CHECKPOINT_BATCHES;
    }

    @Override
    public final String name()
    {
        return "InternalMapWithStateDStream";
    }

    /**
     * The (key, state) stream after each batch; call before start. Asked for again, it is the same node: the state
     * node offers each snapshot to one node, which every reader shares.
     */
    public final Node<P> stateSnapshots()
    {
        if (snapshots == null)
        {
            snapshots = new StateSnapshotNode<>(this, layout);
        }
        return snapshots;
    }

    @Override
    protected final BatchData<Long> compute(final long time)
    {
        final AtomicReference<BatchData<Long>> previous = new AtomicReference<>(getOrCompute(time - slideMs()));
        final BatchData<P> data = parent.getOrCompute(time);
        final boolean isSweep = timeoutMs > 0 && isCheckpointTime(time);
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(time, previous, data, isSweep));
    }

    private ColumnBatch apply(final long time, final AtomicReference<BatchData<Long>> previous,
        final BatchData<P> data, final boolean isSweep)
    {
        final BatchData<Long> before = previous.getAndSet(null);
        if (before != null && lastTimeMs < time - slideMs())
        {
            before.columns(ColumnLayout.LONGS);
        }
        synchronized (this)
        {
            if (!isOpen)
            {
                open(time);
                isOpen = true;
            }
            final LongVector mapped = new LongVector(16);
            update(time, data == null ? null : data.columns(layout), isSweep, mapped);
            if (snapshots != null)
            {
                snapshots.offer(snapshot(), time);
            }
            lastTimeMs = time;
            return ColumnBatch.of(mapped);
        }
    }

    @Override
    protected final synchronized void releaseResources()
    {
        if (isOpen)
        {
            closeState();
            isOpen = false;
        }
    }
}
