package io.sluice.internal.checkpoint;

import io.sluice.api.SluiceException;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.Node;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.ManifestRecord;
import io.sluice.internal.scheduler.ErrorSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

/**
 * Writes state snapshots after checkpoint batches and restores the newest valid one at start.
 *
 * <p>A snapshot is taken after batch {@code t} when some stateful operator's checkpoint interval divides
 * {@code t - zeroTime} (Spark's checkpoint batches) and at least {@code sluice.checkpoint.minInterval} of batch time
 * has passed since the last one: every {@link StatefulNode}'s state after {@code t} goes into one
 * {@link SnapshotFile}; once it is durable the manifest records it, older files beyond
 * {@code sluice.checkpoint.retained} are deleted and {@code onSnapshot} (log retention) is told. Batch boundaries are
 * the barrier: the executor runs one batch at a time, so no alignment is needed.
 *
 * <p>Threads: {@link #afterBatch} on the job executor thread, which captures the state (the only cost on the batch
 * path); the file is written, forced and recorded on the "sluice-snapshot-writer" thread; {@link #restore} on the
 * starting thread before the scheduler starts. A failed snapshot is reported (awaitTermination rethrows it) and the context goes on: recovery
 * falls back to the previous snapshot.
 */
public final class Snapshotter
{
    private static final Logger LOG = LoggerFactory.getLogger(Snapshotter.class);

    private final Graph graph;
    private final Path dir;
    private final StateCodecs codecs;
    private final long minIntervalMs;
    private final int retained;
    private final ErrorSink errors;
    private final LongConsumer onSnapshot;
    private BatchManifest.Writer writer;
    private volatile long lastSnapshotTime = Long.MIN_VALUE;
    private volatile long lastDurationNanos;
    private volatile long lastBytes;
    private long snapshotCount;
    private volatile long lastCaptureNanos;
    private volatile java.util.concurrent.Future<?> inFlight;
    private java.util.concurrent.ExecutorService fileWriter;

    /**
     * @param dir        where snapshot files go ({@code <checkpointDir>/snapshots}).
     * @param onSnapshot told the batch time of each durable snapshot (after the manifest records it).
     */
    public Snapshotter(final Graph graph, final Path dir, final StateCodecs codecs, final long minIntervalMs,
        final int retained, final ErrorSink errors, final LongConsumer onSnapshot)
    {
        this.graph = graph;
        this.dir = dir;
        this.codecs = codecs;
        this.minIntervalMs = minIntervalMs;
        this.retained = retained;
        this.errors = errors;
        this.onSnapshot = onSnapshot;
    }

    /** A manifest writer for the snapshot writer thread only (the snapshot records go there). */
    public void writer(final BatchManifest.Writer writer)
    {
        this.writer = writer;
    }

    /** Whether this graph's recovery uses snapshots (it has stateful nodes and all its history is in them). */
    public boolean isActive()
    {
        return !graph.statefulNodes().isEmpty() && graph.isSnapshotComplete();
    }

    /** Called after batch {@code time} completed, on the executor thread. */
    public void afterBatch(final long time)
    {
        final long since = lastSnapshotTime != Long.MIN_VALUE ? lastSnapshotTime : graph.zeroTime();
        if (!isActive() || !isCheckpointBatch(time) || time - since < minIntervalMs)
        {
            return;
        }
        try
        {
            snapshot(time);
        }
        catch (final IOException | RuntimeException ex)
        {
            errors.report(new SluiceException("state snapshot of batch " + time + " ms failed (recovery falls back "
                + "to the previous snapshot): " + ex.getMessage(), ex));
        }
    }

