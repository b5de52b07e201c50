package io.sluice.testkit;

import io.sluice.api.Clock;
import io.sluice.internal.context.AdvanceSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * A clock that moves only when told. A context on a ManualClock generates each batch when the clock is moved to or
 * past its time: the batch boundary is cut in the ingest log before the new time becomes visible, so a record
 * stored while the clock read {@code t} belongs to the batch whose interval holds {@code t}.
 *
 * <p>Thread-safe. Moving the clock never sleeps; it returns once the boundaries are cut (not once the batches ran;
 * {@link StreamingTestDriver#advance(int)} waits for that).
 */
public final class ManualClock implements Clock, AdvanceSource
{
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private volatile long time;

    public ManualClock()
    {
        this(0);
    }

    public ManualClock(final long startMillis)
    {
        this.time = startMillis;
    }

    @Override
    public long millis()
    {
        return time;
    }

    /** Sets the time; contexts on this clock cut every batch time up to {@code millis} first. */
    public synchronized void setTime(final long millis)
    {
        for (final LongConsumer listener : listeners)
        {
            listener.accept(millis);
        }
        time = millis;
    }

    public synchronized void advance(final Duration duration)
    {
        setTime(time + duration.toMillis());
    }

    @Override
    public void addAdvanceListener(final LongConsumer listener)
    {
        listeners.add(listener);
    }

    @Override
    public void removeAdvanceListener(final LongConsumer listener)
    {
        listeners.remove(listener);
    }
}
