package io.sluice.api;

/**
 * A read-only value shared by every batch and every function of a context (Spark's {@code Broadcast}), created by
 * {@link StreamingContext#broadcast(Object)}. Sluice runs in one JVM, so nothing is copied or serialized: every
 * {@link #value()} call returns the very instance that was broadcast. Do not mutate it.
 *
 * <p>Thread contract: {@link #value()} may be called from any thread. After {@link #destroy()} the value is released
 * and {@link #value()} throws {@link IllegalStateException}, as Spark's does.
 */
public final class Broadcast<T>
{
    private final long id;
    private volatile T value;
    private volatile boolean isDestroyed;

    Broadcast(final long id, final T value)
    {
        this.id = id;
        this.value = value;
    }

    /** The broadcast's id: unique in the context, in creation order. */
    public long id()
    {
        return id;
    }

    /** The broadcast value, the same instance every time. */
    public T value()
    {
        if (isDestroyed)
        {
            throw new IllegalStateException("Attempted to use " + this + " after it was destroyed; "
                + "broadcast a new value instead");
        }
        return value;
    }

    /** Spark's {@code unpersist()}: executor copies would be dropped; in one JVM there are none, so nothing happens. */
    public void unpersist()
    {
    }

    /** Releases the value for good; later {@link #value()} calls throw. Idempotent. */
    public void destroy()
    {
        isDestroyed = true;
        value = null;
    }

    /** Whether {@link #destroy()} was called. */
    public boolean isDestroyed()
    {
        return isDestroyed;
    }

    @Override
    public String toString()
    {
        return "Broadcast(" + id + ")";
    }
}
