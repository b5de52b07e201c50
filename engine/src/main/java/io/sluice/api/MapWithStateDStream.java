package io.sluice.api;

import io.sluice.internal.generic.FlatMapNode;
import io.sluice.internal.generic.MapWithStateNode;
import io.sluice.internal.graph.Node;

import java.time.Duration;

/**
 * The records a {@code mapWithState} function returned, one batch per batch of the parent (Spark's
 * {@code MapWithStateDStream}); {@link #stateSnapshots()} is the whole state after each batch.
 * {@link #checkpoint(Duration)} sets the interval of the internal state stream (default: 10 batches), which is
 * also when idle keys are timed out.
 */
public abstract class MapWithStateDStream<K, V, S, R> extends DStream<R>
{
    MapWithStateDStream(final StreamingContext context, final Node<R> node)
    {
        super(context, node);
    }

    /** Every (key, state) after each batch; a batch is produced every batch interval, even without data. */
    public abstract PairDStream<K, S> stateSnapshots();

    static <K, V, S, R> MapWithStateDStream<K, V, S, R> create(final StreamingContext context,
        final MapWithStateNode<K, V, S, R> internal)
    {
        return new Impl<>(context, internal);
    }

    /** The implementation over the internal state node. */
    static final class Impl<K, V, S, R> extends MapWithStateDStream<K, V, S, R>
    {
        private final MapWithStateNode<K, V, S, R> internal;

        Impl(final StreamingContext context, final MapWithStateNode<K, V, S, R> internal)
        {
            super(context, new FlatMapNode<>(internal, MapWithStateNode.Result::mapped));
            this.internal = internal;
        }

        @Override
        public PairDStream<K, S> stateSnapshots()
        {
            return PairDStream.wrapPairs(context, new FlatMapNode<>(internal, MapWithStateNode.Result::snapshot));
        }

        /** Names the internal state stream's state (see {@link DStream#stateId(String)}). */
        @Override
        public MapWithStateDStream<K, V, S, R> stateId(final String id)
        {
            nameState(context, internal, id);
            return this;
        }

        /** Forwarded to the internal state stream, as Spark does; this stream's own interval stays unset. */
        @Override
        public MapWithStateDStream<K, V, S, R> checkpoint(final Duration interval)
        {
            setCheckpointInterval(internal, interval);
            return this;
        }
    }
}
