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
import io.sluice.internal.checkpoint.Snapshotter;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.DataDirLock;
import io.sluice.internal.recovery.RecoveryPlan;
import io.sluice.internal.scheduler.BatchCutter;
import io.sluice.internal.scheduler.CompletionLog;
import io.sluice.internal.scheduler.Replay;
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
    /** Failures awaitTermination has not thrown yet, oldest first (each is thrown once); at most 100 kept. */
    private final java.util.ArrayDeque<RuntimeException> unthrown = new java.util.ArrayDeque<>();
    private long unthrownDropped;
    private RuntimeException untakenError;
    private boolean isTerminated;

    private Path dataDir;
    private boolean isDataDirOwned;
    private DataDirLock lock;
    private BatchManifest manifest;
    private BatchManifest.Writer completionWriter;
    private RecoveryPlan plan;
    private final StateCodecs stateCodecs = new StateCodecs();
    private final java.util.concurrent.atomic.AtomicBoolean hasFailed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile java.util.function.Consumer<RuntimeException> onFatal = ex -> { };
    private Snapshotter snapshotter;
    private long restoredTime = Long.MIN_VALUE;
    private long clockOffsetMs;
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
     * Validates the graph, fixes zero time and starts everything. With a checkpoint directory the manifest is the
     * recovery log: a log left by an earlier run is recovered (its zero time and batch clock continue, its sealed
     * batches not completed are re-run, state is rebuilt by replaying the log).
     *
     * @param namedDataDir  the user's data directory, or null: {@code checkpointDir/log} with a checkpoint
     *                      directory, else a temporary one removed on stop.
     * @param checkpointDir the checkpoint directory, or null (then nothing is recovered).
     * @param source        the clock's advance hook when it is a ManualClock, else null.
     */
    public void start(final Path namedDataDir, final Path checkpointDir, final AdvanceSource source)
    {
        final long batchMs = batchInterval.toMillis();
        final boolean isRecoverable = checkpointDir != null;
        isDataDirOwned = namedDataDir == null && !isRecoverable;
        dataDir = namedDataDir != null ? namedDataDir
            : isRecoverable ? checkpointDir.resolve(LOG_DIR_NAME) : TempDirectories.create("sluice-data-");
        lock = DataDirLock.acquire(dataDir);
        deadLetters = new DeadLetterQueue(dataDir.resolve("dead-letters"), clock, config.deadLetterMaxBytes(),
            config.deadLetterMaxRecords());

        final List<String> streamNames = new ArrayList<>(receivers.size());
        for (final ReceiverEntry<?> entry : receivers)
        {
            streamNames.add(entry.node().streamName());
        }
        if (isRecoverable || !receivers.isEmpty())
        {
            manifest = new BatchManifest(createDirectories(dataDir.resolve(IngestPipeline.MANIFEST_DIR_NAME)),
                config.ingest().rollCycle(), timeProvider());
            manifest.onWriteFailure(cause -> fatal("the batch manifest cannot be written", cause));
        }
        plan = isRecoverable ? RecoveryPlan.read(manifest.readRecords(), batchMs, streamNames, dataDir.toString())
            : RecoveryPlan.read(new BatchManifest.Contents(List.of(), null), batchMs, streamNames, "");

        final long wallFirstBatch = JobScheduler.firstBatchTime(clock.millis(), batchMs);
        final long zeroTime;
        final long firstBatchTime;
        if (plan.hasHistory())
        {
            for (final InputNode<?> input : graph.inputs())
            {
                if (input instanceof io.sluice.internal.input.QueueInputNode<?>)
                {
                    throw new IllegalArgumentException("queueStream cannot be recovered (its queue is consumed, not "
                        + "logged), and " + dataDir + " holds an earlier run's log: use a receiver input, or start on "
                        + "a new checkpoint directory");
                }
            }
            zeroTime = plan.zeroTime();
            firstBatchTime = plan.lastSealedTime() == Long.MIN_VALUE ? zeroTime + batchMs
                : plan.lastSealedTime() + batchMs;
            clockOffsetMs = Math.max(0, wallFirstBatch - firstBatchTime);
        }
        else
        {
            zeroTime = wallFirstBatch - batchMs;
            firstBatchTime = wallFirstBatch;
            clockOffsetMs = 0;
        }
        graph.start(zeroTime);
        for (int i = 0; i < graph.inputs().size(); i++)
        {
            if (graph.inputs().get(i) instanceof io.sluice.internal.topic.TopicInputNode<?> topic)
            {
                if (plan.hasHistory())
                {
                    final java.util.NavigableMap<Long, long[]> ranges = new java.util.TreeMap<>();
                    plan.sources(i).forEach((time, recorded) -> ranges.put(time, new long[] {recorded.from(), recorded.to()}));
                    topic.recover(ranges, firstBatchTime, clockOffsetMs);
                }
                else
                {
                    topic.clockOffsetMs(clockOffsetMs);
                }
            }
        }
        if (config.isFusionEnabled())
        {
            LongChainFusion.fuse(graph);
        }

        if (isRecoverable)
        {
            snapshotter = new Snapshotter(graph, checkpointDir.resolve(SNAPSHOTS_DIR_NAME), stateCodecs,
                config.checkpointMinIntervalMs(), config.checkpointRetained(), this::report, this::afterSnapshot);
            if (plan.hasHistory())
            {
                restoredTime = snapshotter.restore(plan.snapshots(), plan.lastSealedTime(),
                    config.isNonRestoredStateAllowed());
            }
        }

        long keepMs = batchMs;
        for (final ReceiverEntry<?> entry : receivers)
        {
            keepMs = Math.max(keepMs, entry.node().rememberMs());
        }
        if (!receivers.isEmpty())
        {
            pipeline = new IngestPipeline(config.ingest(), dataDir, manifest, timeProvider());
            pipeline.failureListener(cause -> fatal("the ingest log writer failed", cause));
            for (final ReceiverEntry<?> entry : receivers)
            {
                final int streamId = pipeline.registerStream(entry.node().streamName());
                entry.node().streamId(streamId);
                if (plan.hasHistory())
                {
                    pipeline.carryOverAfter(streamId, plan.lastNonEmptySegment(streamId));
                }
            }
        }
        retention = manifest == null ? null : new LogRetention(pipeline, manifest,
            () -> writeStartRecord(zeroTime, batchMs, streamNames), keepMs, config.logRetentionMs(),
            Math.max(batchMs, 1000));
        BatchCutter cutter = BatchCutter.NONE;
        if (pipeline != null)
        {
            pipeline.start();
            cutter = new PipelineCutter(pipeline, book, keepMs, retention::onSeal);
        }
        else if (isRecoverable)
        {
            cutter = new SealCutter(manifest.writer(), retention::onSeal);
        }
        if (isRecoverable && hasTopicInput())
        {
            cutter = new SourceRecordingCutter(cutter, graph, manifest.writer());
        }
        if (isRecoverable)
        {
            try (BatchManifest.Writer writer = manifest.writer())
            {
                writer.start(zeroTime, batchMs, clockOffsetMs, streamNames);
            }
            completionWriter = manifest.writer();
            historyPolicy = !graph.isHistoryDependent() ? HistoryPolicy.NONE
                : snapshotter.isActive() ? HistoryPolicy.SNAPSHOTS : HistoryPolicy.WHOLE_LOG;
            snapshotter.writer(manifest.writer());
        }
        if (retention != null)
        {
            for (final BatchSegments seal : plan.seals())
            {
                retention.onSeal(seal);
            }
        }
        final Replay replay = plan.hasHistory() ? replayOf(plan, keepMs, firstBatchTime) : Replay.NONE;

        bus.start();
        final io.sluice.internal.scheduler.ErrorSink sink = new io.sluice.internal.scheduler.ErrorSink()
        {
            @Override
            public void report(final RuntimeException error)
            {
                ContextRuntime.this.report(error);
            }

            @Override
            public void fatal(final String what, final Throwable cause)
            {
                ContextRuntime.this.fatal(what, cause, "Every record is in the log in " + dataDir + "; fix the cause "
                    + "(for an OutOfMemoryError: more heap, -Xmx) and start the same pipeline on its checkpoint "
                    + "(StreamingContext.getOrCreate) to run the batches that did not complete");
            }

            @Override
            public void deadLetter(final String stream, final String reason, final String record)
            {
                final DeadLetterQueue queue = deadLetters;
                if (queue != null)
                {
                    queue.add(stream, reason, record);
                }
            }
        };
        scheduler = new JobScheduler(graph, clock, cutter, this::recordsPerStream, bus, sink, source == null,
            new ManifestCompletions(completionWriter, snapshotter, this::afterBatch));
        scheduler.failurePolicy(config.outputOnFailure(), config.outputMaxRetries());
        scheduler.start(firstBatchTime, replay, clockOffsetMs);
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

    /**
     * Sets what stops the context after a fatal failure (the context's {@code stop(false)}); called by the
     * context before start.
     */
    public void onFatal(final java.util.function.Consumer<RuntimeException> stopper)
    {
        onFatal = stopper;
    }

    /**
     * A failure that leaves the context unable to go on (the ingest log or the manifest cannot be written: a full
     * disk, an unwritable directory, a fault while mapping): reported once (awaitTermination rethrows it, listeners
     * get {@code onStreamingFailed}), then the context stops on a thread of its own. What is already in the log stays;
     * a restart on the same directories recovers it. Any thread; idempotent.
     */
    void fatal(final String what, final Throwable cause)
    {
        fatal(what + " (" + cause + ")", cause, "Every record already in the log is kept in " + dataDir + "; free space "
            + "or fix the directory, then start the same pipeline on it again (StreamingContext.getOrCreate) to recover");
    }

    /** {@link #fatal(String, Throwable)} with its own advice (what to do). */
    void fatal(final String what, final Throwable cause, final String advice)
    {
        if (!hasFailed.compareAndSet(false, true))
        {
            return;
        }
        final SluiceException error = new SluiceException(what + ": the context stops. " + advice, cause);
        LOG.error(error.getMessage(), cause);
        report(error);
        final long now = clock.millis();
        bus.post(l -> l.onStreamingFailed(now, error));
        final Thread stopper = new Thread(() -> onFatal.accept(error), "sluice-fatal-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Whether a {@link #fatal} failure stopped (or is stopping) the context. */
    public boolean hasFailed()
    {
        return hasFailed.get();
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ContextRuntime.class);

    private boolean hasTopicInput()
    {
        for (final InputNode<?> input : graph.inputs())
        {
            if (input instanceof io.sluice.internal.topic.TopicInputNode<?>)
            {
                return true;
            }
        }
        return false;
    }

    /** Directory under the data directory where built-in receivers keep their source positions. */
    public static final String SOURCES_DIR_NAME = "sources";

    /** Directory of the state snapshots under the checkpoint directory. */
    public static final String SNAPSHOTS_DIR_NAME = "snapshots";

    /** The codecs generic state is written into snapshots with ({@code registerStateCodec}). */
    public StateCodecs stateCodecs()
    {
        return stateCodecs;
    }

    /** The snapshot writer of a context with a checkpoint directory, else {@code null}. */
    public Snapshotter snapshotter()
    {
        return snapshotter;
    }

    /** The batch time of the snapshot recovery restored, {@link Long#MIN_VALUE} when none. */
    public long restoredSnapshotTime()
    {
        return restoredTime;
    }

    /** Directory of the ingest log under a checkpoint directory when no data directory is named. */
    public static final String LOG_DIR_NAME = "log";

    /**
     * The batches to re-run: every sealed batch when some node depends on history (state and windows are rebuilt
     * from the log), else those that did not complete. Seals within the inputs' remember duration before the first
     * re-run batch are filed too, so windows over them find their batches.
     */
    private Replay replayOf(final RecoveryPlan plan, final long keepMs, final long firstNewBatchTime)
    {
        final boolean isEverything = graph.isHistoryDependent();
        final long after = restoredTime;
        final Map<Long, BatchSegments> byTime = new java.util.HashMap<>();
        final List<Long> times = new ArrayList<>();
        for (final BatchSegments seal : plan.seals())
        {
            if (seal.batchTime() > after && (isEverything || !plan.isBatchDone(seal.batchTime())))
            {
                times.add(seal.batchTime());
                byTime.put(seal.batchTime(), seal);
            }
        }
        {
            final long first = times.isEmpty() ? firstNewBatchTime : times.get(0);
            for (final BatchSegments seal : plan.seals())
            {
                if (seal.batchTime() < first && seal.batchTime() > first - keepMs - batchInterval.toMillis())
                {
                    book.put(seal.batchTime(), seal);
                }
            }
        }
        return new Replay()
        {
            @Override
            public List<Long> times()
            {
                return times;
            }

            @Override
            public void prepare(final long time)
            {
                final BatchSegments seal = byTime.remove(time);
                if (seal != null && !seal.segments().isEmpty())
                {
                    book.put(time, seal);
                    book.forgetUpTo(time - keepMs);
                }
            }

            @Override
            public boolean isOutputDone(final long time, final int outputId)
            {
                return plan.isOutputDone(time, outputId);
            }
        };
    }

    /** The clock Chronicle rolls the log's files by: the context's (a ManualClock rolls them in tests). */
    private net.openhft.chronicle.core.time.TimeProvider timeProvider()
    {
        return clock == Clock.SYSTEM ? net.openhft.chronicle.core.time.SystemTimeProvider.INSTANCE : clock::millis;
    }

    /** How far back recovery reads the log, which decides what retention may delete. */
    private enum HistoryPolicy
    {
        /** No node depends on history: completed batches are never needed again. */
        NONE,
        /** Every history-dependent node is in the snapshots: batches up to the last snapshot are not needed. */
        SNAPSHOTS,
        /** Some node's history is only in the log (a fast-path pane window): the whole log is kept. */
        WHOLE_LOG
    }

    private LogRetention retention;
    private HistoryPolicy historyPolicy = HistoryPolicy.NONE;

    private final Map<Thread, BatchManifest.Writer> startWriters = new java.util.concurrent.ConcurrentHashMap<>();

    /** Re-writes the start record (retention, before manifest files go), from the executor or snapshot thread. */
    private void writeStartRecord(final long zeroTime, final long batchMs, final List<String> streamNames)
    {
        if (completionWriter != null)
        {
            startWriters.computeIfAbsent(Thread.currentThread(), t -> manifest.writer())
                .start(zeroTime, batchMs, clockOffsetMs, streamNames);
        }
    }

    /** Executor thread, after each completed batch. */
    private void afterBatch(final long time)
    {
        if (retention != null && historyPolicy == HistoryPolicy.NONE)
        {
            retention.onRecoveryPoint(time);
        }
    }

    /** Executor thread, after each durable snapshot. */
    private void afterSnapshot(final long time)
    {
        if (retention != null && historyPolicy == HistoryPolicy.SNAPSHOTS)
        {
            retention.onRecoveryPoint(time);
        }
    }

    /** Log files retention deleted so far (0 before start). */
    public long logFilesDeleted()
    {
        return retention == null ? 0 : retention.filesDeleted();
    }

    /** What recovery found when the context started ({@code null} before start). */
    public RecoveryPlan recoveryPlan()
    {
        return plan;
    }

    /** How far the batch clock runs behind the context's clock (non-zero after recovering from a crash). */
    public long clockOffsetMs()
    {
        return clockOffsetMs;
    }

    private static Path createDirectories(final Path dir)
    {
        try
        {
            return java.nio.file.Files.createDirectories(dir);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException("cannot create " + dir + ": check permissions and free space", ex);
        }
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
        supervisor.sourceStateDir(dataDir.resolve(SOURCES_DIR_NAME).resolve(Integer.toString(streamId)));
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
            if (snapshotter != null)
            {
                snapshotter.close();
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
            if (manifest != null)
            {
                manifest.close();
            }
            if (deadLetters != null)
            {
                deadLetters.close();
            }
            if (lock != null)
            {
                lock.close();
            }
            if (isDataDirOwned)
            {
                TempDirectories.deleteRecursively(dataDir);
            }
            io.sluice.internal.memory.OffHeapAllocator.trimCache();
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

    /** Up to {@code max} dead letters from the {@code from}-th (earlier runs' included). */
    public List<DeadLetter> deadLetters(final long from, final int max)
    {
        return deadLetters == null ? List.of() : deadLetters.read(from, max);
    }

    /** Whether the calling thread runs this context's jobs (an output operation calls in). */
    public boolean isJobThread()
    {
        final JobScheduler s = scheduler;
        return s != null && s.isExecutorThread();
    }

    /** Skips the running batch's remaining outputs and the queued batches from now on (stop(false) from a job). */
    public void dropQueuedJobs()
    {
        final JobScheduler s = scheduler;
        if (s != null)
        {
            s.dropQueuedJobs();
        }
    }

    /** What the last graceful stop left unprocessed when its timeout ran out. */
    public JobScheduler.DroppedAtStop droppedAtStop()
    {
        final JobScheduler s = scheduler;
        return s == null ? JobScheduler.DroppedAtStop.NONE : s.droppedAtStop();
    }

    /** What the streaming UI and the metrics read from this runtime (thread-safe, cheap). */
    public io.sluice.internal.ui.EngineView engineView(final java.util.function.Supplier<String> state)
    {
        return new io.sluice.internal.ui.EngineView()
        {
            @Override
            public long recordsAccepted()
            {
                return acceptedRecords();
            }

            @Override
            public long ringSlotsInUse()
            {
                final IngestPipeline p = pipeline;
                return p == null ? 0 : p.ringSlotsInUse();
            }

            @Override
            public long ringSlots()
            {
                final IngestPipeline p = pipeline;
                return p == null ? 0 : p.ringSlots();
            }

            @Override
            public long ringFullWaits()
            {
                final IngestPipeline p = pipeline;
                return p == null ? 0 : p.ringFullWaits();
            }

            @Override
            public long bytesLogged()
            {
                final IngestPipeline p = pipeline;
                return p == null ? 0 : p.bytesLogged();
            }

            @Override
            public long deadLetters()
            {
                final DeadLetterQueue queue = ContextRuntime.this.deadLetters;
                return queue == null ? 0 : queue.stored();
            }

            @Override
            public long deadLetterOverflow()
            {
                return ContextRuntime.this.deadLetterOverflow();
            }

            @Override
            public List<DeadLetter> latestDeadLetters(final int max)
            {
                final DeadLetterQueue queue = ContextRuntime.this.deadLetters;
                if (queue == null)
                {
                    return List.of();
                }
                final long stored = queue.stored();
                return queue.read(Math.max(0, stored - max), max);
            }

            @Override
            public long restoredSnapshotTime()
            {
                return restoredTime;
            }

            @Override
            public boolean isCheckpointing()
            {
                final Snapshotter s = snapshotter;
                return s != null && s.isActive();
            }

            @Override
            public String state()
            {
                return state.get();
            }

            @Override
            public List<io.sluice.internal.ui.EngineView.StateInfo> stateSizes()
            {
                final List<io.sluice.internal.ui.EngineView.StateInfo> out = new ArrayList<>();
                for (final io.sluice.internal.checkpoint.StatefulNode node : graph.statefulNodes())
                {
                    out.add(new io.sluice.internal.ui.EngineView.StateInfo(node.stateId(), node.stateKind(),
                        node.stateSize()));
                }
                return out;
            }

            @Override
            public io.sluice.internal.ui.EngineView.SnapshotInfo lastSnapshot()
            {
                final Snapshotter s = snapshotter;
                return s == null || !s.isActive() ? null : new io.sluice.internal.ui.EngineView.SnapshotInfo(
                    s.lastSnapshotTime(), s.lastDurationNanos(), s.lastCaptureNanos(), s.lastBytes());
            }

            @Override
            public List<io.sluice.internal.log.Segment> segments(final long time)
            {
                final io.sluice.internal.log.BatchSegments segments = book.get(time);
                return segments == null ? List.of() : segments.segments();
            }

            @Override
            public String dataDir()
            {
                final Path dir = dataDir;
                return dir == null ? null : dir.toString();
            }
        };
    }

    /** Rejections beyond {@code sluice.deadLetter.maxRecords}: counted, not kept. */
    public long deadLetterOverflow()
    {
        return deadLetters == null ? 0 : deadLetters.overflow();
    }

    private void report(final RuntimeException error)
    {
        synchronized (termination)
        {
            if (unthrown.size() < 100)
            {
                unthrown.addLast(error);
            }
            else
            {
                unthrownDropped++;
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
                final RuntimeException next = unthrown.pollFirst();
                if (next != null)
                {
                    final SluiceException thrown = next instanceof SluiceException se ? se
                        : new SluiceException(next.getMessage(), next);
                    if (unthrown.isEmpty() && unthrownDropped > 0)
                    {
                        LOG.warn("{} more batch failures were reported after the first 100 not yet thrown by "
                            + "awaitTermination; they were logged and dropped", unthrownDropped);
                        unthrownDropped = 0;
                    }
                    throw thrown;
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

    /** Waits until the context is stopped, without rethrowing its failure; true if it is. */
    public boolean awaitTerminated(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (termination)
        {
            while (!isTerminated)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(termination, left);
            }
            return true;
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
