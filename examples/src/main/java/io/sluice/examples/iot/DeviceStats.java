package io.sluice.examples.iot;

/** Count, sum, min and max of a device's readings: merged by {@link #merge}, so a window is one reduce. */
public record DeviceStats(long count, double sum, double min, double max)
{
    public static DeviceStats of(final double value)
    {
        return new DeviceStats(1, value, value, value);
    }

    public DeviceStats merge(final DeviceStats other)
    {
        return new DeviceStats(count + other.count, sum + other.sum, Math.min(min, other.min),
            Math.max(max, other.max));
    }

    public double mean()
    {
        return sum / count;
    }

    @Override
    public String toString()
    {
        return String.format(java.util.Locale.ROOT, "n=%d min=%.2f max=%.2f mean=%.2f", count, min, max, mean());
    }
}
