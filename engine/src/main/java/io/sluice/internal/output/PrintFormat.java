package io.sluice.internal.output;

import java.io.PrintStream;
import java.util.List;

/**
 * Spark's {@code DStream.print(num)} layout, byte for byte:
 * <pre>
 * -------------------------------------------
 * Time: 1000 ms
 * -------------------------------------------
 * first num elements, one per line
 * ...                      (only when there are more than num)
 * (empty line)
 * </pre>
 */
public final class PrintFormat
{
    public static final String RULE = "-------------------------------------------";

    private PrintFormat()
    {
    }

    /**
     * @param firstElements up to {@code num + 1} elements of the batch (one more tells whether to print "...").
     */
    public static void print(final PrintStream out, final long timeMs, final List<?> firstElements, final int num)
    {
        final StringBuilder text = new StringBuilder(256);
        text.append(RULE).append('\n');
        text.append("Time: ").append(timeMs).append(" ms").append('\n');
        text.append(RULE).append('\n');
        final int shown = Math.min(num, firstElements.size());
        for (int i = 0; i < shown; i++)
        {
            text.append(firstElements.get(i)).append('\n');
        }
        if (firstElements.size() > num)
        {
            text.append("...").append('\n');
        }
        text.append('\n');
        out.print(text);
        out.flush();
    }
}
