package io.sluice.examples.iot;

/** Count, sum, min and max of a device's readings in a window (assembled from the fast-path windows at output). */
public record DeviceStats(long count, double sum, double min, double max)
{
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
