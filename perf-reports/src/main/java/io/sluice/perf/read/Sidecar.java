package io.sluice.perf.read;

import io.sluice.perf.model.RunLabel;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The optional {@code X.properties} file beside a result file {@code X.json} or {@code X.hgrm}, carrying what
 * the result file itself does not: {@code name} (release or commit), {@code date}, {@code machine}, and for
 * latency histograms {@code benchmark} and {@code unit}. {@code perf-reports/results/run.sh} writes one.
 * <p>
 * Immutable once read.
 */
public final class Sidecar
{
    private static final Pattern VERSION_LIKE = Pattern.compile("v?\\d+(\\.\\d+)+.*");

    private final Path resultFile;
    private final Properties properties;

    private Sidecar(final Path resultFile, final Properties properties)
    {
        this.resultFile = resultFile;
        this.properties = properties;
    }

    /**
     * Reads the sidecar of {@code resultFile}, or an empty one when there is none.
     *
     * @param resultFile the result file
     * @return the sidecar
     * @throws BadInputException if the sidecar exists but cannot be read
     */
    public static Sidecar of(final Path resultFile) throws BadInputException
    {
        final Properties properties = new Properties();
        final Path path = sidecarPath(resultFile);
        if (Files.isRegularFile(path))
        {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8))
            {
                properties.load(reader);
            }
            catch (final IOException | IllegalArgumentException e)
            {
                throw new BadInputException(path + ": cannot read run properties: " + e.getMessage());
            }
        }
        return new Sidecar(resultFile, properties);
    }

    /**
     * Where the sidecar of a result file lives: the same name with the extension replaced by {@code .properties}.
     *
     * @param resultFile the result file
     * @return the sidecar path (may not exist)
     */
    public static Path sidecarPath(final Path resultFile)
    {
        final String fileName = resultFile.getFileName().toString();
        final int dot = fileName.lastIndexOf('.');
        final String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        return resultFile.resolveSibling(base + ".properties");
    }

    /**
     * A property, or a default.
     *
     * @param key          the key
     * @param defaultValue returned when absent or blank
     * @return the trimmed value or the default
     */
    public String get(final String key, final String defaultValue)
    {
        final String value = properties.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    /**
     * The run's label: overrides first, then the sidecar, then a name guessed from the path (a version-like
     * parent directory such as {@code results/0.1.0/jmh.json}, else the file name without extension).
     *
     * @param overrides command-line label fields
     * @return the label
     */
    public RunLabel label(final LabelOverrides overrides)
    {
        final String name = first(overrides.name(), get("name", ""), guessName());
        final String date = first(overrides.date(), get("date", ""), "");
        final String machine = first(overrides.machine(), get("machine", ""), "");
        return new RunLabel(name, date, machine, resultFile.toString());
    }

    private String guessName()
    {
        final Path parent = resultFile.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null
            && VERSION_LIKE.matcher(parent.getFileName().toString()).matches())
        {
            return parent.getFileName().toString();
        }
        final String fileName = resultFile.getFileName().toString();
        final int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static String first(final String... candidates)
    {
        for (final String candidate : candidates)
        {
            if (!candidate.isEmpty())
            {
                return candidate;
            }
        }
        return "";
    }
}
