package io.sluice.perf.read;

import io.sluice.perf.model.BenchmarkKey;
import io.sluice.perf.model.JvmInfo;
import io.sluice.perf.model.Metric;
import io.sluice.perf.model.Result;
import io.sluice.perf.model.Run;
import io.sluice.perf.model.SampleBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HdrHistogram's percentile distribution text ({@code Histogram.outputPercentileDistribution}: a
 * {@code Value Percentile TotalCount 1/(1-Percentile)} table and a {@code #[Mean = ...]} footer), as the bench
 * latency harness writes it, into one result per reported percentile: p50, p99, p99.9 and max.
 * <p>
 * The table lists a subset of percentile levels, so a percentile is read as the value at the first listed level at
 * or above it (p50 is always listed exactly; p99 is within the table's resolution, which is conservative: never
 * below the true value). Max comes from the footer. Each result is a single value ({@link SampleBasis#SINGLE_VALUE}),
 * keyed {@code (benchmark, "hdr", {percentile=pNN})}.
 * <p>
 * Stateless and thread-safe.
 */
public final class HdrPercentileReader
{
    /** The percentiles reported, in the order they appear in reports. */
    public static final List<String> PERCENTILES = List.of("p50", "p99", "p99.9", "max");

    private static final double[] LEVELS = {0.5, 0.99, 0.999};

    /** Value, percentile, total count and 1/(1-percentile), which the 100 % row leaves out. */
    private static final Pattern ROW = Pattern.compile(
        "\\s*([0-9.]+)\\s+([0-9.]+)\\s+([0-9]+)(\\s+([0-9.]+|Infinity))?\\s*");
    private static final Pattern MAX = Pattern.compile("#\\[Max\\s*=\\s*([0-9.]+),.*");
    private static final Pattern MEAN = Pattern.compile("#\\[Mean\\s*=\\s*([0-9.]+),.*");

    /**
     * Whether text looks like HdrHistogram percentile output.
     *
     * @param text file content
     * @return true if it has the table header
     */
    public static boolean looksLike(final String text)
    {
        return text.contains("Percentile") && text.contains("TotalCount");
    }

    /**
     * Parses the text.
     *
     * @param source    the file name used in messages
     * @param text      the content
     * @param sidecar   the run properties; {@code benchmark} names the histogram (default: the file name),
     *                  {@code unit} its value unit (default {@code us})
     * @param overrides command-line label fields
     * @return the run, with four results
     * @throws BadInputException if the table or the footer is missing or malformed
     */
    public Run read(final String source, final String text, final Sidecar sidecar, final LabelOverrides overrides)
        throws BadInputException
    {
        final List<double[]> rows = new ArrayList<>();
        double max = Double.NaN;
        boolean hasMean = false;
        final String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i];
            if (line.isBlank() || line.contains("Percentile"))
            {
                continue;
            }
            final Matcher row = ROW.matcher(line);
            if (row.matches())
            {
                rows.add(new double[] {Double.parseDouble(row.group(1)), Double.parseDouble(row.group(2))});
                continue;
            }
            final Matcher maxMatcher = MAX.matcher(line.trim());
            if (maxMatcher.matches())
            {
                max = Double.parseDouble(maxMatcher.group(1));
                continue;
            }
            if (MEAN.matcher(line.trim()).matches())
            {
                hasMean = true;
                continue;
            }
            if (line.trim().startsWith("#["))
            {
                continue;
            }
            throw new BadInputException(source + ": line " + (i + 1) + ": not an HdrHistogram percentile row: '"
                + line.trim() + "'");
        }
        if (rows.isEmpty())
        {
            throw new BadInputException(source + ": no percentile rows (is it HdrHistogram outputPercentileDistribution output?)");
        }
        if (!hasMean || Double.isNaN(max))
        {
            throw new BadInputException(source + ": truncated HdrHistogram output: no #[Mean ...] / #[Max ...] footer");
        }
        final String benchmark = sidecar.get("benchmark", baseName(source));
        final String unit = sidecar.get("unit", "us");
        final List<Result> results = new ArrayList<>();
        for (int i = 0; i < LEVELS.length; i++)
        {
            results.add(result(benchmark, PERCENTILES.get(i), unit, valueAt(rows, LEVELS[i])));
        }
        results.add(result(benchmark, "max", unit, max));
        return new Run(sidecar.label(overrides), JvmInfo.UNKNOWN, results);
    }

    private static double valueAt(final List<double[]> rows, final double level)
    {
        for (final double[] row : rows)
        {
            if (row[1] >= level)
            {
                return row[0];
            }
        }
        return rows.get(rows.size() - 1)[0];
    }

    private static Result result(final String benchmark, final String percentile, final String unit, final double value)
    {
        final Metric metric = new Metric("primary", unit, value, Double.NaN, new double[] {value}, SampleBasis.SINGLE_VALUE);
        return new Result(BenchmarkKey.of(benchmark, "hdr", Map.of("percentile", percentile)), metric, Map.of());
    }

    private static String baseName(final String source)
    {
        final int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        final String fileName = source.substring(slash + 1);
        final int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
