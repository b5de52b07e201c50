package io.sluice.internal.ingest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces permits {@code 1 / rate} seconds apart, shared by any number of threads: each {@link #acquire()}
 * reserves the next free instant with one CAS and waits (spin, then park) until it comes. No bursts: a limiter
 * idle for a while does not let a backlog through at once.
 *
 * <p>Thread-safe; allocation-free. Unlimited (the default) costs one volatile read.
 */
final class RateLimiter
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SPIN_THRESHOLD_NANOS = 20_000L;

    private final AtomicLong nextFreeNanos = new AtomicLong();
    private volatile long intervalNanos;

    /**
     * @param recordsPerSecond the rate; zero, negative or {@link Long#MAX_VALUE} means unlimited.
     */
    void setRate(final long recordsPerSecond)
    {
        if (recordsPerSecond <= 0 || recordsPerSecond == Long.MAX_VALUE)
        {
            intervalNanos = 0;
        }
        else
        {
            intervalNanos = Math.max(1L, NANOS_PER_SECOND / recordsPerSecond);
        }
    }

    /**
     * @return true when the limiter never waits.
     */
    boolean isUnlimited()
    {
        return 0 == intervalNanos;
    }

    /**
     * Waits until the caller may go.
     */
    void acquire()
    {
        final long interval = intervalNanos;
        if (0 == interval)
        {
            return;
        }
        final long now = System.nanoTime();
        long prev;
        long start;
        do
        {
            prev = nextFreeNanos.get();
            start = (prev - now) > 0 ? prev : now;
        }
        while (!nextFreeNanos.compareAndSet(prev, start + interval));

        long remaining;
        while ((remaining = start - System.nanoTime()) > 0)
        {
            if (remaining > SPIN_THRESHOLD_NANOS)
            {
                LockSupport.parkNanos(remaining - SPIN_THRESHOLD_NANOS);
            }
            else
            {
                Thread.onSpinWait();
            }
        }
    }
}
