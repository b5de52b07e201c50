package io.sluice.internal.log;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.NavigableSet;

/**
 * Deletes a Chronicle queue's cycle files (one file per roll cycle, {@code <cycle name>.cq4}) older than a given
 * cycle: how retention bounds the log. The current cycle's file is never deleted. Readers of deleted cycles must not
 * exist (recovery needs nothing before the cycle given).
 */
public final class CycleFiles
{
    /** Chronicle's cycle file suffix. */
    public static final String SUFFIX = ".cq4";

    private CycleFiles()
    {
    }

    /** The file of {@code cycle} in {@code queue}'s directory. */
    public static Path fileOf(final SingleChronicleQueue queue, final int cycle)
    {
        final RollCycle rollCycle = queue.rollCycle();
        final DateTimeFormatter format = DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
        final long millis = (long)cycle * rollCycle.lengthInMillis() + rollCycle.defaultEpoch();
        return queue.file().toPath().resolve(format.format(Instant.ofEpochMilli(millis)) + SUFFIX);
    }

    /** The cycles that have files, ascending, up to and including the current one. */
    public static NavigableSet<Long> cycles(final SingleChronicleQueue queue)
    {
        queue.refreshDirectoryListing();
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE || first > last)
        {
            return new java.util.TreeSet<>();
        }
        return queue.listCyclesBetween(first, last);
    }

    /**
     * Deletes the files of every cycle before {@code cycle} (and never the queue's last cycle).
     *
     * @return how many files were deleted.
     */
    public static int deleteBefore(final SingleChronicleQueue queue, final int cycle)
    {
        final NavigableSet<Long> cycles = cycles(queue);
        if (cycles.isEmpty())
        {
            return 0;
        }
        final long last = cycles.last();
        int deleted = 0;
        for (final long c : cycles.headSet((long)cycle, false))
        {
            if (c >= last)
            {
                break;
            }
            try
            {
                if (Files.deleteIfExists(fileOf(queue, (int)c)))
                {
                    deleted++;
                }
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot delete log file " + fileOf(queue, (int)c), ex);
            }
        }
        if (deleted > 0)
        {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }
}
