package io.sluice.tools;

import io.sluice.internal.context.JvmFlags;

/**
 * Prints the JVM argument file Sluice needs, one flag per line, for {@code java @file}:
 * {@code java -cp sluice-engine.jar io.sluice.tools.JvmArgs > sluice.jvm.args} (add {@code --jdk24} on JDK 24+ for
 * {@code --sun-misc-unsafe-memory-access=allow}, which silences Chronicle's and Agrona's {@code sun.misc.Unsafe}
 * warnings and which JDK 17 to 23 refuse).
 */
public final class JvmArgs
{
    private JvmArgs()
    {
    }

    public static void main(final String[] args)
    {
        System.out.print(text(args.length > 0 && args[0].equals("--jdk24")));
    }

    /** The argument file's text. */
    public static String text(final boolean isJdk24)
    {
        final StringBuilder out = new StringBuilder("# Sluice's JVM flags (JDK " + (isJdk24 ? "24+" : "17 to 23")
            + "): java @this-file ...; see the README, \"Embedding: JVM flags\"\n");
        for (final String flag : JvmFlags.all())
        {
            out.append(flag).append('\n');
        }
        if (isJdk24)
        {
            out.append("--sun-misc-unsafe-memory-access=allow\n");
        }
        return out.toString();
    }
}
