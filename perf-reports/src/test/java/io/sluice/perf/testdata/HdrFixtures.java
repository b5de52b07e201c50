package io.sluice.perf.testdata;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Latency-harness fixtures made with HdrHistogram 2.2.2 itself, so the reader is tested on the real format.
 */
public final class HdrFixtures
{
    private HdrFixtures()
    {
    }

    /**
     * A deterministic, long-tailed latency histogram in nanoseconds: 20,000 samples around 50 us with a tail.
     *
     * @param seed  random seed
     * @param scale multiplies every latency (e.g. 1.3 for a 30 % slower candidate)
     * @return the histogram
     */
    public static Histogram latencies(final long seed, final double scale)
    {
        final Histogram histogram = new Histogram(3_600_000_000L, 3);
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++)
        {
            final double base = 40_000 + 20_000 * random.nextDouble();
            final double tail = random.nextDouble() < 0.02 ? 500_000 * random.nextDouble() : 0;
            histogram.recordValue((long) ((base + tail) * scale));
        }
        return histogram;
    }

    /**
     * The histogram as {@code outputPercentileDistribution} prints it, values scaled from ns to us.
     *
     * @param histogram the histogram
     * @return the text
     */
    public static String percentileText(final Histogram histogram)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(out, 1000.0);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
