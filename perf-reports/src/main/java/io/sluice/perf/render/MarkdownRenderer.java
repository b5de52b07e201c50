package io.sluice.perf.render;

import io.sluice.perf.compare.Comparison;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.compare.Unpaired;
import io.sluice.perf.compare.Verdict;
import io.sluice.perf.history.HistoryPoint;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.history.HistorySeries;
import io.sluice.perf.model.Direction;
import java.util.List;

/**
 * Renders reports as GitHub-flavoured Markdown, for PR comments and release notes. Output depends only on the
 * report (no clock, no locale). Stateless and thread-safe.
 */
public final class MarkdownRenderer
{
    private MarkdownRenderer()
    {
    }

    /**
     * Renders a comparison: header, warnings, summary, primary table, allocation table, missing and unmatched.
     *
     * @param report the comparison
     * @return the Markdown text
     */
    public static String comparison(final ComparisonReport report)
    {
        final StringBuilder md = new StringBuilder(4096);
        md.append("## Performance: ").append(cell(report.baseline().name())).append(" → ")
            .append(cell(report.candidate().name())).append("\n\n");
        md.append("- Baseline: ").append(cell(RunText.describe(report.baseline(), report.baselineJvm()))).append('\n');
        md.append("- Candidate: ").append(cell(RunText.describe(report.candidate(), report.candidateJvm()))).append("\n\n");
        warnings(md, report.warnings());
        md.append("**").append(report.count(Verdict.REGRESSED)).append(" regressed**, ")
            .append(report.count(Verdict.IMPROVED)).append(" improved, ")
            .append(report.count(Verdict.UNCHANGED)).append(" unchanged, ")
            .append(report.count(Verdict.TOO_NOISY)).append(" too noisy to tell")
            .append(" (primary metrics and allocation together).\n\n");
        table(md, report.primary());
        if (!report.allocation().isEmpty())
        {
            md.append("\n### Allocation per operation (gc.alloc.rate.norm, lower is better)\n\n");
            table(md, report.allocation());
        }
        unpaired(md, "Missing (benchmark in one run only)", report.missing());
        unpaired(md, "Unmatched (different params, mode or unit)", report.unmatched());
        md.append("\nVerdict: |change| > max(min effect, 2 × baseline rel. stddev of per-fork means) and Welch p < alpha;"
            + " ↑ higher is better, ↓ lower is better.\n");
        return md.toString();
    }

    /**
     * Renders a history: one row per benchmark and params, one column per run with score ± error.
     *
     * @param report the history
     * @return the Markdown text
     */
    public static String history(final HistoryReport report)
    {
        final StringBuilder md = new StringBuilder(4096);
        md.append("## Performance history\n\n");
        for (int i = 0; i < report.runs().size(); i++)
        {
            md.append("- ").append(cell(RunText.describe(report.runs().get(i), report.jvms().get(i)))).append('\n');
        }
        md.append('\n');
        warnings(md, report.warnings());
        md.append("| Benchmark | Params | Mode | Unit |");
        for (int i = 0; i < report.runs().size(); i++)
        {
            md.append(' ').append(cell(report.runs().get(i).name())).append(" |");
        }
        md.append("\n|---|---|---|---|");
        md.append("---:|".repeat(report.runs().size())).append('\n');
        for (final HistorySeries series : report.series())
        {
            md.append("| ").append(cell(series.key().shortName())).append(" | ").append(cell(series.key().paramsText()))
                .append(" | ").append(cell(series.key().mode())).append(arrow(series.direction())).append(" | ")
                .append(cell(series.unit())).append(" |");
            for (int i = 0; i < report.runs().size(); i++)
            {
                md.append(' ').append(pointText(series.points(), i)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
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

    private static void warnings(final StringBuilder md, final List<String> warnings)
    {
        for (final String warning : warnings)
        {
            md.append("> **Warning:** ").append(cell(warning)).append('\n');
        }
        if (!warnings.isEmpty())
        {
            md.append('\n');
        }
    }

    private static void table(final StringBuilder md, final List<Comparison> comparisons)
    {
        md.append("| Benchmark | Params | Mode | Baseline | Candidate | Unit | Change | p | Verdict | Why |\n");
        md.append("|---|---|---|---:|---:|---|---:|---:|---|---|\n");
        for (final Comparison comparison : comparisons)
        {
            final String verdict = comparison.verdict() == Verdict.REGRESSED
                ? "**" + comparison.verdict().text() + "**"
                : comparison.verdict().text();
            md.append("| ").append(cell(comparison.key().shortName()))
                .append(" | ").append(cell(comparison.key().paramsText()))
                .append(" | ").append(cell(comparison.key().mode())).append(arrow(comparison.direction()))
                .append(" | ").append(NumberText.scoreWithError(comparison.baseline().score(), comparison.baseline().scoreError()))
                .append(" | ").append(NumberText.scoreWithError(comparison.candidate().score(), comparison.candidate().scoreError()))
                .append(" | ").append(cell(comparison.baseline().unit()))
                .append(" | ").append(NumberText.percent(comparison.relativeChange()))
                .append(" | ").append(NumberText.pValue(comparison.p()))
                .append(" | ").append(verdict)
                .append(" | ").append(cell(comparison.reason()))
                .append(" |\n");
        }
    }

    private static void unpaired(final StringBuilder md, final String title, final List<Unpaired> unpaired)
    {
        if (unpaired.isEmpty())
        {
            return;
        }
        md.append("\n### ").append(title).append("\n\n");
        for (final Unpaired item : unpaired)
        {
            md.append("- `").append(item.key().toString().replace("`", "'")).append("` only in ").append(item.presentIn())
                .append(": ").append(cell(item.explanation())).append('\n');
        }
    }

    private static String arrow(final Direction direction)
    {
        return direction == Direction.HIGHER_IS_BETTER ? " ↑" : " ↓";
    }

    private static String cell(final String text)
    {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
