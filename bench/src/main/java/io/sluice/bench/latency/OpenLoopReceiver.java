package io.sluice.bench.latency;

import io.sluice.api.Receiver;

import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop generator: record {@code i} is due at {@code startNanos + i * 1e9 / rate} and carries that
 * <em>intended</em> send time ({@link System#nanoTime()} scale) as its value. When the generator falls behind (a full
 * ring blocks {@code store()}, or the thread is descheduled) it stores the overdue records as fast as it can, each
 * still stamped with its intended time, so the wait is charged to every record queued behind it: latencies are
 * corrected for coordinated omission.
 *
 * <p>Records due before {@code endNanos} are generated; then the thread ends. Its thread is started by
 * {@link #onStart()} and is the only caller of {@code store}.
 */
public final class OpenLoopReceiver extends Receiver<Long>
{
    private static final long IDLE_PARK_NANOS = 20_000;

    private final long rate;
    private final long startNanos;
    private final long endNanos;
    private volatile long generated;
    private volatile boolean isDone;
    private Thread thread;

    /**
     * @param rate       records per second offered.
     * @param startNanos when record 0 is due.
     * @param endNanos   no record due at or after this instant is generated.
     */
    public OpenLoopReceiver(final long rate, final long startNanos, final long endNanos)
    {
        this.rate = rate;
        this.startNanos = startNanos;
        this.endNanos = endNanos;
    }

    @Override
    public void onStart()
    {
        thread = new Thread(this::generate, "open-loop-generator");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onStop()
    {
        // the generator checks isStopped() on every pass
    }

    /** @return records stored so far. */
    public long generated()
    {
        return generated;
    }

    /** @return true once every record due before the end has been stored (or the receiver was stopped). */
    public boolean isDone()
    {
        return isDone;
    }

    /** @return the intended send time of record {@code i}. */
    long intendedNanos(final long i)
    {
        return startNanos + (long)(i * (1e9 / rate));
    }

    private void generate()
    {
        final long total = (long)((endNanos - startNanos) / 1e9 * rate);
        long i = 0;
        try
        {
            while (i < total && !isStopped())
            {
                final long now = System.nanoTime();
                long intended = intendedNanos(i);
                if (intended > now)
                {
                    LockSupport.parkNanos(Math.min(IDLE_PARK_NANOS, intended - now));
                    continue;
                }
                while (intended <= now && i < total)
                {
                    store(intended);
                    i++;
                    intended = intendedNanos(i);
                }
                generated = i;
            }
        }
        finally
        {
            generated = i;
            isDone = true;
        }
    }
}
