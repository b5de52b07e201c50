package io.sluice.perf.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.SampleBasis;
import io.sluice.perf.testdata.Fixtures;
import io.sluice.perf.testdata.HdrFixtures;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads output written by HdrHistogram 2.2.2 itself ({@code outputPercentileDistribution}, values in ns scaled to
 * us) and checks the percentiles against the histogram's own answers.
 */
class HdrPercentileReaderTest
{
    @TempDir
    Path dir;

    @Test
    void readsPercentilesWrittenByHdrHistogram() throws BadInputException
    {
        final Histogram histogram = HdrFixtures.latencies(42, 1.0);
        final Path file = Fixtures.write(dir, "e2e-latency.hgrm", HdrFixtures.percentileText(histogram));
        Fixtures.write(dir, "e2e-latency.properties", "name=0.1.0\nunit=us\n");

        final Run run = new RunReader().read(file, LabelOverrides.NONE);

        assertEquals("0.1.0", run.label().name());
        assertEquals(4, run.results().size());
        final Metric p50 = metric(run, "p50");
        assertEquals(SampleBasis.SINGLE_VALUE, p50.basis());
        assertEquals("us", p50.unit());
        // p50 is a listed level, so it is exact to the printed precision.
        assertEquals(histogram.getValueAtPercentile(50) / 1000.0, p50.score(), 0.001);
        // p99 is read at the first listed level >= 99: never below the true value, within the table's resolution.
        final double p99 = metric(run, "p99").score();
        assertTrue(p99 >= histogram.getValueAtPercentile(99) / 1000.0 - 0.001, "p99 " + p99);
        assertTrue(p99 <= histogram.getValueAtPercentile(99.2) / 1000.0 + 0.001, "p99 " + p99);
        final double p999 = metric(run, "p99.9").score();
        assertTrue(p999 >= histogram.getValueAtPercentile(99.9) / 1000.0 - 0.001, "p99.9 " + p999);
        assertTrue(p999 <= histogram.getValueAtPercentile(99.95) / 1000.0 + 0.001, "p99.9 " + p999);
        assertEquals(histogram.getMaxValue() / 1000.0, metric(run, "max").score(), 0.001);
    }

    @Test
    void truncatedOutputIsReported()
    {
        final String text = HdrFixtures.percentileText(HdrFixtures.latencies(1, 1.0));
        final Path file = Fixtures.write(dir, "cut.hgrm", text.substring(0, text.indexOf("#[Mean")));
        final BadInputException e = assertThrows(BadInputException.class,
            () -> new RunReader().read(file, LabelOverrides.NONE));
        assertTrue(e.getMessage().contains("truncated HdrHistogram output"), e.getMessage());
    }

    @Test
    void garbageRowIsReportedWithItsLine()
    {
        final String text = HdrFixtures.percentileText(HdrFixtures.latencies(1, 1.0));
        final String broken = text.replaceFirst("\n(\\s+[0-9.]+\\s+0\\.5000)", "\nnot a row\n$1");
        final Path file = Fixtures.write(dir, "bad.hgrm", broken);
        final BadInputException e = assertThrows(BadInputException.class,
            () -> new RunReader().read(file, LabelOverrides.NONE));
        assertTrue(e.getMessage().contains("not an HdrHistogram percentile row: 'not a row'"), e.getMessage());
    }

    private static Metric metric(final Run run, final String percentile)
    {
        return run.byKey().get(BenchmarkKey.of("e2e-latency", "hdr", Map.of("percentile", percentile))).primary();
    }
}
