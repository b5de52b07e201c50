package io.sluice.perf.render;

import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.RunLabel;

/**
 * The one-line description of a run every report shows: name, date, machine and JVM, e.g.
 * {@code 0.1.0 (2026-11-21, 2 cores, JDK 17.0.15 (OpenJDK 64-Bit Server VM 17.0.15+6))}.
 */
final class RunText
{
    private RunText()
    {
    }

    static String describe(final RunLabel label, final JvmInfo jvm)
    {
        return describe(label, jvm.describe());
    }

    static String describe(final RunLabel label, final String jvm)
    {
        final StringBuilder text = new StringBuilder(label.name()).append(" (");
        if (!label.date().isEmpty())
        {
            text.append(label.date()).append(", ");
        }
        if (!label.machine().isEmpty())
        {
            text.append(label.machine()).append(", ");
        }
        return text.append(jvm).append(')').toString();
    }
}
