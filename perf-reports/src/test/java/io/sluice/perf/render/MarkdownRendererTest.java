package io.sluice.perf.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.testdata.Reports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownRendererTest
{
    @TempDir
    Path dir;

    @Test
    void comparisonTableHasVerdictsMissingAndLabels() throws Exception
    {
        final ComparisonReport report = Reports.comparison(dir);
        final String md = MarkdownRenderer.comparison(report);

        assertTrue(md.startsWith("## Performance: 0.1.0 → 0.2.0-SNAPSHOT\n"), md);
        assertTrue(md.contains("- Baseline: 0.1.0 (2026-11-21, ci 2 cores, JDK 17.0.15"), md);
        assertTrue(md.contains("**1 regressed**"), md);
        assertTrue(md.contains("| HashAggregationBenchmark.fastutilAddTo | distinctKeys=1000 | thrpt ↑ | 62.17 ± 16.83 |"
            + " 31.09 ± 8.42 | ops/us | -50.0% | 0.020 | **regressed** |"), md);
        assertTrue(md.contains("### Allocation per operation"), md);
        assertTrue(md.contains("### Missing (benchmark in one run only)"), md);
        assertTrue(md.contains("`HashAggregationBenchmark.boxedHashMapRenamed [thrpt distinctKeys=10000]` only in candidate"),
            md);
        assertTrue(md.contains("> **Warning:** 1 result(s) present in one run only"), md);
        // The renamed benchmark's baseline twin still exists with distinctKeys=1000: unmatched, not missing.
        assertTrue(md.contains("### Unmatched (different params, mode or unit)"), md);
        assertTrue(md.contains("`HashAggregationBenchmark.boxedHashMap [thrpt distinctKeys=10000]` only in baseline:"
            + " candidate has: thrpt distinctKeys=1000"), md);
    }

    @Test
    void historyHasAColumnPerRun() throws Exception
    {
        final String md = MarkdownRenderer.history(Reports.history(dir));
        assertTrue(md.contains("| Benchmark | Params | Mode | Unit | 0.1.0 | 0.2.0-SNAPSHOT | 0.3.0 |"), md);
        assertTrue(md.contains("| HashAggregationBenchmark.fastutilAddTo | distinctKeys=1000 | thrpt ↑ | ops/us |"
            + " 62.17 ± 16.83 | 31.09 ± 8.42 | 62.17 ± 16.83 |"), md);
        assertTrue(md.contains("| HashAggregationBenchmark.boxedHashMap | distinctKeys=10000 | thrpt ↑ | ops/us | 5.65 ± 2.90 | – |"),
            md);
    }
}
