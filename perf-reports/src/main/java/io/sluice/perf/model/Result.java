package io.sluice.perf.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One benchmark (with one param set) in one run: its primary metric and the secondary metrics kept.
 *
 * @param key       what it is
 * @param primary   the primary metric
 * @param secondary secondary metrics by JMH name; copied into a sorted map
 */
public record Result(BenchmarkKey key, Metric primary, Map<String, Metric> secondary)
{
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component is null
     */
    public Result
    {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(primary, "primary");
        secondary = new TreeMap<>(Objects.requireNonNull(secondary, "secondary"));
    }
}
