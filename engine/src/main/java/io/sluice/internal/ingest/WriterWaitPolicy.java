package io.sluice.internal.ingest;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the log-writer thread waits for records when the ring is empty: a trade between the latency of the first
 * record after a quiet spell and the CPU an idle pipeline burns.
 */
public enum WriterWaitPolicy
{
    /**
     * The default: spin, yield, then park for a time doubling from 1 µs to {@code maxParkMicros}, starting over when
     * records arrive ({@link BackoffWaitStrategy}): under load as fast as {@link #SLEEPING}; idle, about 1 % of a core
     * at the default 1 ms maximum (SLEEPING: 30 %); the first record after a quiet spell waits up to that maximum.
     */
    BACKOFF,

    /**
     * Spin, yield, then park in short timed naps: little CPU when idle and no cost to producers, but the first
     * record after a quiet spell waits for the nap to end (~60 us on an idle Linux box; milliseconds on a busy one,
     * see bench/results/ingest/RESULTS.md). Disruptor's {@code SleepingWaitStrategy}: its 100 ns naps wake the writer
     * ~14,000 times a second when idle (30 % of a core here).
     */
    SLEEPING,

    /** Spin then {@code Thread.yield()}: lowest latency short of busy-spin; keeps a core busy when others want it. */
    YIELDING,

    /**
     * Lock and condition: no CPU when idle and the lowest latency on a shared machine (woken by a signal, never a
     * timed park); every publish takes the lock to signal, which costs producers throughput.
     */
    BLOCKING,

    /** Spin forever: lowest latency; needs a dedicated core. */
    BUSY_SPIN;

    /**
     * @return a new Disruptor wait strategy for this policy.
     */
    public WaitStrategy newWaitStrategy()
    {
        return newWaitStrategy(IngestConfig.LOG_MAX_PARK_MICROS_DEFAULT);
    }

    /** @param maxParkMicros the longest park of {@link #BACKOFF} */
    public WaitStrategy newWaitStrategy(final long maxParkMicros)
    {
        switch (this)
        {
            case BACKOFF:
                return new BackoffWaitStrategy(maxParkMicros * 1000);
            case SLEEPING:
                return new SleepingWaitStrategy();
            case YIELDING:
                return new YieldingWaitStrategy();
            case BLOCKING:
                return new BlockingWaitStrategy();
            case BUSY_SPIN:
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalStateException("no wait strategy for " + this);
        }
    }

    /**
     * @return the policy named {@code name} ({@code sleeping}, {@code yielding}, {@code blocking},
     * {@code busy_spin}; any case, '-' accepted for '_').
     */
    public static WriterWaitPolicy parse(final String name)
    {
        final String normalised = name.trim().replace('-', '_');
        for (final WriterWaitPolicy policy : values())
        {
            if (policy.name().equalsIgnoreCase(normalised))
            {
                return policy;
            }
        }
        throw new IllegalArgumentException(IngestConfig.LOG_WAIT_POLICY_PROP_NAME +
            " must be one of backoff, sleeping, yielding, blocking, busy_spin; was '" + name + "'");
    }
}
