package io.sluice.perf.render;

import io.sluice.perf.compare.Comparison;
import io.sluice.perf.compare.Verdict;
import io.sluice.perf.model.Direction;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG of baseline-vs-candidate bars with error bars (JMH's scoreError) for one benchmark and mode, one
 * pair of bars per param set. Every element of a param set carries {@code data-series="<benchmark>|<params>"},
 * bars also {@code data-run="baseline|candidate"} and {@code data-value}, so tests and scripts can find them.
 * Stateless and thread-safe.
 */
public final class ComparisonBarChart
{
    private static final int WIDTH = 560;
    private static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 48;
    private static final int BOTTOM = 72;

    private ComparisonBarChart()
    {
    }

    /**
     * Renders the chart.
     *
     * @param title         chart title, e.g. the benchmark's short name
     * @param comparisons   same benchmark and mode, one per param set; at least one
     * @param baselineName  legend text for the baseline
     * @param candidateName legend text for the candidate
     * @return the {@code <svg>} element
     */
    public static String render(
        final String title,
        final List<Comparison> comparisons,
        final String baselineName,
        final String candidateName)
    {
        double dataMax = 0;
        for (final Comparison comparison : comparisons)
        {
            dataMax = Math.max(dataMax, top(comparison.baseline().score(), comparison.baseline().scoreError()));
            dataMax = Math.max(dataMax, top(comparison.candidate().score(), comparison.candidate().scoreError()));
        }
        final ChartScale scale = new ChartScale(dataMax, HEIGHT - BOTTOM, TOP);
        final Comparison first = comparisons.get(0);
        final String better = first.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better";
        final StringBuilder svg = new StringBuilder(4096);
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart comparison\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " role=\"img\" aria-label=\"%s\" data-chart=\"comparison\">%n",
            WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(title)));
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" fill=\"#ffffff\"/>\n");
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT, HtmlText.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" font-size=\"11\" fill=\"#555555\">%s</text>%n",
            LEFT, HtmlText.escape(first.baseline().unit() + ", " + better + "; error bars: JMH scoreError; candidate colour = verdict")));
        Axes.valueAxis(svg, scale, LEFT, WIDTH - RIGHT);
        legend(svg, baselineName, candidateName);

        final double groupWidth = (double) (WIDTH - LEFT - RIGHT) / comparisons.size();
        final double barWidth = Math.min(60, groupWidth * 0.34);
        for (int i = 0; i < comparisons.size(); i++)
        {
            final Comparison comparison = comparisons.get(i);
            final String series = HtmlText.escape(comparison.key().seriesId());
            final double center = LEFT + groupWidth * (i + 0.5);
            svg.append("<g class=\"series\" data-series=\"").append(series).append("\" data-verdict=\"")
                .append(comparison.verdict().name().toLowerCase(Locale.ROOT)).append("\">\n");
            bar(svg, scale, series, "baseline", center - barWidth - 2, barWidth, comparison.baseline().score(),
                comparison.baseline().scoreError(), Palette.BASELINE);
            bar(svg, scale, series, "candidate", center + 2, barWidth, comparison.candidate().score(),
                comparison.candidate().scoreError(), Palette.of(comparison.verdict()));
            final String params = comparison.key().paramsText();
            svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>%n",
                center, HEIGHT - BOTTOM + 16, HtmlText.escape(params.isEmpty() ? "(no params)" : params)));
            svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"%s\">%s %s</text>%n",
                center, HEIGHT - BOTTOM + 32, Palette.of(comparison.verdict()),
                HtmlText.escape(NumberText.percent(comparison.relativeChange())),
                HtmlText.escape(comparison.verdict().text())));
            svg.append("</g>\n");
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void bar(
        final StringBuilder svg,
        final ChartScale scale,
        final String series,
        final String run,
        final double x,
        final double width,
        final double score,
        final double error,
        final String colour)
    {
        final double y = scale.y(score);
        final double height = scale.y(0) - y;
        svg.append(String.format(Locale.ROOT,
            "<rect class=\"bar\" data-series=\"%s\" data-run=\"%s\" data-value=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
                + " height=\"%.1f\" fill=\"%s\"><title>%s: %s</title></rect>%n",
            series, run, Double.toString(score), x, y, width, height, colour, run,
            HtmlText.escape(NumberText.scoreWithError(score, error))));
        ErrorBar.render(svg, scale, series, run, x + width / 2, score, error);
    }

    private static void legend(final StringBuilder svg, final String baselineName, final String candidateName)
    {
        final int x = LEFT;
        final int y = HEIGHT - 18;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
            x, y, Palette.BASELINE, x + 16, y + 10, HtmlText.escape("baseline " + baselineName)));
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"12\">%s</text>%n",
            x + 170, y, Palette.of(Verdict.UNCHANGED), x + 186, y + 10,
            HtmlText.escape("candidate " + candidateName)));
    }

    private static double top(final double score, final double error)
    {
        return Double.isNaN(error) ? score : score + error;
    }
}
