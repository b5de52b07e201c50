package io.sluice.perf.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.testdata.Fixtures;
import io.sluice.perf.testdata.HdrFixtures;
import io.sluice.perf.testdata.JmhJson;
import io.sluice.perf.testdata.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line end to end: exit codes, files written, messages on stderr and never a stack trace.
 */
class PerfReportsTest
{
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void regressionExitsOneAndWritesAllReports() throws Exception
    {
        final Path[] runs = Reports.writeRuns(dir);
        final int code = run("compare", "--baseline", runs[0].toString(), "--candidate", runs[1].toString(),
            "--md", dir.resolve("out/perf.md").toString(), "--html", dir.resolve("out/perf.html").toString(),
            "--json", dir.resolve("out/perf.json").toString());

        assertEquals(PerfReports.EXIT_REGRESSION, code, stderr());
        assertTrue(Files.readString(dir.resolve("out/perf.md")).contains("**regressed**"));
        assertTrue(Files.readString(dir.resolve("out/perf.html")).contains("<svg"));
        assertTrue(Files.readString(dir.resolve("out/perf.json")).contains("\"hasRegression\" : true"));
        assertTrue(stderr().contains("perf-reports: 1 regressed"), stderr());
        assertTrue(stderr().contains("warning: 1 result(s) present in one run only"), stderr());
        assertEquals("", stdout(), "reports went to files");
    }

    @Test
    void realFixtureAgainstItselfExitsZeroWithMarkdownOnStdout()
    {
        final Path file = Fixtures.write(dir, "small.json", Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL));
        final int code = run("compare", "--baseline", file.toString(), "--candidate", file.toString(),
            "--label-baseline", "0.1.0", "--label-candidate", "HEAD");
        assertEquals(PerfReports.EXIT_OK, code, stderr());
        assertTrue(stdout().startsWith("## Performance: 0.1.0 → HEAD"), stdout());
        assertTrue(stderr().contains("0 regressed, 0 improved, 8 unchanged"), stderr());
    }

    @Test
    void thresholdOverrideTurnsRegressionIntoUnchanged() throws Exception
    {
        final Path[] runs = Reports.writeRuns(dir);
        final int code = run("compare", "--baseline", runs[0].toString(), "--candidate", runs[1].toString(),
            "--threshold", "fastutilAddTo=60%");
        assertEquals(PerfReports.EXIT_OK, code, stderr());
    }

    @Test
    void truncatedInputExitsTwoWithMessageAndNoStackTrace()
    {
        final String full = Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL);
        final Path good = Fixtures.write(dir, "a.json", full);
        final Path cut = Fixtures.write(dir, "b.json", full.substring(0, 5012));
        final int code = run("compare", "--baseline", good.toString(), "--candidate", cut.toString());
        assertEquals(PerfReports.EXIT_BAD_INPUT, code);
        assertTrue(stderr().startsWith("error: " + cut + ": truncated JSON at line "), stderr());
        assertTrue(stderr().contains("(is the JMH run complete?)"), stderr());
        assertNoStackTrace();
    }

    @Test
    void usageErrorsExitTwo()
    {
        assertEquals(PerfReports.EXIT_BAD_INPUT, run("compare", "--baseline", "a.json"));
        assertTrue(stderr().startsWith("error: missing --candidate"), stderr());
        assertEquals(PerfReports.EXIT_BAD_INPUT, run("frobnicate"));
        assertEquals(PerfReports.EXIT_BAD_INPUT, run("compare", "--baseline", "a", "--candidate", "b", "--threshold", "x=lots"));
        assertTrue(stderr().contains("'lots' is not a percentage"), stderr());
        assertNoStackTrace();
        assertEquals(PerfReports.EXIT_OK, run("--help"));
        assertTrue(stdout().contains("perf-reports compare --baseline FILE --candidate FILE"));
    }

    @Test
    void jvmDifferenceIsWarnedInEveryOutput() throws Exception
    {
        final double[][] steady = {{10, 10.1}, {10.1, 10}, {10, 10}};
        final Path a = new JmhJson().thrpt("m", steady).writeTo(dir.resolve("a.json"));
        final Path b = new JmhJson().jvm("21.0.5", "21.0.5+11-LTS").thrpt("m", steady).writeTo(dir.resolve("b.json"));
        final int code = run("compare", "--baseline", a.toString(), "--candidate", b.toString(),
            "--md", dir.resolve("r.md").toString(), "--html", dir.resolve("r.html").toString(),
            "--json", dir.resolve("r.json").toString());
        assertEquals(PerfReports.EXIT_OK, code, stderr());
        final String warning = "JVM differs: baseline JDK 17.0.15";
        assertTrue(stderr().contains("warning: " + warning), stderr());
        assertTrue(Files.readString(dir.resolve("r.md")).contains("> **Warning:** " + warning));
        assertTrue(Files.readString(dir.resolve("r.html")).contains("<div class=\"warning\">Warning: " + warning));
        assertTrue(Files.readString(dir.resolve("r.json")).contains("\"warnings\" : [ \"" + warning));
    }

    @Test
    void historyWritesChartsForNamedRuns() throws Exception
    {
        final Path a = new JmhJson().thrpt("m", new double[][] {{10, 11}, {10, 12}}).writeTo(dir.resolve("a.json"));
        final Path b = new JmhJson().thrpt("m", new double[][] {{12, 13}, {12, 14}}).writeTo(dir.resolve("b.json"));
        final int code = run("history", "0.1.0=" + a, "0.2.0=" + b, "--html", dir.resolve("h.html").toString());
        assertEquals(PerfReports.EXIT_OK, code, stderr());
        final String html = Files.readString(dir.resolve("h.html"));
        assertTrue(html.contains("data-run=\"0.1.0\""), "point of the first run");
        assertTrue(html.contains("data-run=\"0.2.0\""), "point of the second run");
    }

    @Test
    void latencyHistogramsCompareAndRegress()
    {
        final Path base = Fixtures.write(dir, "base.hgrm", HdrFixtures.percentileText(HdrFixtures.latencies(3, 1.0)));
        final Path cand = Fixtures.write(dir, "cand.hgrm", HdrFixtures.percentileText(HdrFixtures.latencies(3, 1.5)));
        Fixtures.write(dir, "base.properties", "benchmark=e2e\nname=0.1.0\n");
        Fixtures.write(dir, "cand.properties", "benchmark=e2e\nname=HEAD\n");
        final int code = run("compare", "--baseline", base.toString(), "--candidate", cand.toString());
        assertEquals(PerfReports.EXIT_REGRESSION, code, stderr());
        assertTrue(stdout().contains("ratio only"), stdout());
    }

    private int run(final String... args)
    {
        out.reset();
        err.reset();
        return PerfReports.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertNoStackTrace()
    {
        assertFalse(stderr().contains("\tat "), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }
}
