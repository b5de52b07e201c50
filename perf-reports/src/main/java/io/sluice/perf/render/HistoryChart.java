package io.sluice.perf.render;

import io.sluice.perf.history.HistoryPoint;
import io.sluice.perf.history.HistorySeries;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.RunLabel;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG of one benchmark's history across runs: one line per param set, a marker and an error bar
 * (JMH's scoreError) per run. Every element of a line carries {@code data-series="<benchmark>|<params>"};
 * markers also {@code data-run="<run name>"} and {@code data-value}. Stateless and thread-safe.
 */
public final class HistoryChart
{
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 48;
    private static final int BOTTOM = 40;

    private HistoryChart()
    {
    }

    /**
     * Renders the chart.
     *
     * @param title  chart title
     * @param runs   all runs, oldest first (the x axis)
     * @param series same benchmark and mode, one per param set; at least one
     * @return the {@code <svg>} element
     */
    public static String render(final String title, final List<RunLabel> runs, final List<HistorySeries> series)
    {
        double dataMax = 0;
        for (final HistorySeries line : series)
        {
            for (final HistoryPoint point : line.points())
            {
                dataMax = Math.max(dataMax, point.score() + (Double.isNaN(point.scoreError()) ? 0 : point.scoreError()));
            }
        }
        final ChartScale scale = new ChartScale(dataMax, HEIGHT - BOTTOM, TOP);
        final HistorySeries first = series.get(0);
        final String better = first.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
        final StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart history\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\" data-chart=\"history\">%n",
            WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(title)));
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" fill=\"#ffffff\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT, HtmlText.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" font-size=\"11\" fill=\"#555555\">%s</text>%n",
            LEFT, HtmlText.escape(first.unit() + ", " + better + "; error bars: JMH scoreError")));
        Axes.valueAxis(svg, scale, LEFT, WIDTH - RIGHT);
        final double slot = (double) (WIDTH - LEFT - RIGHT) / runs.size();
        for (int i = 0; i < runs.size(); i++)
        {
            svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                x(slot, i), HEIGHT - BOTTOM + 16, HtmlText.escape(runs.get(i).name())));
        }
        for (int s = 0; s < series.size(); s++)
        {
            final HistorySeries line = series.get(s);
            final String id = HtmlText.escape(line.key().seriesId());
            final String colour = Palette.series(s);
            svg.append("<g class=\"series\" data-series=\"").append(id).append("\">\n");
            final StringBuilder points = new StringBuilder();
            for (final HistoryPoint point : line.points())
            {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(slot, point.runIndex()), scale.y(point.score())));
            }
            svg.append(String.format(Locale.ROOT,
                "<polyline class=\"line\" data-series=\"%s\" points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                id, points.toString().trim(), colour));
            for (final HistoryPoint point : line.points())
            {
                final String run = HtmlText.escape(runs.get(point.runIndex()).name());
                final double x = x(slot, point.runIndex());
                ErrorBar.render(svg, scale, id, run, x, point.score(), point.scoreError());
                svg.append(String.format(Locale.ROOT,
                    "<circle class=\"point\" data-series=\"%s\" data-run=\"%s\" data-value=\"%s\" cx=\"%.1f\" cy=\"%.1f\""
                        + " r=\"4\" fill=\"%s\"><title>%s: %s</title></circle>%n",
                    id, run, Double.toString(point.score()), x, scale.y(point.score()), colour, run,
                    HtmlText.escape(NumberText.scoreWithError(point.score(), point.scoreError()))));
            }
            final String params = line.key().paramsText();
            svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                WIDTH - RIGHT + 12, TOP + 18 * s + 4, colour, WIDTH - RIGHT + 28, TOP + 18 * s + 9,
                HtmlText.escape(params.isEmpty() ? "(no params)" : params)));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(final double slot, final int runIndex)
    {
        return LEFT + slot * (runIndex + 0.5);
    }
}
