package io.sluice.perf.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A default {@link Threshold} and per-benchmark overrides of its minimum effect size, written
 * {@code Pattern=5%}: the first rule whose regular expression is found in the benchmark's full name wins.
 * Immutable and thread-safe.
 */
public final class ThresholdRules
{
    private final Threshold defaultThreshold;
    private final List<Rule> rules;

    private record Rule(Pattern pattern, double minRelativeChange)
    {
    }

    private ThresholdRules(final Threshold defaultThreshold, final List<Rule> rules)
    {
        this.defaultThreshold = defaultThreshold;
        this.rules = List.copyOf(rules);
    }

    /**
     * Rules with only a default.
     *
     * @param defaultThreshold used for every benchmark
     * @return the rules
     */
    public static ThresholdRules of(final Threshold defaultThreshold)
    {
        return new ThresholdRules(Objects.requireNonNull(defaultThreshold, "defaultThreshold"), List.of());
    }

    /**
     * Adds an override, parsed from {@code Pattern=5%} (or {@code Pattern=0.05}).
     *
     * @param spec the rule text
     * @return new rules with this one after the existing ones
     * @throws IllegalArgumentException with a user-facing message if the text is malformed
     */
    public ThresholdRules with(final String spec)
    {
        final int equals = spec.lastIndexOf('=');
        if (equals <= 0 || equals == spec.length() - 1)
        {
            throw new IllegalArgumentException("threshold '" + spec + "' is not Pattern=N%");
        }
        final Pattern pattern;
        try
        {
            pattern = Pattern.compile(spec.substring(0, equals));
        }
        catch (final PatternSyntaxException e)
        {
            throw new IllegalArgumentException("threshold '" + spec + "': bad pattern: " + e.getDescription());
        }
        final List<Rule> extended = new ArrayList<>(rules);
        extended.add(new Rule(pattern, parseFraction(spec.substring(equals + 1))));
        return new ThresholdRules(defaultThreshold, extended);
    }

    /**
     * Parses {@code 5%} or {@code 0.05} to a fraction.
     *
     * @param text the value
     * @return the fraction, non-negative
     * @throws IllegalArgumentException with a user-facing message if malformed or negative
     */
    public static double parseFraction(final String text)
    {
        final String trimmed = text.trim();
        try
        {
            final double value = trimmed.endsWith("%")
                ? Double.parseDouble(trimmed.substring(0, trimmed.length() - 1)) / 100
                : Double.parseDouble(trimmed);
            if (!(value >= 0) || Double.isInfinite(value))
            {
                throw new IllegalArgumentException("'" + text + "' must be a non-negative percentage");
            }
            return value;
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("'" + text + "' is not a percentage like 5% or a fraction like 0.05");
        }
    }

    /**
     * The threshold for a benchmark.
     *
     * @param benchmark the full benchmark name
     * @return the first matching override applied to the default, else the default
     */
    public Threshold forBenchmark(final String benchmark)
    {
        for (final Rule rule : rules)
        {
            if (rule.pattern().matcher(benchmark).find())
            {
                return defaultThreshold.withMinRelativeChange(rule.minRelativeChange());
            }
        }
        return defaultThreshold;
    }
}
