package io.sluice.testkit;

import io.sluice.api.DStream;
import io.sluice.api.SluiceException;
import io.sluice.api.StreamingContext;
import io.sluice.api.Time;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.context.ContextRuntime;
import io.sluice.internal.recovery.Checkpoints;
import io.sluice.internal.context.TempDirectories;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives a {@link StreamingContext} on a {@link ManualClock} for tests, deterministically: no sleeps, no real time.
 * Build inputs with {@link #input}, outputs with {@link #collect}, then {@link #start()} and {@link #advance(int)}.
 *
 * <p>Thread contract: one test thread. {@link #close()} stops the context and removes the temporary directories.
 */
public final class StreamingTestDriver implements AutoCloseable
{
    /** A safety net against a hung job, never a timing assumption: batches normally finish in milliseconds. */
    private static final long WAIT_LIMIT_MS = 120_000;

    private final StreamingContext context;
    private final ManualClock clock;
    private final Path ownedCheckpointDir;

    private StreamingTestDriver(final Duration batchInterval, final Path checkpointDir, final Path ownedCheckpointDir,
        final Map<String, String> settings)
    {
        this(batchInterval, checkpointDir, ownedCheckpointDir, settings, 0);
    }

    private StreamingTestDriver(final Duration batchInterval, final Path checkpointDir, final Path ownedCheckpointDir,
        final Map<String, String> settings, final long clockStartMillis)
    {
        this.clock = new ManualClock(clockStartMillis);
        final StreamingContext.Builder builder = StreamingContext.builder()
            .appName("sluice-test")
            .batchInterval(batchInterval)
            .clock(clock);
        if (checkpointDir != null)
        {
            builder.checkpointDir(checkpointDir);
        }
        // A test's context serves no UI, registers no JMX bean and no shutdown hook unless the test asks.
        builder.set("sluice.ui.enabled", "false");
        builder.set("sluice.jmx.enabled", "false");
        builder.set("sluice.stop.onShutdown", "false");   // the test closes the driver (or simulates a crash)
        settings.forEach(builder::set);
        this.context = builder.build();
        this.ownedCheckpointDir = ownedCheckpointDir;
    }

    /** A driver with a ManualClock at 0 and a temporary checkpoint directory. */
    public static StreamingTestDriver create(final Duration batchInterval)
    {
        final Path checkpointDir = TempDirectories.create("sluice-checkpoint-");
        return new StreamingTestDriver(batchInterval, checkpointDir, checkpointDir, Map.of());
    }

    /** A driver with the given checkpoint directory ({@code null}: none, so stateful operators fail at start). */
    public static StreamingTestDriver create(final Duration batchInterval, final Path checkpointDir)
    {
        return new StreamingTestDriver(batchInterval, checkpointDir, null, Map.of());
    }

    /** As {@link #create(Duration)} with configuration keys set on the context's builder. */
    public static StreamingTestDriver create(final Duration batchInterval, final Map<String, String> settings)
    {
        final Path checkpointDir = TempDirectories.create("sluice-checkpoint-");
        return new StreamingTestDriver(batchInterval, checkpointDir, checkpointDir, settings);
    }

    /**
     * A driver that recovers the run a {@link #crash() crashed} (or stopped) driver left in {@code checkpointDir}, as
     * a restarted process would: build the same pipeline on {@link #context()} again (the graph always comes from
     * code), {@link #start()}, and the context continues where the log says (sealed batches that did not complete run
     * again, state is rebuilt, the batch clock goes on after the last sealed batch). The ManualClock continues at the
     * time the last batch was cut. The directory is not removed by {@link #close()}.
     */
    public static StreamingTestDriver recover(final Duration batchInterval, final Path checkpointDir)
    {
        return recover(batchInterval, checkpointDir, Map.of());
    }

    /** As {@link #recover(Duration, Path)} with configuration keys set on the context's builder. */
    public static StreamingTestDriver recover(final Duration batchInterval, final Path checkpointDir,
        final Map<String, String> settings)
    {
        final long clockStart = Checkpoints.lastCutClockTime(checkpointDir.resolve(ContextRuntime.LOG_DIR_NAME));
        return new StreamingTestDriver(batchInterval, checkpointDir, null, settings, clockStart);
    }

    /** As {@link #create(Duration, Path)} with configuration keys set on the context's builder. */
    public static StreamingTestDriver create(final Duration batchInterval, final Path checkpointDir,
        final Map<String, String> settings)
    {
        return new StreamingTestDriver(batchInterval, checkpointDir, null, settings);
    }

    /**
     * Ends the run as abruptly as a test process can: the context stops without waiting for queued batches (records
     * already stored stay in the log; batches cut but not run stay sealed and uncompleted), and the checkpoint and
     * data directories are kept for {@link #recover}. A real kill -9 is what the crash matrix tests.
     */
    public void crash()
    {
        context.stop(false);
    }

    public StreamingContext context()
    {
        return context;
    }

    public ManualClock clock()
    {
        return clock;
    }

    /**
     * An input whose batch {@code i} is the data of time {@code (i + 1) * interval}, as one partition; a {@code null}
     * entry produces no batch; beyond the list, empty batches.
     */
    public <T> DStream<T> input(final List<? extends List<T>> batches)
    {
        return input(batches, 1);
    }

    /** As {@link #input(List)}, each batch cut into {@code numPartitions} contiguous, equal slices. */
    public <T> DStream<T> input(final List<? extends List<T>> batches, final int numPartitions)
    {
        return TestInputs.create(context, batches, numPartitions);
    }

    /**
     * An input the test feeds after {@link #start()}, batch by batch: what it pipes before an {@link #advance} is that
     * batch (see {@link TestInputStream}).
     */
    public <T> TestInputStream<T> createInputStream()
    {
        final TestInputStream.Pending<T> pending = new TestInputStream.Pending<>();
        return new TestInputStream<>(context.queueStream(pending, true), pending);
    }

    /** As {@link #collect(DStream)} for the fast path's long stream, without {@code boxed()}. */
    public CollectedOutput<Long> collect(final io.sluice.api.LongDStream stream)
    {
        return collect(stream.boxed());
    }

    /** As {@link #collect(DStream)} for a fast-path long-pair stream. */
    public CollectedOutput<io.sluice.api.Pair<Long, Long>> collect(final io.sluice.api.LongLongPairDStream stream)
    {
        return collect(stream.boxed());
    }

    /** As {@link #collect(DStream)} for a fast-path long-double stream. */
    public CollectedOutput<io.sluice.api.Pair<Long, Double>> collect(final io.sluice.api.LongDoublePairDStream stream)
    {
        return collect(stream.boxed());
    }

    /** As {@link #collect(DStream)} for a fast-path text stream. */
    public CollectedOutput<String> collect(final io.sluice.api.TextDStream stream)
    {
        return collect(stream.boxed());
    }

    /** As {@link #collect(DStream)} for a fast-path string-keyed stream. */
    public CollectedOutput<io.sluice.api.Pair<String, Long>> collect(final io.sluice.api.StringLongPairDStream stream)
    {
        return collect(stream.boxed());
    }

    /** Records, in order, every batch {@code stream} produces (a time with no batch is not recorded). */
    public <T> CollectedOutput<T> collect(final DStream<T> stream)
    {
        final Recorder<T> recorder = new Recorder<>();
        stream.foreachBatch((batch, time) -> recorder.add(new ArrayList<>(batch.collect()), time));
        return recorder;
    }

    public void start()
    {
        context.start();
    }

    /**
     * Moves the clock one batch interval at a time, {@code batches} times, and returns when every job of those
     * batch times has completed (and listeners have seen their events). Rethrows a job's failure.
     */
    public void advance(final int batches)
    {
        final long interval = context.batchInterval().toMillis();
        final ContextInternals internals = ContextInternals.Access.of(context);
        for (int i = 0; i < batches; i++)
        {
            final long next = (Math.floorDiv(clock.millis(), interval) + 1) * interval;
            clock.setTime(next);
        }
        try
        {
            final long last = (Math.floorDiv(clock.millis(), interval)) * interval;
            if (!internals.awaitBatchesDone(last, WAIT_LIMIT_MS))
            {
                rethrowError(internals);
                throw new IllegalStateException("batches up to " + last + " ms did not complete; is the context "
                    + context.state() + "?");
            }
            internals.awaitListenersDrained(WAIT_LIMIT_MS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for batches", ex);
        }
        rethrowError(internals);
    }

    /**
     * Waits until the context's receivers have accepted at least {@code records} records in total (so a test can
     * feed a socket or a directory and know the records are in before it advances the clock).
     */
    public void awaitReceived(final long records)
    {
        final ContextInternals internals = ContextInternals.Access.of(context);
        final long deadline = System.nanoTime() + WAIT_LIMIT_MS * 1_000_000L;
        while (internals.acceptedRecords() < records)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("receivers accepted " + internals.acceptedRecords() + " of " + records
                    + " records");
            }
            LockSupport.parkNanos(50_000);
        }
    }

    private static void rethrowError(final ContextInternals internals)
    {
        final RuntimeException error = internals.takeError();
        if (error != null)
        {
            throw error instanceof SluiceException se ? se : new SluiceException(error.getMessage(), error);
        }
    }

    @Override
    public void close()
    {
        try
        {
            context.stop();
        }
        finally
        {
            if (ownedCheckpointDir != null)
            {
                TempDirectories.deleteRecursively(ownedCheckpointDir);
            }
        }
    }

    private static final class Recorder<T> implements CollectedOutput<T>
    {
        private final List<List<T>> batches = new ArrayList<>();
        private final List<Time> times = new ArrayList<>();

        synchronized void add(final List<T> batch, final Time time)
        {
            batches.add(Collections.unmodifiableList(batch));
            times.add(time);
        }

        @Override
        public synchronized List<List<T>> batches()
        {
            return List.copyOf(batches);
        }

        @Override
        public synchronized List<Time> times()
        {
            return List.copyOf(times);
        }
    }
}
