package io.sluice.internal.ingest;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

import java.util.concurrent.locks.LockSupport;

/**
 * The log writer's default wait: spin, then yield, then park for a time that doubles from {@value #MIN_PARK_NANOS} ns
 * up to {@code maxParkNanos}, starting over whenever records arrive. Under load it never parks (records arrive
 * faster than the spin phase lasts); idle, it wakes about {@code 1 s / maxPark} times a second instead of Disruptor's
 * {@code SleepingWaitStrategy}'s ~14,000 (each 100 ns nap lasts the ~70 µs the kernel's timer gives), which kept 30 %
 * of a core busy doing nothing. The price: the first record after a quiet spell waits up to {@code maxPark} (plus the
 * kernel's timer slack) for the writer. Producers pay nothing (no signal on publish).
 */
final class BackoffWaitStrategy implements WaitStrategy
{
    static final long MIN_PARK_NANOS = 1_000;
    private static final int SPINS = 100;
    private static final int YIELDS = 100;

    private final long maxParkNanos;

    BackoffWaitStrategy(final long maxParkNanos)
    {
        this.maxParkNanos = Math.max(MIN_PARK_NANOS, maxParkNanos);
    }

    @Override
    public long waitFor(final long sequence, final Sequence cursor, final Sequence dependentSequence,
        final SequenceBarrier barrier) throws AlertException
    {
        long available;
        int tries = 0;
        long parkNanos = MIN_PARK_NANOS;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (tries < SPINS)
            {
                Thread.onSpinWait();
                tries++;
            }
            else if (tries < SPINS + YIELDS)
            {
                Thread.yield();
                tries++;
            }
            else
            {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos << 1, maxParkNanos);
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking()
    {
        // parks are timed: nothing to signal
    }
}
