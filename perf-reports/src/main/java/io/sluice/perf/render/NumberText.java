package io.sluice.perf.render;

import java.util.Locale;

/**
 * How numbers read in every report: scores to about three significant digits, changes as signed percentages,
 * p-values compactly. Locale-independent; stateless and thread-safe.
 */
public final class NumberText
{
    private NumberText()
    {
    }

    /**
     * A score or error.
     *
     * @param value the value
     * @return e.g. {@code 1234}, {@code 77.73}, {@code 0.998}; {@code n/a} for NaN
     */
    public static String score(final double value)
    {
        if (Double.isNaN(value))
        {
            return "n/a";
        }
        final double magnitude = Math.abs(value);
        if (magnitude >= 1000)
        {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 100)
        {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1 || magnitude == 0)
        {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * A score with its error, e.g. {@code 77.73 ± 13.52}; just the score when the error is unknown.
     *
     * @param score the score
     * @param error the half-width, or NaN
     * @return the text
     */
    public static String scoreWithError(final double score, final double error)
    {
        return Double.isNaN(error) ? score(score) : score(score) + " ± " + score(error);
    }

    /**
     * A signed percentage of a fraction.
     *
     * @param fraction e.g. -0.153
     * @return e.g. {@code -15.3%}; {@code +inf%} for infinities; {@code n/a} for NaN
     */
    public static String percent(final double fraction)
    {
        if (Double.isNaN(fraction))
        {
            return "n/a";
        }
        if (Double.isInfinite(fraction))
        {
            return fraction > 0 ? "+inf%" : "-inf%";
        }
        final String text = String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
        return "+0.0%".equals(text) || "-0.0%".equals(text) ? "0.0%" : text;
    }

    /**
     * A p-value.
     *
     * @param p the p-value
     * @return e.g. {@code 0.032}, {@code 2.1e-05}, {@code n/a} for NaN
     */
    public static String pValue(final double p)
    {
        if (Double.isNaN(p))
        {
            return "n/a";
        }
        if (p != 0 && p < 0.001)
        {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
