package io.sluice.api;

import io.sluice.internal.generic.WindowNode;

/**
 * The stream {@link DStream#window} returns (Spark's {@code WindowedDStream}): {@link #persist()} and
 * {@link #cache()} are forwarded to the parent, whose batches the windows share; the window's own batches are
 * cheap unions and are not kept.
 */
final class WindowedDStream<T> extends DStream<T>
{
    private final WindowNode<T> window;

    WindowedDStream(final StreamingContext context, final WindowNode<T> window)
    {
        super(context, window);
        this.window = window;
    }

    @Override
    public DStream<T> persist()
    {
        persistParent(context, window);
        return this;
    }

    /** Persists the window's parent instead of the window (before start only). */
    static void persistParent(final StreamingContext context, final WindowNode<?> window)
    {
        context.requireStorageChangeAllowed();
        window.parent().persist();
    }

    /** The pair-stream twin, so that a windowed pair stream keeps its pair operations. */
    static final class Pairs<K, V> extends PairDStream<K, V>
    {
        private final WindowNode<Pair<K, V>> window;

        Pairs(final StreamingContext context, final WindowNode<Pair<K, V>> window)
        {
            super(context, window);
            this.window = window;
        }

        @Override
        public PairDStream<K, V> persist()
        {
            persistParent(context, window);
            return this;
        }
    }
}
