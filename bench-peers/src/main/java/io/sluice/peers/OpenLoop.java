package io.sluice.peers;

import org.HdrHistogram.Histogram;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A latency run's open-loop schedule and its histogram, shared by every engine. Record {@code i} is due at
 * {@code start + i / rate} (its intended send time); a source hands a record over only once it is due, and never
 * waits for the engine, so when the engine falls behind the records queue up while their intended times stay put
 * (coordinated omission corrected, as {@code EndToEndLatencyHarness} does). An output that sees record {@code i}'s
 * result records {@code now − intended(i)}; records due before the warm-up ends are not recorded.
 *
 * <p>{@code rate × interval} records are due per interval, so record {@code i}'s batch by intended time is
 * {@code i / recordsPerBatch}, what {@link Spec#batchOf} gives: the continuous engines' event-time windows (one unit =
 * one interval) then hold exactly the records due in that interval.
 */
public final class OpenLoop
{
    private static final long HIGHEST_NANOS = 600_000_000_000L;

    private final long rate;
    private final long intervalMs;
    private final long total;
    private final long measureFrom;
    private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
    private final BitSet seenBatches = new BitSet();
    private final AtomicLong next = new AtomicLong();
    private volatile long startNanos;
    private long seen;

    /**
     * @param rate           offered records per second; {@code rate × intervalMs / 1000} must be a whole number.
     * @param intervalMs     the batch interval (micro-batch engines) or event-time window unit (continuous ones).
     * @param total          records in the run.
     * @param warmupRecords  leading records not recorded.
     */
    public OpenLoop(final long rate, final long intervalMs, final long total, final long warmupRecords)
    {
        if (rate * intervalMs % 1000 != 0)
        {
            throw new IllegalArgumentException("rate x interval must be a whole number of records");
        }
        this.rate = rate;
        this.intervalMs = intervalMs;
        this.total = total;
        this.measureFrom = warmupRecords;
    }

    /**
     * Starts the schedule, record 0 due now, unless it has started: sources call this when they are first asked
     * for records, so an engine's job start-up is not counted as latency.
     */
    public synchronized void start()
    {
        if (0 == startNanos)
        {
            startNanos = System.nanoTime();
        }
    }

    public boolean isStarted()
    {
        return 0 != startNanos;
    }

    public long rate()
    {
        return rate;
    }

    public long intervalMs()
    {
        return intervalMs;
    }

    public long total()
    {
        return total;
    }

    /** @return record {@code i}'s intended send time ({@link System#nanoTime} scale). */
    public long intended(final long i)
    {
        return startNanos + i * 1_000_000_000L / rate;
    }

    /** @return how many records are due at {@code now} (at most {@link #total()}). */
    public long due(final long now)
    {
        if (!isStarted() || now < startNanos)
        {
            return 0;
        }
        return Math.min(total, (now - startNanos) * rate / 1_000_000_000L + 1);
    }

    /** Blocks until record {@code i} is due. */
    public void awaitDue(final long i)
    {
        final long at = intended(i);
        for (long now = System.nanoTime(); now < at; now = System.nanoTime())
        {
            LockSupport.parkNanos(Math.min(at - now, 1_000_000L));
        }
    }

    /** For sources shared by parallel instances: the next record to hand over, after waiting until it is due. */
    public long takeNext()
    {
        start();
        final long i = next.getAndIncrement();
        if (i < total)
        {
            awaitDue(i);
        }
        return i;
    }

    /** @return the next record if it is due now, else -1 (for sources that must not block). */
    public long pollDue()
    {
        start();
        final long i = next.get();
        if (i >= total || intended(i) > System.nanoTime() || !next.compareAndSet(i, i + 1))
        {
            return -1;
        }
        return i;
    }

    /** @return whether every record has been handed over by {@link #takeNext()} / {@link #pollDue()}. */
    public boolean isExhausted()
    {
        return next.get() >= total;
    }

    /** The output saw the results of records {@code [from, to)} at {@code now}. */
    public synchronized void seen(final long from, final long to, final long now)
    {
        for (long i = Math.max(from, 0); i < Math.min(to, total); i++)
        {
            if (i >= measureFrom)
            {
                histogram.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, now - intended(i))));
            }
            seen++;
        }
    }

    /** The output saw the first result of the window for batch {@code batch} (records due in that interval). */
    public synchronized void seenBatch(final long batch, final long recordsPerBatch, final long now)
    {
        if (batch >= 0 && !seenBatches.get((int)batch))
        {
            seenBatches.set((int)batch);
            seen(batch * recordsPerBatch, (batch + 1) * recordsPerBatch, now);
        }
    }

    /** @return records whose result an output has seen. */
    public synchronized long seenCount()
    {
        return seen;
    }

    /** Puts p50, p99, p99.9, max (microseconds) and counts into {@code outcome}. */
    public synchronized void report(final Outcome outcome)
    {
        outcome.putMetric("offeredPerSecond", rate);
        outcome.putMetric("intervalMs", intervalMs);
        outcome.putMetric("latencyRecords", histogram.getTotalCount());
        outcome.putMetric("recordsSeen", seen);
        outcome.putMetric("recordsOffered", total);
        outcome.putMetric("p50Micros", histogram.getValueAtPercentile(50) / 1000);
        outcome.putMetric("p99Micros", histogram.getValueAtPercentile(99) / 1000);
        outcome.putMetric("p999Micros", histogram.getValueAtPercentile(99.9) / 1000);
        outcome.putMetric("maxMicros", histogram.getMaxValue() / 1000);
    }
}
