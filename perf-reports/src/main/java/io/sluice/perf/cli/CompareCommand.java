package io.sluice.perf.cli;

import io.sluice.perf.compare.Comparator;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.compare.Threshold;
import io.sluice.perf.compare.ThresholdRules;
import io.sluice.perf.compare.Verdict;
import io.sluice.perf.model.Run;
import io.sluice.perf.read.BadInputException;
import io.sluice.perf.read.LabelOverrides;
import io.sluice.perf.read.RunReader;
import io.sluice.perf.render.HtmlRenderer;
import io.sluice.perf.render.JsonRenderer;
import io.sluice.perf.render.MarkdownRenderer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code compare}: baseline vs candidate, writes the requested reports, exits 1 on any regression.
 */
final class CompareCommand
{
    static final String USAGE = String.join("\n",
        "perf-reports compare --baseline FILE --candidate FILE [options]",
        "  FILE is JMH JSON (-rf json) or HdrHistogram percentile output",
        "  --label-baseline NAME, --label-candidate NAME     run names (default: X.properties beside FILE, else",
        "                                                    a version-like directory name, else the file name)",
        "  --date-baseline D, --date-candidate D, --machine-baseline M, --machine-candidate M",
        "  --md FILE, --html FILE, --json FILE               reports to write (none given: Markdown on stdout)",
        "  --threshold 'REGEX=5%'                            min effect for benchmarks matching REGEX (repeatable,",
        "                                                    first match wins)",
        "  --min-change 4%   --noise-factor 2   --alpha 0.05  the default rule",
        "  exit 0: no regression, 1: regression, 2: bad input or usage");

    private static final Set<String> OPTIONS = Set.of(
        "baseline", "candidate", "label-baseline", "label-candidate", "date-baseline", "date-candidate",
        "machine-baseline", "machine-candidate", "md", "html", "json", "threshold", "min-change", "noise-factor", "alpha");

    private CompareCommand()
    {
    }

    static int run(final List<String> args, final PrintStream out, final PrintStream err)
        throws UsageException, BadInputException
    {
        final Options options = Options.parse(args, OPTIONS);
        if (!options.positional().isEmpty())
        {
            throw new UsageException("unexpected argument '" + options.positional().get(0) + "'");
        }
        final String baselineFile = options.required("baseline");
        final String candidateFile = options.required("candidate");
        final ThresholdRules rules = rules(options);
        final RunReader reader = new RunReader();
        final Run baseline = reader.read(Path.of(baselineFile), overrides(options, "baseline"));
        final Run candidate = reader.read(Path.of(candidateFile), overrides(options, "candidate"));
        final ComparisonReport report = new Comparator(rules).compare(baseline, candidate);

        final String md = options.get("md", null);
        final String html = options.get("html", null);
        final String json = options.get("json", null);
        if (md != null)
        {
            ReportFiles.write(md, MarkdownRenderer.comparison(report));
        }
        if (html != null)
        {
            ReportFiles.write(html, HtmlRenderer.comparison(report));
        }
        if (json != null)
        {
            ReportFiles.write(json, JsonRenderer.comparison(report));
        }
        if (md == null && html == null && json == null)
        {
            out.print(MarkdownRenderer.comparison(report));
            out.flush();
        }
        for (final String warning : report.warnings())
        {
            err.println("warning: " + warning);
        }
        err.println("perf-reports: " + report.count(Verdict.REGRESSED) + " regressed, " + report.count(Verdict.IMPROVED)
            + " improved, " + report.count(Verdict.UNCHANGED) + " unchanged, " + report.count(Verdict.TOO_NOISY)
            + " too noisy to tell (" + baseline.label().name() + " -> " + candidate.label().name() + ")");
        return report.hasRegression() ? PerfReports.EXIT_REGRESSION : PerfReports.EXIT_OK;
    }

    private static ThresholdRules rules(final Options options) throws UsageException
    {
        try
        {
            final double minChange = ThresholdRules.parseFraction(
                options.get("min-change", Double.toString(Threshold.DEFAULT.minRelativeChange())));
            final double noiseFactor = Double.parseDouble(
                options.get("noise-factor", Double.toString(Threshold.DEFAULT.noiseFactor())));
            final double alpha = Double.parseDouble(options.get("alpha", Double.toString(Threshold.DEFAULT.alpha())));
            ThresholdRules rules = ThresholdRules.of(new Threshold(minChange, noiseFactor, alpha, 0));
            for (final String spec : options.all("threshold"))
            {
                rules = rules.with(spec);
            }
            return rules;
        }
        catch (final IllegalArgumentException e)
        {
            throw new UsageException(e.getMessage());
        }
    }

    private static LabelOverrides overrides(final Options options, final String side)
    {
        return new LabelOverrides(options.get("label-" + side, ""), options.get("date-" + side, ""),
            options.get("machine-" + side, ""));
    }
}
