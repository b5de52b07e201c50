package io.sluice.perf.testdata;

import io.sluice.perf.compare.Comparator;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.compare.Threshold;
import io.sluice.perf.compare.ThresholdRules;
import io.sluice.perf.history.HistoryBuilder;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.model.Run;
import io.sluice.perf.read.BadInputException;
import io.sluice.perf.read.LabelOverrides;
import io.sluice.perf.read.RunReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reports built from the real fixture for renderer tests: the fixture as baseline, and as candidate the fixture
 * with {@code fastutilAddTo distinctKeys=1000} halved (a crafted regression) and one benchmark renamed
 * (a result missing from the baseline, and its old name unmatched in the candidate).
 */
public final class Reports
{
    /** The series id of the crafted regression. */
    public static final String REGRESSED_SERIES =
        "io.sluice.bench.hash.HashAggregationBenchmark.fastutilAddTo|distinctKeys=1000";

    private Reports()
    {
    }

    /**
     * Writes the baseline and candidate files.
     *
     * @param dir where
     * @return baseline and candidate paths
     */
    public static Path[] writeRuns(final Path dir)
    {
        final String fixture = Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL);
        final Path baseline = Fixtures.write(dir, "baseline.json", fixture);
        final Path candidate = Fixtures.write(dir, "candidate.json", RealFixtureEdits.halveFastutil1000(fixture));
        Fixtures.write(dir, "baseline.properties", "name=0.1.0\ndate=2026-11-21\nmachine=ci 2 cores\n");
        Fixtures.write(dir, "candidate.properties", "name=0.2.0-SNAPSHOT\ndate=2026-11-22\nmachine=ci 2 cores\n");
        return new Path[] {baseline, candidate};
    }

    /**
     * The comparison of {@link #writeRuns}.
     *
     * @param dir where to write the runs
     * @return the report
     * @throws BadInputException never for the committed fixture
     */
    public static ComparisonReport comparison(final Path dir) throws BadInputException
    {
        final Path[] files = writeRuns(dir);
        final RunReader reader = new RunReader();
        final Run baseline = reader.read(files[0], LabelOverrides.NONE);
        final Run candidate = reader.read(files[1], LabelOverrides.NONE);
        return new Comparator(ThresholdRules.of(Threshold.DEFAULT)).compare(baseline, candidate);
    }

    /**
     * A three-run history: the fixture, the crafted candidate, and the fixture again.
     *
     * @param dir where to write the runs
     * @return the report
     * @throws BadInputException never for the committed fixture
     */
    public static HistoryReport history(final Path dir) throws BadInputException
    {
        final Path[] files = writeRuns(dir);
        final RunReader reader = new RunReader();
        return HistoryBuilder.build(List.of(
            reader.read(files[0], LabelOverrides.NONE),
            reader.read(files[1], LabelOverrides.NONE),
            reader.read(files[0], LabelOverrides.named("0.3.0"))));
    }
}
