package io.sluice.perf.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.Direction;
import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Result;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.SampleBasis;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JMH JSON result file ({@code -rf json}, JMH 1.37 format) into a {@link Run}.
 * <p>
 * Samples: with two or more forks the primary metric's samples are the per-fork means of {@code rawData}
 * (forks are independent JVMs); with one fork they are that fork's iterations. {@code sample} mode's
 * {@code rawDataHistogram} is reduced to weighted means the same way. Of the secondary metrics only
 * {@code gc.alloc.rate.norm} is kept (the others depend on time and heap size, not on the code).
 * <p>
 * Stateless and thread-safe.
 */
public final class JmhJsonReader
{
    private static final String PRIMARY = "primary";

    private final ObjectMapper mapper = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Parses JMH JSON text.
     *
     * @param source  the file name used in messages
     * @param text    the file's content
     * @param sidecar the file's run properties
     * @param overrides command-line label fields
     * @return the run
     * @throws BadInputException if the text is not complete, well-formed JMH JSON, with the reason and position
     */
    public Run read(final String source, final String text, final Sidecar sidecar, final LabelOverrides overrides)
        throws BadInputException
    {
        final JsonNode root = parse(source, text);
        if (!root.isArray())
        {
            throw new BadInputException(source + ": not a JMH result file: expected a JSON array of benchmark results"
                + " (run JMH with -rf json)");
        }
        if (root.isEmpty())
        {
            throw new BadInputException(source + ": contains no benchmark results");
        }
        final List<Result> results = new ArrayList<>();
        final Map<BenchmarkKey, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++)
        {
            final Result result = readEntry(source, i + 1, root.get(i));
            final Integer previous = seen.put(result.key(), i + 1);
            if (previous != null)
            {
                throw new BadInputException(source + ": entries " + previous + " and " + (i + 1)
                    + " are both " + result.key() + "; merge runs into separate files");
            }
            results.add(result);
        }
        return new Run(sidecar.label(overrides), jvm(root.get(0)), results);
    }

    private JsonNode parse(final String source, final String text) throws BadInputException
    {
        if (text.isBlank())
        {
            throw new BadInputException(source + ": empty file (is the JMH run complete?)");
        }
        try
        {
            return mapper.readTree(text);
        }
        catch (final JsonEOFException e)
        {
            throw new BadInputException(source + ": truncated JSON at " + where(e.getLocation())
                + " (is the JMH run complete?)");
        }
        catch (final JsonProcessingException e)
        {
            // Jackson reports some ends of input (e.g. inside an object's entries) as plain parse errors.
            if (e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input"))
            {
                throw new BadInputException(source + ": truncated JSON at " + where(e.getLocation())
                    + " (is the JMH run complete?)");
            }
            throw new BadInputException(source + ": malformed JSON at " + where(e.getLocation()) + ": "
                + e.getOriginalMessage());
        }
    }

    private static String where(final JsonLocation location)
    {
        if (location == null)
        {
            return "unknown position";
        }
        return "line " + location.getLineNr() + " column " + location.getColumnNr();
    }

    private static Result readEntry(final String source, final int index, final JsonNode entry)
        throws BadInputException
    {
        final String where = source + ": entry " + index;
        if (!entry.isObject())
        {
            throw new BadInputException(where + ": not a JMH benchmark result object");
        }
        final String benchmark = text(where, entry, "benchmark");
        final String mode = text(where + " (" + benchmark + ")", entry, "mode");
        try
        {
            Direction.ofMode(mode);
        }
        catch (final IllegalArgumentException e)
        {
            throw new BadInputException(where + " (" + benchmark + "): " + e.getMessage());
        }
        final Map<String, String> params = new LinkedHashMap<>();
        final JsonNode paramsNode = entry.path("params");
        final Iterator<Map.Entry<String, JsonNode>> fields = paramsNode.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            params.put(field.getKey(), field.getValue().asText());
        }
        final BenchmarkKey key = BenchmarkKey.of(benchmark, mode, params);
        final JsonNode primaryNode = entry.get("primaryMetric");
        if (primaryNode == null || !primaryNode.isObject())
        {
            throw new BadInputException(where + " (" + key + "): no primaryMetric");
        }
        final Metric primary = metric(where + " (" + key + ") primaryMetric", PRIMARY, primaryNode);
        final Map<String, Metric> secondary = new LinkedHashMap<>();
        final Iterator<Map.Entry<String, JsonNode>> secondaries = entry.path("secondaryMetrics").fields();
        while (secondaries.hasNext())
        {
            final Map.Entry<String, JsonNode> field = secondaries.next();
            if (Direction.isAllocationPerOperation(field.getKey()))
            {
                secondary.put(Direction.GC_ALLOC_RATE_NORM,
                    metric(where + " (" + key + ") " + field.getKey(), Direction.GC_ALLOC_RATE_NORM, field.getValue()));
            }
        }
        return new Result(key, primary, secondary);
    }

    private static Metric metric(final String where, final String name, final JsonNode node) throws BadInputException
    {
        final double score = number(where, node, "score");
        final JsonNode errorNode = node.get("scoreError");
        final double scoreError = errorNode != null && errorNode.isNumber() ? errorNode.asDouble() : Double.NaN;
        final String unit = text(where, node, "scoreUnit");
        final List<double[]> forks = forks(where, node);
        if (forks.isEmpty())
        {
            throw new BadInputException(where + ": no measurement iterations in rawData");
        }
        if (forks.size() == 1)
        {
            return new Metric(name, unit, score, scoreError, forks.get(0), SampleBasis.ITERATIONS);
        }
        final double[] forkMeans = new double[forks.size()];
        for (int i = 0; i < forkMeans.length; i++)
        {
            forkMeans[i] = mean(forks.get(i));
        }
        return new Metric(name, unit, score, scoreError, forkMeans, SampleBasis.FORKS);
    }

    /** Per fork, its iterations' values; forks without iterations are dropped. */
    private static List<double[]> forks(final String where, final JsonNode node) throws BadInputException
    {
        final List<double[]> forks = new ArrayList<>();
        final JsonNode raw = node.get("rawData");
        if (raw != null && raw.isArray())
        {
            for (final JsonNode fork : raw)
            {
                if (!fork.isArray())
                {
                    throw new BadInputException(where + ": rawData must be an array of arrays (one per fork)");
                }
                final double[] iterations = new double[fork.size()];
                for (int i = 0; i < iterations.length; i++)
                {
                    iterations[i] = finite(where, fork.get(i));
                }
                if (iterations.length > 0)
                {
                    forks.add(iterations);
                }
            }
            return forks;
        }
        final JsonNode histogram = node.get("rawDataHistogram");
        if (histogram != null && histogram.isArray())
        {
            for (final JsonNode fork : histogram)
            {
                final double[] iterations = new double[fork.size()];
                for (int i = 0; i < iterations.length; i++)
                {
                    iterations[i] = histogramMean(where, fork.get(i));
                }
                if (iterations.length > 0)
                {
                    forks.add(iterations);
                }
            }
            return forks;
        }
        throw new BadInputException(where + ": no rawData or rawDataHistogram");
    }

    private static double histogramMean(final String where, final JsonNode iteration) throws BadInputException
    {
        double weighted = 0;
        double count = 0;
        for (final JsonNode pair : iteration)
        {
            if (!pair.isArray() || pair.size() != 2)
            {
                throw new BadInputException(where + ": rawDataHistogram entries must be [value, count] pairs");
            }
            final double value = finite(where, pair.get(0));
            final double weight = finite(where, pair.get(1));
            weighted += value * weight;
            count += weight;
        }
        if (count <= 0)
        {
            throw new BadInputException(where + ": an iteration of rawDataHistogram has no samples");
        }
        return weighted / count;
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return sum / values.length;
    }

    private static double finite(final String where, final JsonNode node) throws BadInputException
    {
        if (node == null || !node.isNumber() || !Double.isFinite(node.asDouble()))
        {
            throw new BadInputException(where + ": expected a finite number, found " + node);
        }
        return node.asDouble();
    }

    private static double number(final String where, final JsonNode node, final String field) throws BadInputException
    {
        final JsonNode value = node.get(field);
        if (value == null)
        {
            throw new BadInputException(where + ": missing \"" + field + "\"");
        }
        return finite(where + " \"" + field + "\"", value);
    }

    private static String text(final String where, final JsonNode node, final String field) throws BadInputException
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty())
        {
            throw new BadInputException(where + ": missing \"" + field + "\"");
        }
        return value.asText();
    }

    private static JvmInfo jvm(final JsonNode first)
    {
        final List<String> args = new ArrayList<>();
        for (final JsonNode arg : first.path("jvmArgs"))
        {
            args.add(arg.asText());
        }
        return new JvmInfo(first.path("jdkVersion").asText(""), first.path("vmName").asText(""),
            first.path("vmVersion").asText(""), args);
    }
}
