package io.sluice.perf.render;

import java.util.Locale;

/**
 * Draws a chart's value axis: grid lines and tick labels for every tick of a {@link ChartScale}.
 */
final class Axes
{
    private Axes()
    {
    }

    static void valueAxis(final StringBuilder svg, final ChartScale scale, final int left, final int right)
    {
        for (final double tick : scale.ticks())
        {
            final double y = scale.y(tick);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
                left, y, right, y, Palette.GRID, left - 6, y + 4, HtmlText.escape(NumberText.score(tick))));
        }
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>%n",
            left, scale.y(0), right, scale.y(0), Palette.INK));
    }
}
