package io.sluice.perf.testdata;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Crafts JMH 1.37-shaped JSON result files for tests: same field names and nesting as the real fixture
 * {@code jmh/hash-aggregation-small.json}, with chosen rawData. Not thread-safe; one per test.
 */
public final class JmhJson
{
    /** The package of the crafted benchmarks. */
    public static final String PREFIX = "io.sluice.bench.Crafted.";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ArrayNode root = MAPPER.createArrayNode();
    private String jdkVersion = "17.0.15";
    private String vmVersion = "17.0.15+6-Debian-1deb12u1";

    /**
     * Sets the JVM every following entry reports.
     *
     * @param jdk the jdkVersion
     * @param vm  the vmVersion
     * @return this
     */
    public JmhJson jvm(final String jdk, final String vm)
    {
        jdkVersion = jdk;
        vmVersion = vm;
        return this;
    }

    /**
     * Adds an entry.
     *
     * @param method    benchmark method name, prefixed with {@link #PREFIX}
     * @param mode      JMH mode
     * @param unit      score unit
     * @param params    {@code name=value} pairs, or empty
     * @param rawData   one array per fork
     * @param allocNorm per-fork gc.alloc.rate.norm values (one iteration each), or null for none
     * @return this
     */
    public JmhJson add(
        final String method,
        final String mode,
        final String unit,
        final String params,
        final double[][] rawData,
        final double[] allocNorm)
    {
        final ObjectNode entry = root.addObject();
        entry.put("jmhVersion", "1.37");
        entry.put("benchmark", PREFIX + method);
        entry.put("mode", mode);
        entry.put("threads", 1);
        entry.put("forks", rawData.length);
        entry.put("jvm", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
        entry.putArray("jvmArgs");
        entry.put("jdkVersion", jdkVersion);
        entry.put("vmName", "OpenJDK 64-Bit Server VM");
        entry.put("vmVersion", vmVersion);
        if (!params.isEmpty())
        {
            final ObjectNode paramsNode = entry.putObject("params");
            for (final String pair : params.split(","))
            {
                final String[] parts = pair.split("=");
                paramsNode.put(parts[0], parts[1]);
            }
        }
        entry.set("primaryMetric", metric(unit, rawData));
        if (allocNorm != null)
        {
            final double[][] alloc = new double[allocNorm.length][];
            for (int i = 0; i < allocNorm.length; i++)
            {
                alloc[i] = new double[] {allocNorm[i]};
            }
            entry.putObject("secondaryMetrics").set("gc.alloc.rate.norm", metric("B/op", alloc));
        }
        return this;
    }

    /**
     * Adds a thrpt entry in ops/us without params or allocation.
     *
     * @param method  benchmark method
     * @param rawData one array per fork
     * @return this
     */
    public JmhJson thrpt(final String method, final double[][] rawData)
    {
        return add(method, "thrpt", "ops/us", "", rawData, null);
    }

    /**
     * The JSON text.
     *
     * @return the file content
     */
    public String text()
    {
        try
        {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the JSON to a file.
     *
     * @param file the target
     * @return the file
     */
    public Path writeTo(final Path file)
    {
        try
        {
            Files.writeString(file, text(), StandardCharsets.UTF_8);
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode metric(final String unit, final double[][] rawData)
    {
        final ObjectNode metric = MAPPER.createObjectNode();
        double sum = 0;
        int count = 0;
        final ArrayNode raw = metric.putArray("rawData");
        for (final double[] fork : rawData)
        {
            final ArrayNode forkNode = raw.addArray();
            for (final double value : fork)
            {
                forkNode.add(value);
                sum += value;
                count++;
            }
        }
        metric.put("score", count == 0 ? 0 : sum / count);
        metric.put("scoreError", 0.5);
        metric.putArray("scoreConfidence").add(0).add(1);
        metric.put("scoreUnit", unit);
        return metric;
    }
}
