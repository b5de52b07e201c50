package io.sluice.perf.render;

import io.sluice.perf.compare.Comparison;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.compare.Unpaired;
import io.sluice.perf.compare.Verdict;
import io.sluice.perf.history.HistoryPoint;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.history.HistorySeries;
import io.sluice.perf.model.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders reports as one self-contained HTML file: inline CSS and inline SVG charts, no scripts, fonts or
 * external resources, so it opens offline and can be attached to a CI run as is. Stateless and thread-safe.
 */
public final class HtmlRenderer
{
    private static final String STYLE = String.join("\n",
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#222;max-width:1300px}",
        "h1{font-size:22px}h2{font-size:18px;margin-top:28px}",
        "table{border-collapse:collapse;font-size:13px;margin:8px 0}",
        "th,td{border:1px solid #d0d4d9;padding:4px 8px;text-align:left}td.num{text-align:right}",
        "th{background:#f1f3f5}.warning{background:#fff4e6;border-left:4px solid #e67700;padding:6px 10px;margin:6px 0}",
        ".verdict-regressed{color:#c92a2a;font-weight:bold}.verdict-improved{color:#2b8a3e;font-weight:bold}",
        ".verdict-too_noisy{color:#e67700}.verdict-unchanged{color:#1f5fbf}",
        ".charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0;border:1px solid #e3e6ea}",
        ".meta{color:#555;font-size:13px}");

    private HtmlRenderer()
    {
    }

    /**
     * Renders a comparison: runs, warnings, summary, verdict tables and baseline-vs-candidate charts.
     *
     * @param report the comparison
     * @return the HTML document
     */
    public static String comparison(final ComparisonReport report)
    {
        final StringBuilder html = new StringBuilder(16384);
        final String title = "Performance: " + report.baseline().name() + " → " + report.candidate().name();
        head(html, title);
        html.append("<p class=\"meta\">Baseline: ")
            .append(HtmlText.escape(RunText.describe(report.baseline(), report.baselineJvm())))
            .append("<br>Candidate: ")
            .append(HtmlText.escape(RunText.describe(report.candidate(), report.candidateJvm()))).append("</p>\n");
        warnings(html, report.warnings());
        html.append("<p class=\"summary\"><b>").append(report.count(Verdict.REGRESSED)).append(" regressed</b>, ")
            .append(report.count(Verdict.IMPROVED)).append(" improved, ")
            .append(report.count(Verdict.UNCHANGED)).append(" unchanged, ")
            .append(report.count(Verdict.TOO_NOISY)).append(" too noisy to tell.</p>\n");
        html.append("<h2>Primary metrics</h2>\n");
        table(html, report.primary());
        charts(html, report.primary(), report.baseline().name(), report.candidate().name(), "");
        if (!report.allocation().isEmpty())
        {
            html.append("<h2>Allocation per operation (gc.alloc.rate.norm, lower is better)</h2>\n");
            table(html, report.allocation());
            charts(html, report.allocation(), report.baseline().name(), report.candidate().name(), " alloc");
        }
        unpaired(html, "Missing (benchmark in one run only)", report.missing());
        unpaired(html, "Unmatched (different params, mode or unit)", report.unmatched());
        html.append("<p class=\"meta\">A change counts when |change| &gt; max(min effect, 2 × relative stddev of the"
            + " baseline's per-fork means) and Welch's t-test gives p &lt; alpha. Error bars are JMH's 99.9% scoreError."
            + "</p>\n</body>\n</html>\n");
        return html.toString();
    }

