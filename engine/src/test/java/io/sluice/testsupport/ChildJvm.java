package io.sluice.testsupport;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM running a test main class on this JVM's class path (for tests that kill it). */
public final class ChildJvm
{
    private ChildJvm()
    {
    }

    /**
     * {@code java [Sluice's JVM flags, as this JVM has them] [extra] -cp <this class path> mainClass args...}.
     *
     * @param withFlags false to start it without them (the flag check's own test)
     */
    public static List<String> command(final boolean withFlags, final List<String> extra, final Class<?> mainClass,
        final String... args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (withFlags)
        {
            for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
            {
                if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access")
                    || argument.startsWith("-Dchronicle"))
                {
                    command.add(argument);
                }
            }
        }
        command.addAll(extra);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
