package io.sluice.perf.cli;

import io.sluice.perf.history.HistoryBuilder;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.model.Run;
import io.sluice.perf.read.BadInputException;
import io.sluice.perf.read.LabelOverrides;
import io.sluice.perf.read.RunReader;
import io.sluice.perf.render.HtmlRenderer;
import io.sluice.perf.render.JsonRenderer;
import io.sluice.perf.render.MarkdownRenderer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code history}: many runs oldest first, charts and tables per benchmark; exits 0 unless the input is bad.
 */
final class HistoryCommand
{
    static final String USAGE = String.join("\n",
        "perf-reports history [NAME=]FILE... [--md FILE] [--html FILE] [--json FILE]",
        "  runs oldest first; NAME labels a run (default as for compare)",
        "  exit 0: written, 2: bad input or usage");

    private static final Set<String> OPTIONS = Set.of("md", "html", "json");

    private HistoryCommand()
    {
    }

    static int run(final List<String> args, final PrintStream out, final PrintStream err)
        throws UsageException, BadInputException
    {
        final Options options = Options.parse(args, OPTIONS);
        if (options.positional().isEmpty())
        {
            throw new UsageException("history needs at least one result file");
        }
        final RunReader reader = new RunReader();
        final List<Run> runs = new ArrayList<>();
        for (final String arg : options.positional())
        {
            final int equals = arg.indexOf('=');
            if (equals > 0 && !Files.exists(Path.of(arg)))
            {
                runs.add(reader.read(Path.of(arg.substring(equals + 1)), LabelOverrides.named(arg.substring(0, equals))));
            }
            else
            {
                runs.add(reader.read(Path.of(arg), LabelOverrides.NONE));
            }
        }
        final HistoryReport report = HistoryBuilder.build(runs);
        final String md = options.get("md", null);
        final String html = options.get("html", null);
        final String json = options.get("json", null);
        if (md != null)
        {
            ReportFiles.write(md, MarkdownRenderer.history(report));
        }
        if (html != null)
        {
            ReportFiles.write(html, HtmlRenderer.history(report));
        }
        if (json != null)
        {
            ReportFiles.write(json, JsonRenderer.history(report));
        }
        if (md == null && html == null && json == null)
        {
            out.print(MarkdownRenderer.history(report));
            out.flush();
        }
        for (final String warning : report.warnings())
        {
            err.println("warning: " + warning);
        }
        return PerfReports.EXIT_OK;
    }
}
