package io.sluice.perf.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One set of results read from one file: the label, the JVM and the results in file order.
 *
 * @param label   who and where
 * @param jvm     which JVM
 * @param results the results, copied; keys are unique
 */
public record Run(RunLabel label, JvmInfo jvm, List<Result> results)
{
    /**
     * Validates and copies.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if two results share a key
     */
    public Run
    {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(jvm, "jvm");
        results = List.copyOf(results);
        final Map<BenchmarkKey, Result> seen = new LinkedHashMap<>();
        for (final Result result : results)
        {
            if (seen.put(result.key(), result) != null)
            {
                throw new IllegalArgumentException("duplicate result for " + result.key());
            }
        }
    }

    /**
     * The results by key, in file order.
     *
     * @return a new map
     */
    public Map<BenchmarkKey, Result> byKey()
    {
        final Map<BenchmarkKey, Result> map = new LinkedHashMap<>();
        for (final Result result : results)
        {
            map.put(result.key(), result);
        }
        return map;
    }

    /**
     * The same run under another label.
     *
     * @param newLabel the label
     * @return a new run
     */
    public Run relabelled(final RunLabel newLabel)
    {
        return new Run(newLabel, jvm, results);
    }
}
