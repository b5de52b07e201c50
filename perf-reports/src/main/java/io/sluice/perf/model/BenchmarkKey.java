package io.sluice.perf.model;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What makes two results comparable: the benchmark's full name, its JMH mode and its parameter set.
 * <p>
 * Immutable; the params are copied into a sorted map so equality and display do not depend on input order.
 *
 * @param benchmark fully qualified benchmark method, e.g. {@code io.sluice.bench.hash.HashAggregationBenchmark.fastutilAddTo}
 * @param mode      JMH mode short name ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) or {@code hdr}
 *                  for a latency-harness percentile
 * @param params    parameter name to value; empty when the benchmark has none
 */
public record BenchmarkKey(String benchmark, String mode, SortedMap<String, String> params)
{
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if any component is null
     */
    public BenchmarkKey
    {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        params = new TreeMap<>(Objects.requireNonNull(params, "params"));
    }

    /**
     * Creates a key from an unordered parameter map.
     *
     * @param benchmark the benchmark name
     * @param mode      the mode short name
     * @param params    the parameters, copied
     * @return the key
     */
    public static BenchmarkKey of(final String benchmark, final String mode, final Map<String, String> params)
    {
        return new BenchmarkKey(benchmark, mode, new TreeMap<>(params));
    }

    /**
     * The parameters as {@code a=1,b=x}, or the empty string when there are none.
     *
     * @return the display form, stable across runs
     */
    public String paramsText()
    {
        final StringBuilder text = new StringBuilder();
        for (final Map.Entry<String, String> entry : params.entrySet())
        {
            if (text.length() > 0)
            {
                text.append(',');
            }
            text.append(entry.getKey()).append('=').append(entry.getValue());
        }
        return text.toString();
    }

    /**
     * The benchmark name without its package, e.g. {@code HashAggregationBenchmark.fastutilAddTo}.
     *
     * @return the last two dot-separated segments, or the whole name when it has fewer
     */
    public String shortName()
    {
        final int last = benchmark.lastIndexOf('.');
        if (last <= 0)
        {
            return benchmark;
        }
        final int previous = benchmark.lastIndexOf('.', last - 1);
        return benchmark.substring(previous + 1);
    }

    /**
     * The series id charts and JSON use: {@code <benchmark>|<params>}.
     *
     * @return the id; unique within a run for a given mode
     */
    public String seriesId()
    {
        return benchmark + '|' + paramsText();
    }

    @Override
    public String toString()
    {
        final String paramsText = paramsText();
        return shortName() + " [" + mode + (paramsText.isEmpty() ? "" : " " + paramsText) + "]";
    }
}
