package io.sluice.perf.model;

/**
 * Converts between JMH score units that differ only in time unit ({@code ops/ms} vs {@code ops/us},
 * {@code ns/op} vs {@code us/op}), so runs recorded with different {@code @OutputTimeUnit}s still compare.
 */
public final class ScoreUnits
{
    private ScoreUnits()
    {
    }

    /**
     * The factor that converts a value in {@code from} into {@code to}.
     *
     * @param from the unit of the value
     * @param to   the wanted unit
     * @return the multiplier, 1 when the units are equal, or {@code NaN} when they cannot be converted
     */
    public static double factor(final String from, final String to)
    {
        if (from.equals(to))
        {
            return 1.0;
        }
        if (from.startsWith("ops/") && to.startsWith("ops/"))
        {
            final double fromSeconds = seconds(from.substring(4));
            final double toSeconds = seconds(to.substring(4));
            return toSeconds / fromSeconds;
        }
        if (from.endsWith("/op") && to.endsWith("/op"))
        {
            final double fromSeconds = seconds(from.substring(0, from.length() - 3));
            final double toSeconds = seconds(to.substring(0, to.length() - 3));
            return fromSeconds / toSeconds;
        }
        return Double.NaN;
    }

    private static double seconds(final String timeUnit)
    {
        switch (timeUnit)
        {
            case "s":
                return 1.0;
            case "ms":
                return 1e-3;
            case "us":
                return 1e-6;
            case "ns":
                return 1e-9;
            case "min":
                return 60.0;
            default:
                return Double.NaN;
        }
    }
}
