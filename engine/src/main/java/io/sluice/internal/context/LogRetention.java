package io.sluice.internal.context;

import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.Segment;
import io.sluice.internal.recovery.CrashPoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Bounds the data directory: once recovery no longer needs the batches at or before a time (they are in a durable
 * snapshot, or, for a graph without state, they completed), the stream queues' and the manifest's cycle files
 * holding only such batches are deleted, keeping {@code sluice.log.retention} of batch time more and whatever the
 * inputs still remember (windows). Chronicle rolls a file per cycle ({@code sluice.log.rollCycle}), so space comes
 * back a cycle at a time.
 *
 * <p>Threads: {@link #onSeal} on the generator thread; {@link #onRecoveryPoint} on the job executor thread, which
 * also owns the writer the start record is re-written with before manifest files go.
 */
final class LogRetention
{
    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);

    private final IngestPipeline pipeline;
    private final BatchManifest manifest;
    private final Runnable writeStart;
    private final long keepMs;
    private final long retentionMs;
    private final long minStepMs;
    private final ConcurrentSkipListMap<Long, BatchSegments> seals = new ConcurrentSkipListMap<>();
    private long lastNeededAfter = Long.MIN_VALUE;
    private long filesDeleted;

    /**
     * @param pipeline   the ingest pipeline, or {@code null} without receivers.
     * @param writeStart re-appends the context's start record (zero time, interval, streams) on the executor thread.
     * @param keepMs     batch time before a recovery point that inputs still read (window lengths, remember).
     * @param minStepMs  how far the recovery point must move before files are looked at again.
     */
    LogRetention(final IngestPipeline pipeline, final BatchManifest manifest, final Runnable writeStart, final long keepMs, final long retentionMs, final long minStepMs)
    {
        this.pipeline = pipeline;
        this.manifest = manifest;
        this.writeStart = writeStart;
        this.keepMs = keepMs;
        this.retentionMs = retentionMs;
        this.minStepMs = minStepMs;
    }

    /** A batch was sealed (or recovered from the manifest). */
    void onSeal(final BatchSegments seal)
    {
        seals.put(seal.batchTime(), seal);
    }

    /** Files deleted so far. */
    long filesDeleted()
    {
        return filesDeleted;
    }

    /** Recovery needs nothing at or before {@code time} any more. */
    void onRecoveryPoint(final long time)
    {
        if (retentionMs == Long.MAX_VALUE)
        {
            return;
        }
        final long neededAfter = time - keepMs - retentionMs;
        if (lastNeededAfter != Long.MIN_VALUE && neededAfter - lastNeededAfter < minStepMs)
        {
            return;
        }
        lastNeededAfter = neededAfter;
        final Map<Long, BatchSegments> needed = seals.tailMap(neededAfter, false);
        if (pipeline != null)
        {
            for (int stream = 0; stream < pipeline.streamCount(); stream++)
            {
                final long first = firstIndex(needed, stream);
                if (first != Segment.NULL_INDEX)
                {
                    filesDeleted += pipeline.deleteCyclesBefore(stream, first);
                    CrashPoints.hit(CrashPoints.RETENTION_MID_DELETE);
                }
            }
        }
        if (manifest.hasCyclesBefore(neededAfter))
        {
            writeStart.run();
            filesDeleted += manifest.deleteCyclesBefore(neededAfter);
        }
        seals.headMap(neededAfter, true).clear();
        LOG.debug("retention: recovery needs batches after {} ms; {} log files deleted so far", neededAfter,
            filesDeleted);
    }

    private static long firstIndex(final Map<Long, BatchSegments> needed, final int stream)
    {
        for (final BatchSegments seal : needed.values())
        {
            final List<Segment> segments = seal.segments();
            if (stream < segments.size() && !segments.get(stream).isEmpty())
            {
                return segments.get(stream).firstIndex();
            }
        }
        return Segment.NULL_INDEX;
    }
}
