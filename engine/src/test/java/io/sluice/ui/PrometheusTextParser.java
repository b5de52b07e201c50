package io.sluice.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4 for the tests: every sample line must parse
 * (metric name, optional label set with escaped values, a float value, no timestamp), follow a {@code # TYPE} line of
 * its metric family, and histogram families must have cumulative, non-decreasing buckets ending in {@code +Inf}
 * equal to {@code _count}. A line that breaks a rule fails the parse with its line number.
 */
final class PrometheusTextParser
{
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile(
        "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})? "
            + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|NaN|Inf|\\+Inf|-Inf))");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Sample key ({@code name{label="v",...}} as written) to value, and family name to type. */
    record Scrape(Map<String, Double> samples, Map<String, String> types)
    {
        double value(final String key)
        {
            final Double v = samples.get(key);
            if (v == null)
            {
                throw new AssertionError("no sample " + key + " in the scrape; samples: " + samples.keySet());
            }
            return v;
        }
    }

    private PrometheusTextParser()
    {
    }

    static Scrape parse(final String text)
    {
        final Map<String, Double> samples = new LinkedHashMap<>();
        final Map<String, String> types = new LinkedHashMap<>();
        final Map<String, Double> lastBucket = new LinkedHashMap<>();
        final String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n"))
        {
            throw new AssertionError("the exposition must end with a line feed");
        }
        for (int i = 0; i < lines.length - 1; i++)
        {
            final String line = lines[i];
            final int n = i + 1;
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE "))
            {
                final String[] parts = line.split(" ", 4);
                if (parts.length < 4 || !NAME.matcher(parts[2]).matches())
                {
                    throw new AssertionError("line " + n + ": bad comment: " + line);
                }
                if (line.startsWith("# TYPE "))
                {
                    if (!parts[3].matches("counter|gauge|histogram|summary|untyped"))
                    {
                        throw new AssertionError("line " + n + ": unknown type: " + line);
                    }
                    if (types.put(parts[2], parts[3]) != null)
                    {
                        throw new AssertionError("line " + n + ": a second TYPE for " + parts[2]);
                    }
                }
                continue;
            }
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final Matcher m = SAMPLE.matcher(line);
            if (!m.matches())
            {
                throw new AssertionError("line " + n + ": not a sample: " + line);
            }
            final String name = m.group(1);
            final String family = family(name, types);
            if (family == null)
            {
                throw new AssertionError("line " + n + ": sample " + name + " before its TYPE line");
            }
            final double value = parseValue(m.group(4));
            final String key = name + (m.group(2) == null ? "" : m.group(2));
            if (samples.put(key, value) != null)
            {
                throw new AssertionError("line " + n + ": duplicate sample " + key);
            }
            if (types.get(family).equals("histogram") && name.endsWith("_bucket"))
            {
                final Matcher labels = LABEL.matcher(m.group(3));
                String le = null;
                while (labels.find())
                {
                    if (labels.group(1).equals("le"))
                    {
                        le = labels.group(2);
                    }
                }
                if (le == null)
                {
                    throw new AssertionError("line " + n + ": a bucket without le");
                }
                final Double previous = lastBucket.put(family, value);
                if (previous != null && value < previous)
                {
                    throw new AssertionError("line " + n + ": buckets must be cumulative: " + line);
                }
            }
            if (types.get(family).equals("histogram") && name.endsWith("_count"))
            {
                final Double inf = lastBucket.get(family);
                if (inf == null || inf.doubleValue() != value)
                {
                    throw new AssertionError("line " + n + ": _count " + value + " differs from the +Inf bucket " + inf);
                }
            }
        }
        return new Scrape(samples, types);
    }

    private static String family(final String name, final Map<String, String> types)
    {
        if (types.containsKey(name))
        {
            return name;
        }
        for (final String suffix : new String[]{"_bucket", "_sum", "_count"})
        {
            if (name.endsWith(suffix))
            {
                final String base = name.substring(0, name.length() - suffix.length());
                if ("histogram".equals(types.get(base)) || "summary".equals(types.get(base)))
                {
                    return base;
                }
            }
        }
        return null;
    }

    private static double parseValue(final String v)
    {
        return switch (v)
        {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
