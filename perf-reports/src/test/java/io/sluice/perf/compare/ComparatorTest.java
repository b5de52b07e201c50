package io.sluice.perf.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.model.Run;
import io.sluice.perf.read.BadInputException;
import io.sluice.perf.read.LabelOverrides;
import io.sluice.perf.read.RunReader;
import io.sluice.perf.testdata.Fixtures;
import io.sluice.perf.testdata.HdrFixtures;
import io.sluice.perf.testdata.JmhJson;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparatorTest
{
    private static final double[][] STEADY = {{99, 100, 101}, {100, 100, 100}, {101, 100, 99}, {100, 101, 99}};

    @TempDir
    Path dir;

    private final Comparator comparator = new Comparator(ThresholdRules.of(Threshold.DEFAULT));

    @Test
    void realFixtureAgainstItselfIsUnchanged() throws BadInputException
    {
        final Run run = read("small.json", Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL));
        final ComparisonReport report = comparator.compare(run, run);
        assertEquals(4, report.primary().size());
        assertEquals(4, report.allocation().size());
        assertEquals(8, report.count(Verdict.UNCHANGED));
        assertFalse(report.hasRegression());
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
    }

    @Test
    void missingBenchmarkIsListedWithWarningNotVerdict() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson().thrpt("kept", STEADY).thrpt("dropped", STEADY).text());
        final Run candidate = read("b.json", new JmhJson().thrpt("kept", STEADY).thrpt("added", STEADY).text());
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertEquals(1, report.primary().size());
        assertEquals(2, report.missing().size());
        assertEquals("baseline", report.missing().get(0).presentIn());
        assertTrue(report.missing().get(0).key().benchmark().endsWith("dropped"));
        assertEquals("candidate", report.missing().get(1).presentIn());
        assertTrue(report.warnings().get(0).contains("present in one run only"), report.warnings().toString());
    }

    @Test
    void differentParamsAreUnmatchedAndExplained() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson()
            .add("m", "thrpt", "ops/us", "size=10", STEADY, null)
            .add("m", "thrpt", "ops/us", "size=20", STEADY, null).text());
        final Run candidate = read("b.json", new JmhJson()
            .add("m", "thrpt", "ops/us", "size=10", STEADY, null)
            .add("m", "thrpt", "ops/us", "size=30", STEADY, null).text());
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertEquals(1, report.primary().size());
        assertEquals(2, report.unmatched().size());
        assertEquals("candidate has: thrpt size=10; thrpt size=30", report.unmatched().get(0).explanation());
        assertTrue(report.missing().isEmpty());
    }

    @Test
    void differentModeIsUnmatched() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson().thrpt("m", STEADY).text());
        final Run candidate = read("b.json", new JmhJson().add("m", "avgt", "ns/op", "", STEADY, null).text());
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertTrue(report.primary().isEmpty());
        assertEquals(2, report.unmatched().size());
    }

    @Test
    void jvmDifferenceIsAWarning() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson().thrpt("m", STEADY).text());
        final Run candidate = read("b.json", new JmhJson().jvm("21.0.5", "21.0.5+11").thrpt("m", STEADY).text());
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertEquals(1, report.warnings().size());
        assertTrue(report.warnings().get(0).startsWith("JVM differs: baseline JDK 17.0.15"), report.warnings().get(0));
        assertTrue(report.warnings().get(0).contains("candidate JDK 21.0.5"), report.warnings().get(0));
        assertEquals(Verdict.UNCHANGED, report.primary().get(0).verdict());
    }

    @Test
    void unitsAreConvertedBeforeComparing() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson().thrpt("m", STEADY).text());
        final double[][] perMillisecond = {{99_000, 100_000, 101_000}, {100_000, 100_000, 100_000},
            {101_000, 100_000, 99_000}, {100_000, 101_000, 99_000}};
        final Run candidate = read("b.json", new JmhJson().add("m", "thrpt", "ops/ms", "", perMillisecond, null).text());
        final Comparison comparison = comparator.compare(baseline, candidate).primary().get(0);
        assertEquals("ops/us", comparison.candidate().unit());
        assertEquals(100, comparison.candidate().score(), 1e-9);
        assertEquals(Verdict.UNCHANGED, comparison.verdict());
    }

    @Test
    void allocationRegressionIsReportedSeparatelyAndFailsTheGate() throws BadInputException
    {
        final Run baseline = read("a.json", new JmhJson()
            .add("m", "avgt", "ns/op", "", STEADY, new double[] {16, 16, 16, 16}).text());
        final Run candidate = read("b.json", new JmhJson()
            .add("m", "avgt", "ns/op", "", STEADY, new double[] {40, 40.01, 39.99, 40}).text());
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertEquals(Verdict.UNCHANGED, report.primary().get(0).verdict());
        assertEquals(Verdict.REGRESSED, report.allocation().get(0).verdict());
        assertTrue(report.hasRegression());
    }

    @Test
    void latencyPercentilesCompareByRatio() throws BadInputException
    {
        final Run baseline = read("base.hgrm", HdrFixtures.percentileText(HdrFixtures.latencies(7, 1.0)));
        final Run candidate = read("cand.hgrm", HdrFixtures.percentileText(HdrFixtures.latencies(7, 1.3)));
        final ComparisonReport report = comparator.compare(baseline, candidate);
        assertEquals(4, report.primary().size());
        for (final Comparison comparison : report.primary())
        {
            assertEquals(Verdict.REGRESSED, comparison.verdict(), comparison.key() + ": " + comparison.reason());
            assertTrue(comparison.reason().contains("ratio only"), comparison.reason());
        }
    }

    private Run read(final String name, final String text) throws BadInputException
    {
        // Both sides of a latency comparison must share the benchmark name: it comes from the sidecar.
        final Path file = Fixtures.write(dir, name, text);
        if (name.endsWith(".hgrm"))
        {
            Fixtures.write(dir, name.replace(".hgrm", ".properties"), "benchmark=e2e-latency\n");
        }
        return new RunReader().read(file, LabelOverrides.NONE);
    }
}
