package io.sluice.internal.context;

import io.sluice.api.Clock;
import io.sluice.api.DeadLetter;
import io.sluice.api.SluiceException;
import io.sluice.internal.deadletter.DeadLetterQueue;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.operator.LongChainFusion;
import io.sluice.internal.ingest.StreamWriter;
import io.sluice.internal.input.ReceiverInputNode;
import io.sluice.internal.input.SegmentBook;
import io.sluice.internal.ratecontrol.RateController;
import io.sluice.internal.receiver.ReceiverSupervisor;
import io.sluice.internal.scheduler.BatchCutter;
import io.sluice.internal.scheduler.JobScheduler;
import io.sluice.internal.scheduler.ListenerBus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Everything a started context runs: the ingest pipeline and receivers, the scheduler, the listener bus, the
 * dead-letter queue; and the termination state {@code awaitTermination} waits on.
 *
 * <p>Thread contract: {@link #start} and {@link #stop} are called under the context's lock.
 */
public final class ContextRuntime implements ContextInternals
{
    /** The api side of a user receiver: attaching the supervisor and its lifecycle methods. */
    public interface ReceiverHandle<T> extends ReceiverSupervisor.Lifecycle
    {
        void attach(ReceiverSupervisor<T> supervisor);
    }

    private record ReceiverEntry<T>(ReceiverInputNode<T> node, ReceiverHandle<T> handle)
    {
    }

    private final Graph graph;
    private final Clock clock;
    private final ContextConfig config;
    private final Duration batchInterval;
    private final ListenerBus bus = new ListenerBus();
    private final SegmentBook book = new SegmentBook();
    private final List<ReceiverEntry<?>> receivers = new ArrayList<>();
    private final List<ReceiverSupervisor<?>> supervisors = new ArrayList<>();
    private final Object termination = new Object();
    private RuntimeException firstError;
    private RuntimeException untakenError;
    private boolean isTerminated;

    private Path dataDir;
    private boolean isDataDirOwned;
    private IngestPipeline pipeline;
    private DeadLetterQueue deadLetters;
    private JobScheduler scheduler;
    private AdvanceSource advanceSource;
    private LongConsumer advanceListener;

    public ContextRuntime(final Graph graph, final Clock clock, final ContextConfig config, final Duration batchInterval)
    {
        this.graph = graph;
        this.clock = clock;
        this.config = config;
        this.batchInterval = batchInterval;
    }

    public ListenerBus bus()
    {
        return bus;
    }

    public SegmentBook segmentBook()
    {
        return book;
    }

    public <T> void addReceiver(final ReceiverInputNode<T> node, final ReceiverHandle<T> handle)
    {
        receivers.add(new ReceiverEntry<>(node, handle));
    }

    public SegmentReader reader(final int streamId)
    {
        return pipeline.reader(streamId);
    }

    /**
     * Validates the graph, fixes zero time and starts everything.
     *
     * @param namedDataDir the user's data directory, or null for a temporary one removed on stop.
     * @param source       the clock's advance hook when it is a ManualClock, else null.
     */
    public void start(final Path namedDataDir, final AdvanceSource source)
    {
        final long batchMs = batchInterval.toMillis();
        final long firstBatchTime = JobScheduler.firstBatchTime(clock.millis(), batchMs);
        graph.start(firstBatchTime - batchMs);
        if (config.isFusionEnabled())
        {
            LongChainFusion.fuse(graph);
        }

        isDataDirOwned = namedDataDir == null;
        dataDir = isDataDirOwned ? TempDirectories.create("sluice-data-") : namedDataDir;
        deadLetters = new DeadLetterQueue(dataDir.resolve("dead-letters"), clock, config.deadLetterMaxBytes());

        BatchCutter cutter = BatchCutter.NONE;
        if (!receivers.isEmpty())
        {
            pipeline = new IngestPipeline(config.ingest(), dataDir);
            long keepMs = batchMs;
            for (final ReceiverEntry<?> entry : receivers)
            {
                entry.node().streamId(pipeline.registerStream(entry.node().streamName()));
                keepMs = Math.max(keepMs, entry.node().rememberMs());
            }
            pipeline.start();
            cutter = new PipelineCutter(pipeline, book, keepMs);
        }

        bus.start();
        scheduler = new JobScheduler(graph, clock, cutter, this::recordsPerStream, bus, this::report, source == null);
        scheduler.start(firstBatchTime);
        if (source != null)
        {
            advanceSource = source;
            advanceListener = scheduler::onClockAdvance;
            source.addAdvanceListener(advanceListener);
        }
        for (final InputNode<?> input : graph.inputs())
        {
            input.start();
        }
        for (final ReceiverEntry<?> entry : receivers)
        {
            startReceiver(entry);
        }
        final long now = clock.millis();
        bus.post(l -> l.onStreamingStarted(now));
    }

    private <T> void startReceiver(final ReceiverEntry<T> entry)
    {
        final int streamId = entry.node().streamId();
        final StreamWriter<T> writer = pipeline.writer(streamId, entry.node().codec());
        final long maxRate = config.maxRate();
        if (maxRate != Long.MAX_VALUE)
        {
            writer.setMaxRate(maxRate);
        }
        if (config.isBackpressureEnabled())
        {
            final long initialRate = config.initialRate();
            if (initialRate != Long.MAX_VALUE)
            {
                writer.setMaxRate(initialRate);
            }
            bus.add(new RateController(graph.inputs().indexOf(entry.node()),
                config.rateEstimator(batchInterval.toMillis()), writer::setMaxRate, maxRate));
        }
        final ReceiverSupervisor<T> supervisor = new ReceiverSupervisor<>(streamId, entry.node().streamName(), writer,
            deadLetters, bus, config.restartDelay().toMillis());
        entry.handle().attach(supervisor);
        supervisors.add(supervisor);
        try
        {
            supervisor.start(entry.handle());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting receiver " + entry.node().streamName(), ex);
        }
    }

    private Map<Integer, Long> recordsPerStream(final long time)
    {
        final Map<Integer, Long> counts = new LinkedHashMap<>();
        final BatchSegments segments = book.get(time);
        int index = 0;
        for (final InputNode<?> input : graph.inputs())
        {
            if (input instanceof ReceiverInputNode<?> receiverInput)
            {
                final long records = segments == null ? 0 : segments.segment(receiverInput.streamId()).recordCount();
                counts.put(index, records);
            }
            else
            {
                final BatchData<?> batch = graph.locked(() -> input.getOrCompute(time));
                counts.put(index, batch == null ? 0L : batch.count());
            }
            index++;
        }
        return counts;
    }

    /**
     * Stops receivers, then the scheduler, the bus, the output operations' resources, the pipeline; removes an owned
     * data directory.
     */
    public void stop(final boolean isGraceful)
    {
        RuntimeException failure = null;
        try
        {
            for (final ReceiverSupervisor<?> supervisor : supervisors)
            {
                supervisor.shutdown();
            }
            if (scheduler != null)
            {
                scheduler.stop(isGraceful, config.gracefulTimeout(batchInterval).toMillis());
            }
            if (advanceSource != null)
            {
                advanceSource.removeAdvanceListener(advanceListener);
            }
            for (final InputNode<?> input : graph.inputs())
            {
                input.stop();
            }
            bus.stop();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("interrupted while stopping the context", ex);
        }
        finally
        {
            // Output operations release what they hold open (topic queues) now, or, when a job is still running
            // after stop's join, as soon as that job ends.
            final RuntimeException closeFailure = graph.closeOutputs();
            if (failure == null)
            {
                failure = closeFailure;
            }
            // Off-heap columns are freed once no job can read them; a job still running after stop's join keeps
            // its batches (a leak, rather than a read of freed memory).
            if (scheduler == null || !scheduler.isExecutorAlive())
            {
                graph.releaseAll();
            }
            if (pipeline != null)
            {
                pipeline.close();
            }
            if (deadLetters != null)
            {
                deadLetters.close();
            }
            if (isDataDirOwned)
            {
                TempDirectories.deleteRecursively(dataDir);
            }
        }
        if (failure != null)
        {
            throw failure;
        }
    }

    @Override
    public Path dataDir()
    {
        return dataDir;
    }

    public List<DeadLetter> deadLetters()
    {
        return deadLetters == null ? List.of() : deadLetters.readAll();
    }

    private void report(final RuntimeException error)
    {
        synchronized (termination)
        {
            if (firstError == null)
            {
                firstError = error;
            }
            if (untakenError == null)
            {
                untakenError = error;
            }
            termination.notifyAll();
        }
    }

    /** Marks the context stopped for {@code awaitTermination}. */
    public void terminated()
    {
        synchronized (termination)
        {
            isTerminated = true;
            termination.notifyAll();
        }
    }

    /**
     * @param timeoutMs how long to wait; negative waits for ever.
     * @return true if stopped.
     */
    public boolean awaitTermination(final long timeoutMs) throws InterruptedException
    {
        final long deadline = timeoutMs < 0 ? Long.MAX_VALUE : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (termination)
        {
            while (true)
            {
                if (firstError != null)
                {
                    throw firstError instanceof SluiceException se ? se
                        : new SluiceException(firstError.getMessage(), firstError);
                }
                if (isTerminated)
                {
                    return true;
                }
                if (timeoutMs < 0)
                {
                    termination.wait();
                }
                else
                {
                    final long left = deadline - System.nanoTime();
                    if (left <= 0)
                    {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(termination, left);
                }
            }
        }
    }

    @Override
    public Graph graph()
    {
        return graph;
    }

    @Override
    public boolean awaitBatchesDone(final long timeMs, final long timeoutMs) throws InterruptedException
    {
        return scheduler != null && scheduler.awaitDone(timeMs, timeoutMs);
    }

    @Override
    public boolean awaitListenersDrained(final long timeoutMs) throws InterruptedException
    {
        return bus.awaitDrained(timeoutMs);
    }

    @Override
    public long acceptedRecords()
    {
        if (pipeline == null)
        {
            return 0;
        }
        long total = 0;
        for (final ReceiverEntry<?> entry : receivers)
        {
            total += pipeline.acceptedRecords(entry.node().streamId());
        }
        return total;
    }

    @Override
    public RuntimeException takeError()
    {
        synchronized (termination)
        {
            final RuntimeException error = untakenError;
            untakenError = null;
            return error;
        }
    }
}
