package io.sluice.bench.pipeline;

import java.util.SplittableRandom;

/**
 * Deterministic text for word-count benchmarks: lines of {@code wordsPerLine} words drawn uniformly from
 * {@code distinctWords} words {@code w0 .. w<distinctWords-1>}.
 */
public final class WordLines
{
    private WordLines()
    {
    }

    /**
     * @return {@code count} lines, the same for the same arguments.
     */
    public static String[] generate(final int count, final int wordsPerLine, final int distinctWords, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] lines = new String[count];
        final StringBuilder line = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            line.setLength(0);
            for (int w = 0; w < wordsPerLine; w++)
            {
                if (w > 0)
                {
                    line.append(' ');
                }
                line.append('w').append(random.nextInt(distinctWords));
            }
            lines[i] = line.toString();
        }
        return lines;
    }
}
