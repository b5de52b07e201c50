package io.sluice.perf.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Result;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.SampleBasis;
import io.sluice.perf.testdata.Fixtures;
import io.sluice.perf.testdata.JmhJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest
{
    private static final String FASTUTIL = "io.sluice.bench.hash.HashAggregationBenchmark.fastutilAddTo";

    @TempDir
    Path dir;

    private final RunReader reader = new RunReader();

    @Test
    void readsRealBenchModuleOutput() throws BadInputException
    {
        final Path file = Fixtures.write(dir, "small.json", Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL));
        final Run run = reader.read(file, LabelOverrides.NONE);

        assertEquals(4, run.results().size());
        assertEquals("small", run.label().name());
        assertEquals("17.0.15", run.jvm().jdkVersion());
        final Result result = run.byKey().get(BenchmarkKey.of(FASTUTIL, "thrpt", Map.of("distinctKeys", "1000")));
        final Metric primary = result.primary();
        assertEquals("ops/us", primary.unit());
        assertEquals(62.17329632437557, primary.score(), 0);
        assertEquals(SampleBasis.FORKS, primary.basis());
        // Per-fork means of rawData, computed by hand from the fixture.
        assertArrayEquals(new double[] {
            (61.39756076062995 + 51.87011775172071 + 65.98835337011934) / 3,
            (68.18126331673419 + 59.4854368890546 + 66.11704585799464) / 3,
        }, primary.samples(), 1e-12);
        final Metric alloc = result.secondary().get(Direction.GC_ALLOC_RATE_NORM);
        assertEquals("B/op", alloc.unit());
        assertEquals(2, alloc.samples().length);
        assertEquals(1, result.secondary().size(), "only gc.alloc.rate.norm is kept");
    }

    @Test
    void labelComesFromSidecarThenArguments() throws BadInputException
    {
        final Path file = new JmhJson().thrpt("a", new double[][] {{1, 2}, {3, 4}}).writeTo(dir.resolve("jmh.json"));
        Fixtures.write(dir, "jmh.properties", "name=0.2.0\ndate=2026-11-21\nmachine=ci-2core\n");

        final Run fromSidecar = reader.read(file, LabelOverrides.NONE);
        assertEquals("0.2.0", fromSidecar.label().name());
        assertEquals("2026-11-21", fromSidecar.label().date());
        assertEquals("ci-2core", fromSidecar.label().machine());

        final Run overridden = reader.read(file, new LabelOverrides("abc123", "", "laptop"));
        assertEquals("abc123", overridden.label().name());
        assertEquals("2026-11-21", overridden.label().date());
        assertEquals("laptop", overridden.label().machine());
    }

    @Test
    void versionDirectoryNamesTheRun() throws Exception
    {
        final Path versionDir = Files.createDirectories(dir.resolve("0.3.1"));
        final Path file = new JmhJson().thrpt("a", new double[][] {{1, 2}, {3, 4}}).writeTo(versionDir.resolve("jmh.json"));
        assertEquals("0.3.1", reader.read(file, LabelOverrides.NONE).label().name());
    }

    @Test
    void singleForkUsesIterationsAndSaysSo() throws BadInputException
    {
        final Path file = new JmhJson().thrpt("a", new double[][] {{1, 2, 3}}).writeTo(dir.resolve("one.json"));
        final Metric metric = reader.read(file, LabelOverrides.NONE).results().get(0).primary();
        assertEquals(SampleBasis.ITERATIONS, metric.basis());
        assertArrayEquals(new double[] {1, 2, 3}, metric.samples(), 0);
    }

    @Test
    void sampleModeHistogramBecomesWeightedForkMeans() throws BadInputException
    {
        final String json = "[{\"benchmark\":\"x.Y.z\",\"mode\":\"sample\",\"primaryMetric\":{\"score\":2.5,"
            + "\"scoreError\":0.1,\"scoreUnit\":\"us/op\",\"rawDataHistogram\":["
            + "[[[1.0,3],[5.0,1]],[[2.0,1]]],"
            + "[[[4.0,2]]]]}}]";
        final Metric metric = reader.read(Fixtures.write(dir, "s.json", json), LabelOverrides.NONE).results().get(0).primary();
        // Fork 1: iterations with means (1*3+5)/4 = 2 and 2 -> 2; fork 2: 4.
        assertArrayEquals(new double[] {2, 4}, metric.samples(), 1e-12);
        assertEquals(SampleBasis.FORKS, metric.basis());
    }

    @Test
    void truncatedJsonSaysWhereAndWhy()
    {
        final String full = Fixtures.text(Fixtures.HASH_AGGREGATION_SMALL);
        final Path file = Fixtures.write(dir, "b.json", full.substring(0, full.length() / 2));
        final BadInputException e = assertThrows(BadInputException.class, () -> reader.read(file, LabelOverrides.NONE));
        assertTrue(e.getMessage().startsWith(file + ": truncated JSON at line "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(is the JMH run complete?)"), e.getMessage());
    }

    @Test
    void malformedJsonSaysWhere()
    {
        final Path file = Fixtures.write(dir, "m.json", "[{\"benchmark\": \"a\",, }]");
        final BadInputException e = assertThrows(BadInputException.class, () -> reader.read(file, LabelOverrides.NONE));
        assertTrue(e.getMessage().startsWith(file + ": malformed JSON at line 1 column "), e.getMessage());
    }

    @Test
    void otherBadInputsHaveClearMessages()
    {
        assertMessage(Fixtures.write(dir, "empty.json", ""), "empty file (is the JMH run complete?)");
        assertMessage(Fixtures.write(dir, "obj.json", "{\"a\":1}"), "not a JMH result file");
        assertMessage(Fixtures.write(dir, "none.json", "[]"), "contains no benchmark results");
        assertMessage(Fixtures.write(dir, "nopm.json", "[{\"benchmark\":\"a.B.c\",\"mode\":\"thrpt\"}]"),
            "entry 1 (B.c [thrpt]): no primaryMetric");
        assertMessage(Fixtures.write(dir, "mode.json", "[{\"benchmark\":\"a.B.c\",\"mode\":\"fast\"}]"),
            "unknown benchmark mode 'fast'");
        assertMessage(Fixtures.write(dir, "text.txt", "hello"), "neither JMH JSON");
        assertMessage(dir.resolve("absent.json"), "no such file");
    }

    private void assertMessage(final Path file, final String expected)
    {
        final BadInputException e = assertThrows(BadInputException.class, () -> reader.read(file, LabelOverrides.NONE));
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
