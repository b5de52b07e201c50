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

    public static void main(final String[] args) throws Exception
    {
        if (args.length > 0 && args[0].equals("log"))
        {
            io.sluice.tools.LogTool.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && !args[0].startsWith("-"))
        {
            final String name = args[0].startsWith(PACKAGE) ? args[0] : PACKAGE + args[0];
            final Method main = Class.forName(name).getMethod("main", String[].class);
            main.invoke(null, (Object)Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        NetworkWordCount.main(args);
    }
}
