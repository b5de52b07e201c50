package io.sluice.internal.ui;

/**
 * A Prometheus-style cumulative histogram of durations with fixed buckets from 10 µs to 10 s (1-2-5 steps), so a
 * 1 ms batch interval's delays fall in buckets of their own. Observed on the listener thread, read by the UI server:
 * both under this object's lock; no allocation.
 */
public final class LatencyHistogram
{
    /** Upper bounds in seconds; a last, implicit bucket is +Inf. */
    static final double[] BOUNDS_SECONDS = {
        0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1,
        2, 5, 10};
    private final long[] counts = new long[BOUNDS_SECONDS.length + 1];
    private long count;
    private double sumSeconds;

    /** Records one duration of {@code micros} microseconds. */
    public synchronized void observeMicros(final long micros)
    {
        final double seconds = micros / 1e6;
        int bucket = 0;
        while (bucket < BOUNDS_SECONDS.length && seconds > BOUNDS_SECONDS[bucket])
        {
            bucket++;
        }
        counts[bucket]++;
        count++;
        sumSeconds += seconds;
    }

    /** Cumulative counts per bound (the last is +Inf), the total count and the sum, copied under the lock. */
    public synchronized Snapshot snapshot()
    {
        final long[] cumulative = new long[counts.length];
        long running = 0;
        for (int i = 0; i < counts.length; i++)
        {
            running += counts[i];
            cumulative[i] = running;
        }
        return new Snapshot(cumulative, count, sumSeconds);
    }

    /** What a scrape writes. */
    public record Snapshot(long[] cumulative, long count, double sumSeconds)
    {
    }
}
