package io.sluice.api;

import java.time.Duration;

/**
 * A batch time in milliseconds since the epoch of the context's clock. Batch times are absolute multiples
 * of the batch interval.
 */
public record Time(long milliseconds) implements Comparable<Time>
{
    public Time plus(final Duration duration)
    {
        return new Time(milliseconds + duration.toMillis());
    }

    public Time minus(final Duration duration)
    {
        return new Time(milliseconds - duration.toMillis());
    }

    @Override
    public int compareTo(final Time other)
    {
        return Long.compare(milliseconds, other.milliseconds);
    }

    @Override
    public String toString()
    {
        return milliseconds + " ms";
    }
}