    private boolean isCheckpointBatch(final long time)
    {
        for (final Node<?> node : graph.nodes())
        {
            if (node instanceof StatefulNode && node.isCheckpointTime(time))
            {
                return true;
            }
            if (node instanceof StatefulNode && node.checkpointIntervalMs() == 0)
            {
                // a window without a checkpoint interval of its own (no inverse): Spark's default, slide x ceil(10 s)
                final long slide = node.slideMs();
                final long interval = slide * ((10_000 + slide - 1) / slide);
                if ((time - graph.zeroTime()) % interval == 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes the snapshot of batch {@code time}: encodes every stateful node's state now, on the calling (executor)
     * thread, then hands the file to the snapshot writer thread, which writes it durably, records it in the manifest,
     * deletes older files and tells retention. At most one file is in flight: a snapshot waits for the previous one.
     */
    public void snapshot(final long time) throws IOException
    {
        awaitInFlight();
        final long start = System.nanoTime();
        final List<SnapshotFile.Section> sections = new ArrayList<>();
        synchronized (graph)
        {
            for (final StatefulNode node : graph.statefulNodes())
            {
                final SnapshotBody body = new SnapshotBody(1 << 16);
                node.writeState(time, body, codecs);
                sections.add(new SnapshotFile.Section(node.stateId(), node.stateKind(), node.stateSchema(),
                    body.toByteArray()));
            }
        }
        lastCaptureNanos = System.nanoTime() - start;
        final SnapshotFile.Contents contents = new SnapshotFile.Contents(time, graph.zeroTime(), graph.batchMs(),
            sections);
        lastSnapshotTime = time;
        inFlight = fileWriter().submit(() -> writeDurably(contents, start));
    }

    private void writeDurably(final SnapshotFile.Contents contents, final long start)
    {
        try
        {
            final Path file = SnapshotFile.write(dir, contents);
            final long id = ++snapshotCount;
            if (writer != null)
            {
                writer.snapshotDone(contents.batchTime(), id, file.getFileName().toString());
            }
            lastDurationNanos = System.nanoTime() - start;
            lastBytes = Files.size(file);
            LOG.debug("state snapshot of batch {} ms: {} bytes, captured in {} us, durable after {} us",
                contents.batchTime(), lastBytes, lastCaptureNanos / 1000, lastDurationNanos / 1000);
            deleteOlder();
            onSnapshot.accept(contents.batchTime());
        }
        catch (final IOException | RuntimeException ex)
        {
            errors.report(new SluiceException("state snapshot of batch " + contents.batchTime() + " ms failed "
                + "(recovery falls back to the previous snapshot): " + ex.getMessage(), ex));
        }
    }

    private synchronized java.util.concurrent.ExecutorService fileWriter()
    {
        if (fileWriter == null)
        {
            fileWriter = java.util.concurrent.Executors.newSingleThreadExecutor(task ->
            {
                final Thread thread = new Thread(task, "sluice-snapshot-writer");
                thread.setDaemon(true);
                return thread;
            });
        }
        return fileWriter;
    }

    /** Waits until the snapshot file in flight (if any) is durable or failed. */
    public void awaitInFlight()
    {
        final java.util.concurrent.Future<?> pending = inFlight;
        if (pending == null)
        {
            return;
        }
        boolean isInterrupted = false;
        while (true)
        {
            try
            {
                pending.get();
                break;
            }
            catch (final InterruptedException ex)
            {
                isInterrupted = true;
            }
            catch (final java.util.concurrent.ExecutionException ex)
            {
                break;
            }
        }
        if (isInterrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the file in flight, then ends the writer thread; called when the context stops. */
    public void close()
    {
        awaitInFlight();
        synchronized (this)
        {
            if (fileWriter != null)
            {
                fileWriter.shutdown();
            }
        }
    }

    /** Nanoseconds the last snapshot's capture took on the executor thread (the batch path's cost). */
    public long lastCaptureNanos()
    {
        return lastCaptureNanos;
    }

    /** Nanoseconds the last snapshot took (encode + write + fsync). */
    public long lastDurationNanos()
    {
        return lastDurationNanos;
    }

    /** Bytes of the last snapshot file. */
    public long lastBytes()
    {
        return lastBytes;
    }

    /** Batch time of the last snapshot written or restored; {@link Long#MIN_VALUE} when none. */
    public long lastSnapshotTime()
    {
        return lastSnapshotTime;
    }

    private void deleteOlder() throws IOException
    {
        final TreeMap<Long, Path> files = files(dir);
        while (files.size() > retained)
        {
            Files.deleteIfExists(files.pollFirstEntry().getValue());
        }
    }

    /** The snapshot files in {@code dir} by batch time. */
    public static TreeMap<Long, Path> files(final Path dir) throws IOException
    {
        final TreeMap<Long, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, SnapshotFile.PREFIX + "*"
            + SnapshotFile.SUFFIX))
        {
            for (final Path file : stream)
            {
                final String name = file.getFileName().toString();
                try
                {
                    files.put(Long.parseLong(name.substring(SnapshotFile.PREFIX.length(),
                        name.length() - SnapshotFile.SUFFIX.length())), file);
                }
                catch (final NumberFormatException ignore)
                {
                    // not one of ours
                }
            }
        }
        return files;
    }

    /**
     * Restores the newest snapshot among {@code recorded} (newest first) whose file is there and passes its checks,
     * at or before {@code lastSealedTime}. A file that fails is skipped (logged) for the next older one.
     *
     * @return the batch time restored, or {@link Long#MIN_VALUE} when none could be (then the log replays from start).
     * @throws IllegalStateException when state cannot be matched to the operators and
     *                               {@code allowNonRestored} is false: the message says what to do.
     */
    public long restore(final List<ManifestRecord.SnapshotDone> recorded, final long lastSealedTime,
        final boolean allowNonRestored)
    {
        if (!isActive())
        {
            return Long.MIN_VALUE;
        }
        for (int i = recorded.size() - 1; i >= 0; i--)
        {
            final ManifestRecord.SnapshotDone record = recorded.get(i);
            if (record.batchTime() > lastSealedTime)
            {
                continue;
            }
            final Path file = dir.resolve(record.fileName());
            final SnapshotFile.Contents contents;
            try
            {
                contents = SnapshotFile.read(file);
            }
            catch (final IOException ex)
            {
                LOG.warn("snapshot {} is not usable ({}); trying an older one", file, ex.getMessage());
                continue;
            }
            apply(contents, allowNonRestored);
            lastSnapshotTime = contents.batchTime();
            snapshotCount = record.snapshotId();
            LOG.info("restored the state snapshot of batch {} ms ({} operators) from {}", contents.batchTime(),
                contents.sections().size(), file);
            return contents.batchTime();
        }
        return Long.MIN_VALUE;
    }

    private void apply(final SnapshotFile.Contents contents, final boolean allowNonRestored)
    {
        final Map<String, SnapshotFile.Section> byId = new HashMap<>();
        for (final SnapshotFile.Section section : contents.sections())
        {
            byId.put(section.stateId(), section);
        }
        final List<String> problems = new ArrayList<>();
        final List<Runnable> restores = new ArrayList<>();
        for (final StatefulNode node : graph.statefulNodes())
        {
            if (!node.isStateIdNamed())
            {
                LOG.warn("stateful operator {} has the derived state id '{}': name it with stateId(\"...\") so its "
                    + "state still restores when operators are added before it", node.stateKind(), node.stateId());
            }
            final SnapshotFile.Section section = byId.remove(node.stateId());
            if (section == null)
            {
                LOG.info("stateful operator '{}' is not in the snapshot: it starts empty", node.stateId());
                restores.add(() -> node.restoreEmpty(contents.batchTime()));
                continue;
            }
            if (!section.kind().equals(node.stateKind()) || !section.schema().equals(node.stateSchema()))
            {
                restores.add(() -> node.restoreEmpty(contents.batchTime()));
                problems.add("state '" + node.stateId() + "' was written by " + section.kind() + " [" + section.schema()
                    + "], the operator with that id is " + node.stateKind() + " [" + node.stateSchema() + "]");
                continue;
            }
            restores.add(() ->
            {
                try (DataInputStream in = SnapshotFile.body(section))
                {
                    node.restoreState(contents.batchTime(), in, codecs);
                }
                catch (final IOException ex)
                {
                    throw new IllegalStateException("restoring state '" + node.stateId() + "' failed: " + ex, ex);
                }
            });
        }
        for (final String orphan : byId.keySet())
        {
            problems.add("the snapshot holds state '" + orphan + "' (" + byId.get(orphan).kind() + ") that no "
                + "operator claims: it was removed or renamed");
        }
        if (!problems.isEmpty())
        {
            if (!allowNonRestored)
            {
                throw new IllegalStateException("cannot restore the state snapshot of batch " + contents.batchTime()
                    + " ms: " + String.join("; ", problems) + ". Give the operator back its id with stateId(\"...\"), "
                    + "or set sluice.recovery.allowNonRestoredState=true to drop that state");
            }
            LOG.warn("dropping state the operators do not claim: {}", String.join("; ", problems));
        }
        for (final Runnable restore : restores)
        {
            restore.run();
        }
    }
}
