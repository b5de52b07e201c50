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
 * Turns the engines' result lines into two tables and one JSON file. Throughput ({@code peers.jsonl}): per workload
 * and engine the median of the repeats with their min–max, and the Sluice/peer ratio (median over median, and the
 * range min(Sluice)/max(peer) – max(Sluice)/min(peer)) against its goal (≥ 10× Spark, ≥ 3× Flink and Jet); the
 * Sluice row is the one named {@code sluice} ({@code sluice-generic} is listed with its own ratios too). Latency
 * ({@code peers-latency.jsonl}, optional): offered rate, interval, p50/p99/p99.9/max and whether the engine
 * sustained the rate (p99 ≤ 2 × interval, and every offered record's result seen where the engine reports them all).
 *
 * <p>Usage: {@code PeerReport <peers.jsonl> <peers.json> [peers-latency.jsonl]}.
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
        final ObjectNode root = mapper.createObjectNode();
        final List<String> table = new ArrayList<>();
        throughput(mapper, read(mapper, Path.of(args[0])), root.putArray("results"), table);
        if (args.length > 2 && Files.exists(Path.of(args[2])))
        {
            table.add("");
            latency(read(mapper, Path.of(args[2])), root.putArray("latency"), table);
        }
        Files.writeString(Path.of(args[1]), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        table.forEach(System.out::println);
    }

    private static Map<String, Map<String, JsonNode>> read(final ObjectMapper mapper, final Path file)
        throws Exception
    {
        final Map<String, Map<String, JsonNode>> byWorkload = new LinkedHashMap<>();
        for (final String line : Files.readAllLines(file))
        {
            if (!line.isBlank())
            {
                final JsonNode node = mapper.readTree(line);
                byWorkload.computeIfAbsent(node.get("workload").asText(), (k) -> new LinkedHashMap<>())
                    .put(node.get("engine").asText(), node);
            }
        }
        return byWorkload;
    }

    /** @return {min, median, max} of the repeats (the single rate when there are none). */
    private static double[] range(final JsonNode node)
    {
        final double median = node.get("recordsPerSecond").asDouble();
        final JsonNode repeats = node.get("repeatsPerSecond");
        if (null == repeats || repeats.isEmpty())
        {
            return new double[] {median, median, median};
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (final JsonNode r : repeats)
        {
            min = Math.min(min, r.asDouble());
            max = Math.max(max, r.asDouble());
        }
        return new double[] {min, median, max};
    }

    private static void throughput(final ObjectMapper mapper, final Map<String, Map<String, JsonNode>> byWorkload,
        final ArrayNode rows, final List<String> table)
    {
        table.add(String.format(Locale.ROOT, "%-12s %-15s %12s %25s %10s %22s %7s %s", "workload", "engine",
            "records/s", "(min - max)", "Sluice/x", "(range)", "goal", "verdict"));
        byWorkload.forEach((workload, engines) ->
            engines.forEach((engine, node) ->
            {
                final double[] rate = range(node);
                final ObjectNode row = rows.addObject();
                row.setAll((ObjectNode)node);
                row.put("minPerSecond", rate[0]);
                row.put("maxPerSecond", rate[2]);
                final StringBuilder ratios = new StringBuilder();
                for (final String sluiceName : List.of("sluice", "sluice-generic"))
                {
                    final JsonNode sluice = engines.get(sluiceName);
                    if (null == sluice || engine.startsWith("sluice"))
                    {
                        continue;
                    }
                    final double[] s = range(sluice);
                    final double ratio = s[1] / rate[1];
                    final double goal = GOALS.getOrDefault(engine, 1.0);
                    final boolean isFast = "sluice".equals(sluiceName);
                    final String name = isFast ? "sluiceOverPeer" : "genericOverPeer";
                    row.put(name, ratio);
                    row.put(name + "Min", s[0] / rate[2]);
                    row.put(name + "Max", s[2] / rate[0]);
                    if (isFast)
                    {
                        row.put("goal", goal);
                        row.put("meetsGoal", ratio >= goal);
                    }
                    ratios.append(String.format(Locale.ROOT, " %10s %22s %7s %s",
                        String.format(Locale.ROOT, "%.2fx", ratio),
                        String.format(Locale.ROOT, "(%.2f - %.2fx)", s[0] / rate[2], s[2] / rate[0]),
                        String.format(Locale.ROOT, ">=%.0fx", goal),
                        (ratio >= goal ? "meets goal" : "BELOW goal") + (isFast ? "" : " [generic]")));
                }
                table.add(String.format(Locale.ROOT, "%-12s %-15s %12.0f %25s%s", workload, engine, rate[1],
                    String.format(Locale.ROOT, "(%.0f - %.0f)", rate[0], rate[2]), ratios));
            }));
    }

    private static void latency(final Map<String, Map<String, JsonNode>> byWorkload, final ArrayNode rows,
        final List<String> table)
    {
        table.add(String.format(Locale.ROOT, "%-12s %-15s %10s %9s %10s %10s %10s %10s %10s %s", "workload",
            "engine", "offered/s", "interval", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "records", "sustained"));
        byWorkload.forEach((workload, engines) ->
            engines.forEach((engine, node) ->
            {
                final ObjectNode row = rows.addObject();
                row.setAll((ObjectNode)node);
                final long records = node.path("latencyRecords").asLong();
                final long intervalMs = node.path("intervalMs").asLong();
                final boolean isSustained = records > 0
                    && node.path("p99Micros").asLong() <= 2_000 * intervalMs
                    && (node.path("recordsSeen").asLong() >= node.path("recordsOffered").asLong()
                        || workload.equals("nexmark-q1") || workload.equals("nexmark-q2"));
                row.put("sustained", isSustained);
                table.add(String.format(Locale.ROOT, "%-12s %-15s %10d %7dms %10.1f %10.1f %10.1f %10.1f %10d %s",
                    workload, engine, node.path("offeredPerSecond").asLong(), intervalMs,
                    node.path("p50Micros").asLong() / 1e3, node.path("p99Micros").asLong() / 1e3,
                    node.path("p999Micros").asLong() / 1e3, node.path("maxMicros").asLong() / 1e3, records,
                    records == 0 ? "n/a (not measured for this engine)" : isSustained ? "yes" : "NO"));
            }));
    }
}
