package io.sluice.perf.testdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed real fixtures, copied to a test's temp directory so readers see a real file path.
 */
public final class Fixtures
{
    /**
     * A short real run of {@code HashAggregationBenchmark} by the bench module: 2 benchmarks x 2 param sets,
     * 2 forks x 3 iterations, {@code -prof gc}, JMH 1.37, JDK 17.
     */
    public static final String HASH_AGGREGATION_SMALL = "jmh/hash-aggregation-small.json";

    private Fixtures()
    {
    }

    /**
     * The text of a fixture.
     *
     * @param resource classpath resource name
     * @return its UTF-8 content
     */
    public static String text(final String resource)
    {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a fixture (or given text) into a directory.
     *
     * @param directory the target directory
     * @param fileName  the file name to use
     * @param content   the content
     * @return the written file
     */
    public static Path write(final Path directory, final String fileName, final String content)
    {
        try
        {
            return Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
