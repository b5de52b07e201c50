package io.sluice.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The child's exactly-once sink and its reader: batch {@code t}'s output is the file {@code <outDir>/<t>.txt}, one
 * line per element, written under a hidden temporary name and moved into place atomically, replacing an earlier
 * copy (a re-run batch replaces its file, so a batch counts once however often it ran).
 *
 * <p>{@link #write} is called on the child's job thread, one batch at a time; {@link #read} by the test once the
 * child exited. Stateless; allocates the file's text.
 */
public final class OutputFiles
{
    private static final Pattern BATCH_FILE = Pattern.compile("\\d+\\.txt");

    private OutputFiles()
    {
    }

    /** Writes batch {@code timeMs}'s lines to {@code outDir/<timeMs>.txt} via a temporary file and an atomic move. */
    public static void write(final Path outDir, final long timeMs, final List<String> lines)
    {
        final Path tmp = outDir.resolve("." + timeMs + ".tmp");
        final StringBuilder text = new StringBuilder(lines.size() * 12);
        for (final String line : lines)
        {
            text.append(line).append('\n');
        }
        try
        {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, outDir.resolve(timeMs + ".txt"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Appends batch {@code timeMs}'s lines to {@code outDir/<timeMs>.txt}: NOT exactly-once (a re-run batch appends
     * again). Only for {@link Sabotage#APPENDING_SINK}.
     */
    public static void append(final Path outDir, final long timeMs, final List<String> lines)
    {
        final StringBuilder text = new StringBuilder(lines.size() * 12);
        for (final String line : lines)
        {
            text.append(line).append('\n');
        }
        try
        {
            Files.writeString(outDir.resolve(timeMs + ".txt"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every batch file under {@code outDir}: batch time to its lines. Temporary files are ignored. */
    public static SortedMap<Long, List<String>> read(final Path outDir)
    {
        final SortedMap<Long, List<String>> outputs = new TreeMap<>();
        if (!Files.isDirectory(outDir))
        {
            return outputs;
        }
        try (Stream<Path> files = Files.list(outDir))
        {
            for (final Path file : files.toList())
            {
                final String name = file.getFileName().toString();
                if (BATCH_FILE.matcher(name).matches())
                {
                    outputs.put(Long.parseLong(name.substring(0, name.length() - 4)),
                        Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return outputs;
    }
}
