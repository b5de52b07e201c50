package io.sluice.internal.output;

import io.sluice.internal.graph.BatchData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.sluice.internal.context.TempDirectories;

/**
 * {@code saveAsTextFiles(prefix, suffix)}: each batch becomes a directory {@code prefix-<timeMs>[.suffix]} holding one
 * {@code part-NNNNN} file per partition (elements' {@code toString()}, one per line) and an empty {@code _SUCCESS},
 * as Spark's {@code saveAsTextFile} lays it out. The directory is written under a temporary name and renamed into
 * place, so readers never see half a batch; a batch written again (a re-run) replaces the earlier one.
 */
public final class TextFilesWriter
{
    private TextFilesWriter()
    {
    }

    /** Spark's {@code rddToFileName}. */
    public static String directoryName(final String prefix, final String suffix, final long timeMs)
    {
        final String base = prefix + "-" + timeMs;
        return suffix == null || suffix.isEmpty() ? base : base + "." + suffix;
    }

    public static <T> void write(final BatchData<T> batch, final String prefix, final String suffix)
    {
        final Path target = Path.of(directoryName(prefix, suffix, batch.timeMs())).toAbsolutePath();
        final Path parent = target.getParent();
        final Path staging = parent.resolve("." + target.getFileName() + ".sluice-tmp");
        try
        {
            Files.createDirectories(parent);
            TempDirectories.deleteRecursively(staging);
            Files.createDirectories(staging);
            final List<List<T>> partitions = batch.partitions();
            for (int i = 0; i < partitions.size(); i++)
            {
                final Path part = staging.resolve(String.format("part-%05d", i));
                try (BufferedWriter writer = Files.newBufferedWriter(part, StandardCharsets.UTF_8))
                {
                    for (final T element : partitions.get(i))
                    {
                        writer.write(String.valueOf(element));
                        writer.write('\n');
                    }
                }
            }
            Files.createFile(staging.resolve("_SUCCESS"));
            TempDirectories.deleteRecursively(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("saveAsTextFiles could not write " + target, ex);
        }
    }
}
