package io.sluice.perf.cli;

import io.sluice.perf.read.BadInputException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code perf-reports} command line: {@code compare} and {@code history}. Exit codes: 0 no regression,
 * 1 regression (CI gate), 2 bad input or usage, with a one-line {@code error:} message on stderr and never a
 * stack trace.
 */
public final class PerfReports
{
    /** Nothing regressed (or, for {@code history}, the reports were written). */
    public static final int EXIT_OK = 0;
    /** At least one comparison regressed. */
    public static final int EXIT_REGRESSION = 1;
    /** Bad input or usage; the reason is on stderr. */
    public static final int EXIT_BAD_INPUT = 2;

    private static final String USAGE = "usage:\n" + CompareCommand.USAGE + "\n\n" + HistoryCommand.USAGE + "\n";

    private PerfReports()
    {
    }

    /**
     * Entry point; exits the JVM with {@link #run}'s code.
     *
     * @param args the subcommand and its arguments
     */
    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs a subcommand without exiting, for tests and embedding.
     *
     * @param args the subcommand and its arguments
     * @param out  where reports go when no output file is given, and help
     * @param err  where warnings, the summary and errors go
     * @return the exit code
     */
    public static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        if (args.length == 0 || "--help".equals(args[0]) || "-h".equals(args[0]) || "help".equals(args[0]))
        {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? EXIT_BAD_INPUT : EXIT_OK;
        }
        final List<String> rest = Arrays.asList(args).subList(1, args.length);
        try
        {
            switch (args[0])
            {
                case "compare":
                    return CompareCommand.run(rest, out, err);
                case "history":
                    return HistoryCommand.run(rest, out, err);
                default:
                    throw new UsageException("unknown command '" + args[0] + "'");
            }
        }
        catch (final UsageException e)
        {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return EXIT_BAD_INPUT;
        }
        catch (final BadInputException e)
        {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        catch (final RuntimeException e)
        {
            // A bug, not bad input; still no stack trace for CI logs, but enough to report it.
            err.println("error: internal error: " + e + " (please report it with the input files)");
            return EXIT_BAD_INPUT;
        }
    }
}
