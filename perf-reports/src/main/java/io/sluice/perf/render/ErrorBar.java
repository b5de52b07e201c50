package io.sluice.perf.render;

import java.util.Locale;

/**
 * An SVG error bar (vertical whisker with caps) from score - error to score + error, tagged with the series and
 * run it belongs to. Nothing is drawn when the error is unknown or zero.
 */
final class ErrorBar
{
    private static final double CAP = 5;

    private ErrorBar()
    {
    }

    static void render(
        final StringBuilder svg,
        final ChartScale scale,
        final String series,
        final String run,
        final double x,
        final double score,
        final double error)
    {
        if (Double.isNaN(error) || error <= 0)
        {
            return;
        }
        final double low = scale.y(score - error);
        final double high = scale.y(score + error);
        svg.append(String.format(Locale.ROOT,
            "<path class=\"error-bar\" data-series=\"%s\" data-run=\"%s\" data-error=\"%s\" stroke=\"%s\" stroke-width=\"1.5\""
                + " fill=\"none\" d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1fM%.1f %.1fH%.1f\"/>%n",
            series, run, Double.toString(error), Palette.INK, x, low, high, x - CAP, low, x + CAP, x - CAP, high, x + CAP));
    }
}
