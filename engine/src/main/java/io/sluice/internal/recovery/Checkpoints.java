package io.sluice.internal.recovery;

import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.ManifestRecord;
import net.openhft.chronicle.queue.RollCycles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Checks a checkpoint before a context recovers from it ({@code getOrCreate}), and moves a bad one aside. */
public final class Checkpoints
{
    private Checkpoints()
    {
    }

    /**
     * @param logDir the data directory holding the recovery log.
     * @return why the log there cannot be recovered, or {@code null} when it can (or there is none).
     */
    public static String problem(final Path logDir, final Duration batchInterval)
    {
        final Path manifestDir = logDir.resolve(IngestPipeline.MANIFEST_DIR_NAME);
        if (!Files.isDirectory(manifestDir))
        {
            return null;
        }
        try (BatchManifest manifest = new BatchManifest(manifestDir, RollCycles.FAST_DAILY))
        {
            final BatchManifest.Contents contents = manifest.readRecords();
            if (contents.records().isEmpty() && contents.tornTail() != null)
            {
                return contents.tornTail();
            }
            for (final ManifestRecord record : contents.records())
            {
                if (record instanceof ManifestRecord.Start start && start.batchMs() != batchInterval.toMillis())
                {
                    return "it was written with a batch interval of " + start.batchMs() + " ms, this context's is "
                        + batchInterval.toMillis() + " ms";
                }
            }
            return null;
        }
        catch (final RuntimeException ex)
        {
            return "its manifest in " + manifestDir + " cannot be read (" + ex + ")";
        }
    }

    /**
     * @return the context-clock time at which the log's last sealed batch was cut (its batch time plus the batch
     * clock offset of the run that cut it), or {@code 0} when the log holds no batch: where a ManualClock continues
     * when a test recovers the run.
     */
    public static long lastCutClockTime(final Path logDir)
    {
        final Path manifestDir = logDir.resolve(IngestPipeline.MANIFEST_DIR_NAME);
        if (!Files.isDirectory(manifestDir))
        {
            return 0;
        }
        try (BatchManifest manifest = new BatchManifest(manifestDir, RollCycles.FAST_DAILY))
        {
            long offset = 0;
            long last = 0;
            for (final ManifestRecord record : manifest.readRecords().records())
            {
                if (record instanceof ManifestRecord.Start start)
                {
                    offset = start.clockOffsetMs();
                    last = Math.max(last, start.zeroTime() + offset);
                }
                else if (record instanceof ManifestRecord.Seal seal)
                {
                    last = seal.batchTime() + offset;
                }
            }
            return last;
        }
    }

    /** Renames {@code dir} to {@code <dir>.corrupt-<millis>}. */
    public static Path moveAside(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return null;
        }
        final Path aside = dir.resolveSibling(dir.getFileName() + ".corrupt-" + System.currentTimeMillis());
        try
        {
            return Files.move(dir, aside);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot move the unreadable checkpoint " + dir + " aside to " + aside, ex);
        }
    }
}