    /**
     * Renders a history: runs, warnings, one chart per benchmark and mode, and the numbers.
     *
     * @param report the history
     * @return the HTML document
     */
    public static String history(final HistoryReport report)
    {
        final StringBuilder html = new StringBuilder(16384);
        head(html, "Performance history");
        html.append("<ul class=\"meta\">\n");
        for (int i = 0; i < report.runs().size(); i++)
        {
            html.append("<li>").append(HtmlText.escape(RunText.describe(report.runs().get(i), report.jvms().get(i))))
                .append("</li>\n");
        }
        html.append("</ul>\n");
        warnings(html, report.warnings());
        html.append("<div class=\"charts\">\n");
        for (final Map.Entry<String, List<HistorySeries>> group
            : groups(report.series(), series -> series.key().benchmark() + " " + series.key().mode()).entrySet())
        {
            final HistorySeries first = group.getValue().get(0);
            html.append("<figure>\n").append(HistoryChart.render(
                first.key().shortName() + " [" + first.key().mode() + "]", report.runs(), group.getValue())).append("</figure>\n");
        }
        html.append("</div>\n<h2>Numbers</h2>\n<table>\n<tr><th>Benchmark</th><th>Params</th><th>Mode</th><th>Unit</th>");
        for (int i = 0; i < report.runs().size(); i++)
        {
            html.append("<th>").append(HtmlText.escape(report.runs().get(i).name())).append("</th>");
        }
        html.append("</tr>\n");
        for (final HistorySeries series : report.series())
        {
            html.append("<tr><td>").append(HtmlText.escape(series.key().shortName())).append("</td><td>")
                .append(HtmlText.escape(series.key().paramsText())).append("</td><td>")
                .append(HtmlText.escape(series.key().mode())).append(arrow(series.direction())).append("</td><td>")
                .append(HtmlText.escape(series.unit())).append("</td>");
            for (int i = 0; i < report.runs().size(); i++)
            {
                html.append("<td class=\"num\">").append(HtmlText.escape(pointText(series.points(), i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"meta\">Error bars are JMH's 99.9% scoreError.</p>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void head(final StringBuilder html, final String title)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .append(HtmlText.escape(title)).append("</title>\n<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
            .append("<h1>").append(HtmlText.escape(title)).append("</h1>\n");
    }

    private static void warnings(final StringBuilder html, final List<String> warnings)
    {
        for (final String warning : warnings)
        {
            html.append("<div class=\"warning\">Warning: ").append(HtmlText.escape(warning)).append("</div>\n");
        }
    }

    private static void table(final StringBuilder html, final List<Comparison> comparisons)
    {
        html.append("<table>\n<tr><th>Benchmark</th><th>Params</th><th>Mode</th><th>Baseline</th><th>Candidate</th>"
            + "<th>Unit</th><th>Change</th><th>p</th><th>Verdict</th><th>Why</th></tr>\n");
        for (final Comparison comparison : comparisons)
        {
            final String verdictClass = "verdict-" + comparison.verdict().name().toLowerCase(Locale.ROOT);
            html.append("<tr data-series=\"").append(HtmlText.escape(comparison.key().seriesId())).append("\"><td>")
                .append(HtmlText.escape(comparison.key().shortName())).append("</td><td>")
                .append(HtmlText.escape(comparison.key().paramsText())).append("</td><td>")
                .append(HtmlText.escape(comparison.key().mode())).append(arrow(comparison.direction())).append("</td>")
                .append("<td class=\"num\">").append(HtmlText.escape(
                    NumberText.scoreWithError(comparison.baseline().score(), comparison.baseline().scoreError()))).append("</td>")
                .append("<td class=\"num\">").append(HtmlText.escape(
                    NumberText.scoreWithError(comparison.candidate().score(), comparison.candidate().scoreError()))).append("</td>")
                .append("<td>").append(HtmlText.escape(comparison.baseline().unit())).append("</td>")
                .append("<td class=\"num\">").append(HtmlText.escape(NumberText.percent(comparison.relativeChange()))).append("</td>")
                .append("<td class=\"num\">").append(HtmlText.escape(NumberText.pValue(comparison.p()))).append("</td>")
                .append("<td class=\"").append(verdictClass).append("\">").append(HtmlText.escape(comparison.verdict().text()))
                .append("</td><td>").append(HtmlText.escape(comparison.reason())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void charts(
        final StringBuilder html,
        final List<Comparison> comparisons,
        final String baselineName,
        final String candidateName,
        final String titleSuffix)
    {
        html.append("<div class=\"charts\">\n");
        for (final Map.Entry<String, List<Comparison>> group
            : groups(comparisons, comparison -> comparison.key().benchmark() + " " + comparison.key().mode()).entrySet())
        {
            final Comparison first = group.getValue().get(0);
            html.append("<figure>\n").append(ComparisonBarChart.render(
                first.key().shortName() + " [" + first.key().mode() + "]" + titleSuffix, group.getValue(), baselineName,
                candidateName)).append("</figure>\n");
        }
        html.append("</div>\n");
    }

    private static void unpaired(final StringBuilder html, final String title, final List<Unpaired> unpaired)
    {
        if (unpaired.isEmpty())
        {
            return;
        }
        html.append("<h2>").append(HtmlText.escape(title)).append("</h2>\n<ul>\n");
        for (final Unpaired item : unpaired)
        {
            html.append("<li><code>").append(HtmlText.escape(item.key().toString())).append("</code> only in ")
                .append(HtmlText.escape(item.presentIn())).append(": ").append(HtmlText.escape(item.explanation()))
                .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static <T> Map<String, List<T>> groups(final List<T> items, final Function<T, String> groupOf)
    {
        final Map<String, List<T>> groups = new LinkedHashMap<>();
        for (final T item : items)
        {
            groups.computeIfAbsent(groupOf.apply(item), key -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    private static String pointText(final List<HistoryPoint> points, final int runIndex)
    {
        for (final HistoryPoint point : points)
        {
            if (point.runIndex() == runIndex)
            {
                return NumberText.scoreWithError(point.score(), point.scoreError());
            }
        }
        return "–";
    }

    private static String arrow(final Direction direction)
    {
        return direction == Direction.HIGHER_IS_BETTER ? " ↑" : " ↓";
    }
}
