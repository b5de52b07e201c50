package io.sluice.internal.state;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/**
 * A fast-path {@code mapWithState}'s {@code stateSnapshots()}: the state node {@link #offer offers} the snapshot it
 * copied after each batch, and this node takes it for the same time once the state node's batch has run; an untaken
 * snapshot is freed when the next one replaces it, or when the graph releases this node.
 *
 * @param <T> the element type of the snapshot (its key and state pair)
 */
public final class StateSnapshotNode<T> extends Node<T>
{
    private final Node<Long> state;
    private final ColumnLayout<T> layout;
    private ColumnBatch pending;
    private long pendingTimeMs;
    private boolean isReleased;

    /** @param state the mapWithState node, whose batches are the mapped values */
    public StateSnapshotNode(final Node<Long> state, final ColumnLayout<T> layout)
    {
        super(state.graph(), List.of(state));
        this.state = state;
        this.layout = layout;
    }

    @Override
    public String name()
    {
        return "MapWithStateSnapshotsDStream";
    }

    /** The state after the batch at {@code timeMs}; this node owns it from now on. */
    public synchronized void offer(final ColumnBatch snapshot, final long timeMs)
    {
        if (pending != null)
        {
            pending.close();
        }
        if (isReleased)
        {
            snapshot.close();
            pending = null;
            return;
        }
        pending = snapshot;
        pendingTimeMs = timeMs;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final BatchData<Long> mapped = state.getOrCompute(time);
        if (mapped == null)
        {
            return null;
        }
        return BatchData.columnar(time, layout, () ->
        {
            mapped.columns(ColumnLayout.LONGS);
            return take(time);
        });
    }

    private synchronized ColumnBatch take(final long time)
    {
        if (pending == null || pendingTimeMs != time)
        {
            throw new IllegalStateException("the state snapshot of " + time + " ms is gone: a later batch replaced it "
                + "before the snapshot stream read it");
        }
        final ColumnBatch snapshot = pending;
        pending = null;
        return snapshot;
    }

    @Override
    protected synchronized void releaseResources()
    {
        isReleased = true;
        if (pending != null)
        {
            pending.close();
            pending = null;
        }
    }
}
