package io.sluice.peers;

import java.util.SplittableRandom;

/**
 * The word-count input every engine reads: lines of {@value #WORDS_PER_LINE} words drawn uniformly from
 * {@value #DISTINCT_WORDS} words {@code w0 .. w9999}, deterministic for a seed. Line {@code i} of a run belongs to
 * batch {@code i / linesPerBatch}; a run cycles through the generated lines, so a perf run reuses one batch's
 * worth of lines while a check run generates distinct lines for every batch.
 */
public final class Lines
{
    public static final int WORDS_PER_LINE = 10;
    public static final int DISTINCT_WORDS = 10_000;

    private Lines()
    {
    }

    /** @return {@code count} lines, the same for the same seed. */
    public static String[] generate(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] lines = new String[count];
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            line.setLength(0);
            for (int w = 0; w < WORDS_PER_LINE; w++)
            {
                if (w > 0)
                {
                    line.append(' ');
                }
                line.append('w').append(random.nextInt(DISTINCT_WORDS));
            }
            lines[i] = line.toString();
        }
        return lines;
    }
}
