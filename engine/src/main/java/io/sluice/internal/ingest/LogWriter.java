package io.sluice.internal.ingest;

import com.lmax.disruptor.EventHandler;
import io.sluice.internal.log.AppendListener;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.BlockAppender;
import io.sluice.internal.log.Segment;
import io.sluice.internal.recovery.CrashPoints;
import net.openhft.chronicle.queue.ChronicleQueue;

import java.util.ArrayList;
import java.util.List;

/**
 * The log writer: drains the ingest ring on its one thread, packs each stream's records into blocks and appends
 * them to the stream's Chronicle queue; at a cut flushes every stream, records the batch's segments in the
 * manifest and completes the batch for its waiters.
 *
 * <p>A stream's pending block is appended when full, at the end of every batch the ring hands over (so a quiet
 * pipeline adds no delay) and at a cut. Single-threaded: everything here runs on the "sluice-log-writer" thread,
 * which also creates (in {@link #onStart()}) and closes (in {@link #onShutdown()}) the Chronicle appenders.
 * Records allocate nothing; a cut allocates its {@link BatchSegments}. The queue list is read once, in
 * {@link #onStart()}, after every stream is registered.
 */
final class LogWriter implements EventHandler<IngestSlot>
{
    private final List<? extends ChronicleQueue> queues;
    private final List<Segment> carried;
    private final int blockBytes;
    private final BatchManifest manifest;
    private final BatchCompletions completions;
    private final Runnable onShutdownMarker;
    private final AppendListener appendListener;
    /** Written by the log writer thread only; published once per drained run (not per record). */
    private long bytes;
    private volatile long publishedBytes;
    private BlockAppender[] appenders;

    LogWriter(
        final List<? extends ChronicleQueue> queues,
        final List<Segment> carried,
        final int blockBytes,
        final BatchManifest manifest,
        final BatchCompletions completions,
        final Runnable onShutdownMarker,
        final AppendListener appendListener)
    {
        this.appendListener = appendListener;
        this.queues = queues;
        this.carried = carried;
        this.blockBytes = blockBytes;
        this.manifest = manifest;
        this.completions = completions;
        this.onShutdownMarker = onShutdownMarker;
    }

    /** Encoded record bytes appended so far (without framing), as of the last drained run of the ring. Any thread. */
    public long bytesLogged()
    {
        return publishedBytes;
    }

    public void onStart()
    {
        final BlockAppender[] appenders = new BlockAppender[queues.size()];
        for (int i = 0; i < appenders.length; i++)
        {
            appenders[i] = new BlockAppender(i, queues.get(i).createAppender(), blockBytes, appendListener);
            appenders[i].carryOver(carried.get(i));
        }
        this.appenders = appenders;
    }

    public void onEvent(final IngestSlot slot, final long sequence, final boolean endOfBatch)
    {
        switch (slot.type)
        {
            case IngestSlot.RECORD:
                appenders[slot.streamId].append(slot.buffer, 0, slot.length);
                bytes += slot.length;
                break;

            case IngestSlot.CUT:
                publishedBytes = bytes;   // before the batch's segments are published: a reader of them sees these
                cut(slot.batchTime);
                break;

            case IngestSlot.SHUTDOWN:
                flushAll();
                onShutdownMarker.run();
                break;

            default:
                break;
        }

        if (endOfBatch)
        {
            flushAll();
            publishedBytes = bytes;
        }
    }

    public void onShutdown()
    {
        final BlockAppender[] appenders = this.appenders;
        if (null != appenders)
        {
            for (final BlockAppender appender : appenders)
            {
                appender.close();
            }
        }
        manifest.closeAppender();
    }

    private void cut(final long batchTime)
    {
        final BlockAppender[] appenders = this.appenders;
        final List<Segment> segments = new ArrayList<>(appenders.length);
        for (final BlockAppender appender : appenders)
        {
            segments.add(appender.takeSegment());
        }
        final BatchSegments entry = new BatchSegments(batchTime, segments);
        manifest.append(entry);
        CrashPoints.hit(CrashPoints.MANIFEST_AFTER_SEAL);
        completions.complete(entry);
    }

    private void flushAll()
    {
        for (final BlockAppender appender : appenders)
        {
            if (appender.hasPending())
            {
                appender.flush();
            }
        }
    }
}
