package io.sluice.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The examples' default checkpoint directories: temporary, and removed when the JVM exits (a checkpoint directory
 * holds the ingest log too, so a forgotten one grows). Pass {@code --checkpoint DIR} to keep one and recover from it.
 */
public final class TempDirs
{
    private TempDirs()
    {
    }

    /** A new temporary directory that a shutdown hook deletes. */
    public static Path deletedOnExit(final String prefix)
    {
        try
        {
            final Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete-" + prefix));
            return dir;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a temporary checkpoint directory; pass --checkpoint DIR", ex);
        }
    }

    public static void delete(final Path dir)
    {
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException ignore)
        {
            // best effort at exit
        }
    }
}
