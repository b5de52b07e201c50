package io.sluice.perf.cli;

import io.sluice.perf.read.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a rendered report to a file, creating parent directories.
 */
final class ReportFiles
{
    private ReportFiles()
    {
    }

    static void write(final String file, final String content) throws BadInputException
    {
        final Path path = Path.of(file);
        try
        {
            final Path parent = path.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            Files.writeString(path, content, StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new BadInputException(file + ": cannot write: " + e.getMessage());
        }
    }
}
