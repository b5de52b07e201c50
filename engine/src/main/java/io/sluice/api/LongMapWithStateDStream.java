package io.sluice.api;

import io.sluice.internal.state.LongLongMapWithStateNode;

/**
 * The result of {@link LongLongPairDStream#mapWithState}: the fast twin of {@link MapWithStateDStream}. The mapped
 * values are {@link #mapped()}; the state after each batch is {@link #stateSnapshots()}. Both are read on the job
 * thread; ask for {@link #stateSnapshots()} before start.
 */
public final class LongMapWithStateDStream
{
    private final StreamingContext context;
    private final LongLongMapWithStateNode node;
    private final LongDStream mapped;

    LongMapWithStateDStream(final StreamingContext context, final LongLongMapWithStateNode node)
    {
        this.context = context;
        this.node = node;
        this.mapped = new LongDStream(context, node);
    }

    /** Generic twin: {@code MapWithStateDStream.stateId(id)}: names this operator's state for snapshots. */
    public LongMapWithStateDStream stateId(final String id)
    {
        DStream.nameState(context, node, id);
        return this;
    }

    /** The values the mapping function returned, one per call, this batch only. */
    public LongDStream mapped()
    {
        return mapped;
    }

    /** Generic twin: {@code MapWithStateDStream.stateSnapshots()}: every (key, state) after each batch. */
    public LongLongPairDStream stateSnapshots()
    {
        return new LongLongPairDStream(context, node.stateSnapshots());
    }
}
