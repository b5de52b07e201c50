package io.sluice.examples.feed;

import io.sluice.api.Clock;
import io.sluice.api.Receiver;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A simulated source paced by the context's clock: ticks count whole {@code tickMs} periods of the clock from the
 * one it read at the first start ({@code origin}); tick {@code n}'s records are stored as soon as the clock reaches
 * {@code (origin + n) * tickMs}, so tick 0 is stored at once and, on a ManualClock at 0 with {@code tickMs} equal to
 * the batch interval, batch {@code k} (time {@code k * tickMs}) holds tick {@code k - 1} exactly. On a ManualClock a test knows how many records each batch holds (awaitReceived, then advance); on the
 * system clock it is a steady simulated feed. A restart continues with the next tick.
 *
 * <p>Thread contract: {@link #recordsOf(long)} runs on the receiver's own thread, ticks in order.
 */
public abstract class ClockPacedReceiver<T> extends Receiver<T>
{
    private final Clock clock;
    private final long tickMs;
    private final long maxTicks;
    private volatile long nextTick;
    private volatile long originTick = Long.MIN_VALUE;
    private Thread thread;

    /**
     * @param maxTicks how many ticks to produce before going quiet ({@code Long.MAX_VALUE}: for ever).
     */
    protected ClockPacedReceiver(final Clock clock, final long tickMs, final long maxTicks)
    {
        this.clock = clock;
        this.tickMs = tickMs;
        this.maxTicks = maxTicks;
    }

    /** The records of tick {@code tick}, generated deterministically. */
    protected abstract List<T> recordsOf(long tick);

    @Override
    public void onStart()
    {
        if (originTick == Long.MIN_VALUE)
        {
            originTick = Math.floorDiv(clock.millis(), tickMs);
        }
        thread = new Thread(this::run, getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
    }

    private void run()
    {
        while (!isStopped())
        {
            final long due = Math.floorDiv(clock.millis(), tickMs) - originTick;
            if (nextTick <= due && nextTick < maxTicks)
            {
                store(recordsOf(nextTick).iterator());
                nextTick++;
            }
            else
            {
                // waiting for the clock: a simulated source has nothing to do until the next tick
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }

    @Override
    public void onStop()
    {
        if (thread != null)
        {
            thread.interrupt();
        }
    }
}
