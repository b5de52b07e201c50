package io.sluice.perf.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.perf.compare.Comparison;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.compare.Unpaired;
import io.sluice.perf.compare.Verdict;
import io.sluice.perf.history.HistoryPoint;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.history.HistorySeries;
import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.RunLabel;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders reports as machine-readable JSON (strict: NaN and infinities are written as {@code null}). Field names
 * are a stable interface; see the module README. Thread-safe.
 */
public final class JsonRenderer
{
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer()
    {
    }

    /**
     * Renders a comparison.
     *
     * @param report the comparison
     * @return pretty-printed JSON
     */
    public static String comparison(final ComparisonReport report)
    {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "comparison");
        root.set("baseline", run(report.baseline(), report.baselineJvm()));
        root.set("candidate", run(report.candidate(), report.candidateJvm()));
        strings(root.putArray("warnings"), report.warnings());
        root.put("hasRegression", report.hasRegression());
        final ObjectNode summary = root.putObject("summary");
        for (final Verdict verdict : Verdict.values())
        {
            summary.put(verdict.name().toLowerCase(Locale.ROOT), report.count(verdict));
        }
        comparisons(root.putArray("primary"), report.primary());
        comparisons(root.putArray("allocation"), report.allocation());
        unpaired(root.putArray("missing"), report.missing());
        unpaired(root.putArray("unmatched"), report.unmatched());
        return write(root);
    }

    /**
     * Renders a history.
     *
     * @param report the history
     * @return pretty-printed JSON
     */
    public static String history(final HistoryReport report)
    {
        final ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", "history");
        final ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < report.runs().size(); i++)
        {
            final ObjectNode run = label(report.runs().get(i));
            run.put("jvm", report.jvms().get(i));
            runs.add(run);
        }
        strings(root.putArray("warnings"), report.warnings());
        final ArrayNode seriesArray = root.putArray("series");
        for (final HistorySeries series : report.series())
        {
            final ObjectNode node = key(series.key());
            node.put("unit", series.unit());
            node.put("direction", series.direction().name().toLowerCase(Locale.ROOT));
            final ArrayNode points = node.putArray("points");
            for (final HistoryPoint point : series.points())
            {
                final ObjectNode pointNode = points.addObject();
                pointNode.put("run", report.runs().get(point.runIndex()).name());
                number(pointNode, "score", point.score());
                number(pointNode, "scoreError", point.scoreError());
            }
            seriesArray.add(node);
        }
        return write(root);
    }

    private static void comparisons(final ArrayNode array, final List<Comparison> comparisons)
    {
        for (final Comparison comparison : comparisons)
        {
            final ObjectNode node = key(comparison.key());
            node.put("metric", comparison.metricName());
            node.put("unit", comparison.baseline().unit());
            node.put("direction", comparison.direction().name().toLowerCase(Locale.ROOT));
            node.set("baseline", metric(comparison.baseline()));
            node.set("candidate", metric(comparison.candidate()));
            number(node, "relativeChange", comparison.relativeChange());
            number(node, "threshold", comparison.threshold());
            number(node, "t", comparison.t());
            number(node, "df", comparison.degreesOfFreedom());
            number(node, "p", comparison.p());
            node.put("basis", comparison.basis().name().toLowerCase(Locale.ROOT));
            node.put("verdict", comparison.verdict().name().toLowerCase(Locale.ROOT));
            node.put("reason", comparison.reason());
            array.add(node);
        }
    }

    private static void unpaired(final ArrayNode array, final List<Unpaired> unpaired)
    {
        for (final Unpaired item : unpaired)
        {
            final ObjectNode node = key(item.key());
            node.put("presentIn", item.presentIn());
            node.put("explanation", item.explanation());
            array.add(node);
        }
    }

    private static ObjectNode key(final BenchmarkKey key)
    {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("benchmark", key.benchmark());
        node.put("mode", key.mode());
        final ObjectNode params = node.putObject("params");
        for (final Map.Entry<String, String> param : key.params().entrySet())
        {
            params.put(param.getKey(), param.getValue());
        }
        return node;
    }

    private static ObjectNode metric(final Metric metric)
    {
        final ObjectNode node = MAPPER.createObjectNode();
        number(node, "score", metric.score());
        number(node, "scoreError", metric.scoreError());
        final ArrayNode samples = node.putArray("samples");
        for (final double sample : metric.samples())
        {
            samples.add(sample);
        }
        node.put("basis", metric.basis().name().toLowerCase(Locale.ROOT));
        return node;
    }

    private static ObjectNode run(final RunLabel label, final JvmInfo jvm)
    {
        final ObjectNode node = label(label);
        node.put("jdkVersion", jvm.jdkVersion());
        node.put("vmName", jvm.vmName());
        node.put("vmVersion", jvm.vmVersion());
        strings(node.putArray("jvmArgs"), jvm.jvmArgs());
        return node;
    }

    private static ObjectNode label(final RunLabel label)
    {
        final ObjectNode node = MAPPER.createObjectNode();
        node.put("name", label.name());
        node.put("date", label.date());
        node.put("machine", label.machine());
        node.put("source", label.source());
        return node;
    }

    private static void strings(final ArrayNode array, final List<String> values)
    {
        for (final String value : values)
        {
            array.add(value);
        }
    }

    private static void number(final ObjectNode node, final String field, final double value)
    {
        if (Double.isFinite(value))
        {
            node.put(field, value);
        }
        else
        {
            node.putNull(field);
        }
    }

    private static String write(final ObjectNode root)
    {
        try
        {
            return MAPPER.writeValueAsString(root) + "\n";
        }
        catch (final JsonProcessingException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
