package io.sluice.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the engines' result lines ({@code peers.jsonl}) into a table with the Sluice/peer throughput ratio per
 * workload and the goal each ratio is held against (≥ 10× Spark, ≥ 3× Flink and Jet), and writes them as JSON.
 *
 * <p>Usage: {@code PeerReport <peers.jsonl> <peers.json>}.
 */
public final class PeerReport
{
    private static final Map<String, Double> GOALS = Map.of("spark", 10.0, "flink", 3.0, "jet", 3.0);

    private PeerReport()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final ObjectMapper mapper = new ObjectMapper();
        final Map<String, Map<String, JsonNode>> byWorkload = new LinkedHashMap<>();
        for (final String line : Files.readAllLines(Path.of(args[0])))
        {
            if (line.isBlank())
            {
                continue;
            }
            final JsonNode node = mapper.readTree(line);
            byWorkload.computeIfAbsent(node.get("workload").asText(), (k) -> new LinkedHashMap<>())
                .put(node.get("engine").asText(), node);
        }
        final ObjectNode root = mapper.createObjectNode();
        final ArrayNode rows = root.putArray("results");
        final List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-12s %-7s %14s %14s %8s %s", "workload", "engine", "records/s",
            "Sluice/peer", "goal", "verdict"));
        byWorkload.forEach((workload, engines) ->
        {
            final JsonNode sluice = engines.get("sluice");
            engines.forEach((engine, node) ->
            {
                final double rate = node.get("recordsPerSecond").asDouble();
                final ObjectNode row = rows.addObject();
                row.setAll((ObjectNode)node);
                String ratioText = "";
                String goalText = "";
                String verdict = "";
                if (null != sluice && !"sluice".equals(engine))
                {
                    final double ratio = sluice.get("recordsPerSecond").asDouble() / rate;
                    final double goal = GOALS.getOrDefault(engine, 1.0);
                    row.put("sluiceOverPeer", ratio);
                    row.put("goal", goal);
                    row.put("meetsGoal", ratio >= goal);
                    ratioText = String.format(Locale.ROOT, "%.2fx", ratio);
                    goalText = String.format(Locale.ROOT, ">=%.0fx", goal);
                    verdict = ratio >= goal ? "meets goal" : "BELOW goal";
                }
                table.add(String.format(Locale.ROOT, "%-12s %-7s %14.0f %14s %8s %s", workload, engine, rate,
                    ratioText, goalText, verdict));
            });
        });
        Files.writeString(Path.of(args[1]), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        table.forEach(System.out::println);
    }
}
