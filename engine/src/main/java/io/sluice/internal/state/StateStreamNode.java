package io.sluice.internal.state;

import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.checkpoint.StatefulNode;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The graph side of the fast-path {@code updateStateByKey} nodes ({@link LongLongUpdateStateNode},
 * {@link StringLongUpdateStateNode}; Spark's {@code StateDStream}): each batch applies the parent's batch (none:
 * every key still gets its call) and emits the whole state; no output while there is neither state nor a parent
 * batch. Batches apply in time order exactly once (a batch forces the previous one if no job read it). Needs a
 * checkpoint directory. Subclasses own the state and apply a batch to it, under one lock.
 *
 * @param <T> the (key, state) pair type of the parent and of this node
 */
abstract class StateStreamNode<T> extends Node<T> implements StatefulNode
{
    private final Node<T> parent;
    private final ColumnLayout<T> layout;
    private final Object lock = new Object();
    private long lastTimeMs = Long.MIN_VALUE;

    StateStreamNode(final Node<T> parent, final ColumnLayout<T> layout)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.layout = layout;
        persist();
    }

    /** Applies the parent's batch ({@code null}: none at this time) and returns the whole state as columns. */
    abstract ColumnBatch apply(ColumnBatch in);

    /** Frees the state; called once, when the context stops. */
    abstract void closeState();

    /** The key type, for the snapshot schema ({@code "long"}, {@code "string"}). */
    abstract String keyType();

    /** Writes the operator's state (see the operators' {@code writeState}). */
    abstract void writeOperatorState(DataOutput out) throws IOException;

    /** Replaces the operator's state, initial state included, with a snapshot's. */
    abstract void readOperatorState(DataInput in) throws IOException;

    @Override
    public final String stateKind()
    {
        return "updateStateByKey";
    }

    @Override
    public final String stateSchema()
    {
        return "key=" + keyType() + ";state=long;fast";
    }

    /** Layout: long time of the last batch applied ({@link Long#MIN_VALUE}: none), then the operator's state. */
    @Override
    public final void writeState(final long time, final DataOutput out, final StateCodecs codecs) throws IOException
    {
        final BatchData<T> batch = getOrCompute(time);
        if (batch != null)
        {
            batch.force();
        }
        synchronized (lock)
        {
            out.writeLong(lastTimeMs);
            writeOperatorState(out);
        }
    }

    @Override
    public final void restoreEmpty(final long time)
    {
        synchronized (lock)
        {
            lastTimeMs = time;
        }
        restorePlaceholder(time, layout);
    }

    @Override
    public final void restoreState(final long time, final DataInput in, final StateCodecs codecs) throws IOException
    {
        synchronized (lock)
        {
            final long last = in.readLong();
            readOperatorState(in);
            lastTimeMs = last;
        }
        restorePlaceholder(time, layout);
    }

    @Override
    public final boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    public final String name()
    {
        return "StateDStream";
    }

    @Override
    protected final BatchData<T> compute(final long time)
    {
        final BatchData<T> previousBatch = getOrCompute(time - slideMs());
        final BatchData<T> data = parent.getOrCompute(time);
        if (previousBatch == null && data == null)
        {
            return null;
        }
        final AtomicReference<BatchData<T>> previous = new AtomicReference<>(previousBatch);
        return BatchData.columnar(time, layout, () -> applyInOrder(time, previous, data));
    }

    private ColumnBatch applyInOrder(final long time, final AtomicReference<BatchData<T>> previous,
        final BatchData<T> data)
    {
        final BatchData<T> before = previous.getAndSet(null);
        if (before != null && lastTimeMs < time - slideMs())
        {
            before.columns(layout);
        }
        synchronized (lock)
        {
            final ColumnBatch out = apply(data == null ? null : data.columns(layout));
            lastTimeMs = time;
            return out;
        }
    }

    @Override
    protected final void releaseResources()
    {
        synchronized (lock)
        {
            closeState();
        }
    }
}
