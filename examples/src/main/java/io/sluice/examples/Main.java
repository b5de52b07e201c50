package io.sluice.examples;

import io.sluice.examples.wordcount.NetworkWordCount;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The runnable jar's entry point: Sluice's main job, the network word count, on embedded defaults (a built-in
 * text feeder on a loopback socket; no other setup). Options are {@link NetworkWordCount}'s.
 *
 * <p>A first argument that is not an option names another example to run instead, so every example gets the JVM
 * flags of the jar's manifest: {@code java -jar sluice-examples.jar uber.UberTripEnricher --help} (the package prefix
 * {@code io.sluice.examples.} may be left out); {@code log ...} runs the log inspector ({@code io.sluice.tools.LogTool}).
 */
public final class Main
{
    private static final String PACKAGE = "io.sluice.examples.";

    private Main()
    {
    }

    /** The examples {@code Main} can run by name. */
    static final java.util.List<String> EXAMPLES = java.util.List.of("wordcount.NetworkWordCount",
        "stateful.StatefulWordCount", "windowed.WindowedWordCount", "uber.UberTrainer", "uber.UberTripEnricher",
        "uber.UberPopularClusters", "iot.IotPipeline", "trading.TradingPipeline");

    public static void main(final String[] args) throws Exception
    {
        final int code = run(args);
        if (code != 0)
        {
            System.exit(code);
        }
    }

    /**
     * Runs what {@code args} name; returns the exit code: 0, or 2 for a wrong command line (the reason and the usage
     * text go to stderr; no stack trace).
     */
    static int run(final String[] args) throws Exception
    {
        try
        {
            if (args.length > 0 && args[0].equals("log"))
            {
                io.sluice.tools.LogTool.main(Arrays.copyOfRange(args, 1, args.length));
                return 0;
            }
            if (args.length > 0 && !args[0].startsWith("-"))
            {
                final String name = args[0].startsWith(PACKAGE) ? args[0] : PACKAGE + args[0];
                final Method main;
                try
                {
                    main = Class.forName(name).getMethod("main", String[].class);
                }
                catch (final ClassNotFoundException | NoSuchMethodException e)
                {
                    System.err.println("error: unknown example '" + args[0] + "'; the examples are: "
                        + String.join(", ", EXAMPLES) + " (or 'log' for the log inspector); with no name, the "
                        + "network word count runs (--help for its options)");
                    return 2;
                }
                try
                {
                    main.invoke(null, (Object)Arrays.copyOfRange(args, 1, args.length));
                }
                catch (final java.lang.reflect.InvocationTargetException e)
                {
                    if (e.getCause() instanceof Exception cause)
                    {
                        throw cause;
                    }
                    throw e;
                }
                return 0;
            }
            NetworkWordCount.main(args);
            return 0;
        }
        catch (final Args.UsageException e)
        {
            System.err.println("error: " + e.getMessage());
            System.err.print(e.usage());
            return 2;
        }
    }
}
