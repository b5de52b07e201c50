package io.sluice.api;

import io.sluice.internal.state.StringLongMapWithStateNode;

/**
 * The result of {@link StringLongPairDStream#mapWithState}: the text-keyed fast twin of {@link MapWithStateDStream}.
 * The mapped values are {@link #mapped()}; the state after each batch is {@link #stateSnapshots()}. Ask for
 * {@link #stateSnapshots()} before start.
 */
public final class StringMapWithStateDStream
{
    private final StreamingContext context;
    private final StringLongMapWithStateNode node;
    private final LongDStream mapped;

    StringMapWithStateDStream(final StreamingContext context, final StringLongMapWithStateNode node)
    {
        this.context = context;
        this.node = node;
        this.mapped = new LongDStream(context, node);
    }

    /** Generic twin: {@code MapWithStateDStream.stateId(id)}: names this operator's state for snapshots. */
    public StringMapWithStateDStream stateId(final String id)
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
    public StringLongPairDStream stateSnapshots()
    {
        return new StringLongPairDStream(context, node.stateSnapshots());
    }
}
