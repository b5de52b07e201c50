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
        if (context.state() != StreamingContextState.INITIALIZED)
        {
            throw new UnsupportedOperationException("Cannot change storage level of a DStream after streaming context "
                + "has started; call persist() before start()");
        }
        window.parent().persist();
        return this;
    }
}
