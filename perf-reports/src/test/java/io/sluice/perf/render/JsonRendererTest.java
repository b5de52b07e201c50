package io.sluice.perf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.perf.testdata.Reports;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonRendererTest
{
    @TempDir
    Path dir;

    @Test
    void comparisonIsStrictJsonWithVerdictsAndStatistics() throws Exception
    {
        final JsonNode root = new ObjectMapper().readTree(JsonRenderer.comparison(Reports.comparison(dir)));

        assertEquals("comparison", root.get("kind").asText());
        assertTrue(root.get("hasRegression").asBoolean());
        assertEquals(1, root.get("summary").get("regressed").asInt());
        assertEquals("0.1.0", root.get("baseline").get("name").asText());
        assertEquals("17.0.15", root.get("candidate").get("jdkVersion").asText());
        JsonNode regressed = null;
        for (final JsonNode row : root.get("primary"))
        {
            if ("regressed".equals(row.get("verdict").asText()))
            {
                regressed = row;
            }
        }
        assertEquals("io.sluice.bench.hash.HashAggregationBenchmark.fastutilAddTo", regressed.get("benchmark").asText());
        assertEquals("1000", regressed.get("params").get("distinctKeys").asText());
        assertEquals(-0.5, regressed.get("relativeChange").asDouble(), 1e-12);
        // The same Welch values the stats tests check against python (per-fork means halved).
        assertEquals(-11.483462455121561, regressed.get("t").asDouble(), 1e-8);
        assertEquals(0.0204247549785177, regressed.get("p").asDouble(), 1e-9);
        assertEquals("forks", regressed.get("basis").asText());
        assertEquals(2, regressed.get("baseline").get("samples").size());
        assertEquals(1, root.get("missing").size());
        assertEquals(1, root.get("unmatched").size());
        assertEquals(3, root.get("allocation").size(), "one per matched result");
    }

    @Test
    void historyListsRunsAndPoints() throws Exception
    {
        final JsonNode root = new ObjectMapper().readTree(JsonRenderer.history(Reports.history(dir)));
        assertEquals(3, root.get("runs").size());
        assertEquals("0.3.0", root.get("runs").get(2).get("name").asText());
        assertEquals(5, root.get("series").size());
        assertEquals(3, root.get("series").get(0).get("points").size());
    }
}
