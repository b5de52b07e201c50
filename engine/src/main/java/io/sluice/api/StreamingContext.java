package io.sluice.api;

import io.sluice.internal.context.AdvanceSource;
import io.sluice.internal.context.ContextConfig;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.context.ContextRuntime;
import io.sluice.internal.context.StreamFactory;
import io.sluice.internal.generic.TransformNode;
import io.sluice.internal.generic.UnionNode;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.input.QueueInputNode;
import io.sluice.internal.input.ReceiverInputNode;
import io.sluice.internal.receiver.DirectoryReceiver;
import io.sluice.internal.receiver.SocketTextReceiver;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The entry point (Spark's {@code StreamingContext}): build one, add input streams, transformations and output
 * operations, then {@link #start()}. Lifecycle: {@link StreamingContextState#INITIALIZED} →
 * {@link StreamingContextState#ACTIVE} → {@link StreamingContextState#STOPPED}; only one context may be active in
 * a JVM; the graph can only grow while INITIALIZED.
 *
 * <p>Batch times are absolute multiples of the batch interval: the first batch is the next multiple strictly
 * after the clock's time at start.
 *
 * <p>Thread contract: build the graph on one thread; {@code start}, {@code stop} and {@code await*} may be called
 * from any thread except a listener's ({@code stop} there throws).
 */
public final class StreamingContext implements AutoCloseable
{
    private static final AtomicReference<StreamingContext> ACTIVE = new AtomicReference<>();

    static
    {
        ContextInternals.Access.install(context -> context.runtime);
        StreamFactory.Access.install(new StreamFactory()
        {
            @Override
            public <T> DStream<T> wrap(final StreamingContext context, final io.sluice.internal.graph.Node<T> node)
            {
                return DStream.wrap(context, node);
            }
        });
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("io.sluice.streaming");

    private final String appName;
    private final Duration batchInterval;
    private final Clock clock;
    private final ContextConfig config;
    private final Path dataDir;
    private volatile Path checkpointDir;
    private volatile StreamingContextState state = StreamingContextState.INITIALIZED;
    private final Graph graph;
    private final ContextRuntime runtime;
    private final List<StreamingListener> listeners = new ArrayList<>();
    private volatile io.sluice.internal.ui.ContextObservability observability;
    private volatile Thread shutdownHook;

    private StreamingContext(final Builder builder)
    {
        this.appName = builder.appName;
        this.batchInterval = builder.batchInterval;
        this.clock = builder.clock;
        this.config = ContextConfig.of(builder.settings);
        this.dataDir = builder.dataDir;
        this.checkpointDir = builder.checkpointDir;
        this.graph = new Graph(batchInterval.toMillis(), () -> state);
        this.runtime = new ContextRuntime(graph, clock, config, batchInterval);
        this.runtime.onFatal(error -> stop(false));
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Builds a {@link StreamingContext}; {@link #batchInterval(Duration)} is required. */
    public static final class Builder
    {
        private String appName = "sluice";
        private Duration batchInterval;
        private Path dataDir;
        private Path checkpointDir;
        private Clock clock = Clock.SYSTEM;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder()
        {
        }

        public Builder appName(final String name)
        {
            this.appName = Objects.requireNonNull(name, "appName");
            return this;
        }

        /** Required; at least 1 ms, whole milliseconds. */
        public Builder batchInterval(final Duration interval)
        {
            this.batchInterval = Objects.requireNonNull(interval, "batchInterval");
            return this;
        }

        /**
         * Where the ingest log (Chronicle queues), batch manifest and dead letters live. Default: a temporary
         * directory removed on stop. A directory you name is kept.
         */
        public Builder dataDir(final Path dir)
        {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** Same as {@link StreamingContext#checkpoint(Path)} before start. */
        public Builder checkpointDir(final Path dir)
        {
            this.checkpointDir = Objects.requireNonNull(dir, "checkpointDir");
            return this;
        }

        /** Default: the system clock. Tests use {@code io.sluice.testkit.ManualClock}. */
        public Builder clock(final Clock clock)
        {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A documented configuration key (see the README's configuration table); unknown keys are rejected. */
        public Builder set(final String key, final String value)
        {
            ContextConfig.checkKnown(key);
            settings.put(key, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @throws IllegalStateException when the JVM lacks the flags Sluice needs (the message lists them and the
         *                               argument file that carries them), or {@code batchInterval} is missing
         */
        public StreamingContext build()
        {
            io.sluice.internal.context.JvmFlags.check();
            if (batchInterval == null)
            {
                throw new IllegalArgumentException("batchInterval is required: StreamingContext.builder()"
                    + ".batchInterval(Duration.ofSeconds(1))");
            }
            if (batchInterval.toMillis() < 1 || batchInterval.toNanos() % 1_000_000 != 0)
            {
                throw new IllegalArgumentException("batchInterval must be a whole number of milliseconds >= 1 ms, was "
                    + batchInterval);
            }
            return new StreamingContext(this);
        }
    }

    /**
     * Spark's {@code getOrCreate}: {@code create} builds the context and its whole graph from code, every time (the
     * graph is never read back from the checkpoint, so changed code restores); when {@code checkpointDir} holds the
     * recovery log of an earlier run, starting the returned context continues it: the batch clock resumes after the
     * last sealed batch, sealed batches that did not complete run again on exactly their recorded records (output
     * operations that completed are not run again), state is rebuilt, and records stored after the last seal form the
     * next batch. The context gets {@code checkpointDir} as its checkpoint directory if {@code create} set none.
     *
     * @throws IllegalArgumentException if {@code create} set a different checkpoint directory.
     * @throws IllegalStateException    if the checkpoint cannot be read (use
     *                                  {@link #getOrCreate(Path, Supplier, boolean)} with {@code createOnError}).
     */
    public static StreamingContext getOrCreate(final Path checkpointDir, final Supplier<StreamingContext> create)
    {
        return getOrCreate(checkpointDir, create, false);
    }

    /**
     * As {@link #getOrCreate(Path, Supplier)}; with {@code createOnError}, a checkpoint that cannot be read is moved
     * aside (renamed to {@code <dir>.corrupt-<millis>}, kept for inspection) and the context starts afresh, as Spark's
     * {@code createOnError = true}. Without it, an unreadable checkpoint throws {@link IllegalStateException}.
     */
    public static StreamingContext getOrCreate(final Path checkpointDir, final Supplier<StreamingContext> create,
        final boolean createOnError)
    {
        Objects.requireNonNull(checkpointDir, "checkpointDir");
        Objects.requireNonNull(create, "create");
        final StreamingContext context = Objects.requireNonNull(create.get(), "create returned null");
        if (context.checkpointDir == null)
        {
            context.checkpoint(checkpointDir);
        }
        else if (!context.checkpointDir.toAbsolutePath().normalize()
            .equals(checkpointDir.toAbsolutePath().normalize()))
        {
            throw new IllegalArgumentException("getOrCreate(" + checkpointDir + ", ...): the factory set checkpoint "
                + "directory " + context.checkpointDir + "; set the same one, or none");
        }
        final Path logDir = context.dataDir != null ? context.dataDir
            : checkpointDir.resolve(ContextRuntime.LOG_DIR_NAME);
        final String problem = io.sluice.internal.recovery.Checkpoints.problem(logDir, context.batchInterval);
        if (problem != null)
        {
            if (!createOnError)
            {
                throw new IllegalStateException("the checkpoint in " + checkpointDir + " cannot be recovered: "
                    + problem + ". Fix or remove it, or call getOrCreate(dir, factory, true) to move it aside and "
                    + "start afresh");
            }
            io.sluice.internal.recovery.Checkpoints.moveAside(checkpointDir);
            if (context.dataDir != null && !context.dataDir.startsWith(checkpointDir))
            {
                io.sluice.internal.recovery.Checkpoints.moveAside(context.dataDir);
            }
        }
        return context;
    }

    public String appName()
    {
        return appName;
    }

    public StreamingContextState state()
    {
        return state;
    }

    public Duration batchInterval()
    {
        return batchInterval;
    }

    /** The clock this context reads. */
    public Clock clock()
    {
        return clock;
    }

    /** Sets the checkpoint directory (required by stateful and inverse-window operators). Before start. */
    public void checkpoint(final Path dir)
    {
        if (state != StreamingContextState.INITIALIZED)
        {
            throw new IllegalStateException("checkpoint(dir) must be called before start()");
        }
        this.checkpointDir = dir;
    }

    public Path checkpointDir()
    {
        return checkpointDir;
    }

    /** Every output operation keeps at least {@code duration} of each stream's batches (Spark's remember). */
    public void remember(final Duration duration)
    {
        graph.validateAtInit();
        graph.remember(duration.toMillis());
    }

    /**
     * Lines of UTF-8 text from a TCP server at {@code host:port} (the receiver connects as a client), one record
     * per line without its line terminator. On disconnect or connection failure the receiver restarts after
     * {@code sluice.receiver.restartDelay} and connects again. Lines longer than {@code sluice.socket.maxLineBytes}
     * go to the dead-letter queue.
     */
    public DStream<String> socketTextStream(final String host, final int port)
    {
        final String name = "socket " + host + ":" + port;
        return receiverStream(name, new SocketTextReceiver(host, port, config.maxLineBytes(),
            config.socketReadTimeoutMs()),
            Codecs.STRING);
    }

    /**
     * Lines of the text files that appear in {@code directory} (Spark's {@code textFileStream}). Files there at the
     * stream's first start, and names starting with '.' or '_', are ignored, also after restarts; every other file is
     * read once its size and modification time are stable, exactly once across crashes with a checkpoint directory
     * (a ledger in the data directory); a file changed after it was read is read again as a new file; one changed
     * while being read, or unreadable, goes to the dead-letter queue.
     */
    public DStream<String> textFileStream(final Path directory)
    {
        return receiverStream("files " + directory, new DirectoryReceiver(directory, config.maxLineBytes()),
            Codecs.STRING);
    }

    /**
     * A stream fed from a queue of collections (for tests and demos): each batch takes the next collection
     * ({@code oneAtATime}) or all queued ones; an empty queue gives an empty batch.
     */
    public <T> DStream<T> queueStream(final Queue<? extends Collection<T>> queue, final boolean oneAtATime)
    {
        return queueStream(queue, oneAtATime, null);
    }

    /** As {@link #queueStream(Queue, boolean)}; an empty queue gives {@code defaultBatch}. */
    public <T> DStream<T> queueStream(final Queue<? extends Collection<T>> queue, final boolean oneAtATime,
        final Collection<T> defaultBatch)
    {
        return DStream.wrap(this, new QueueInputNode<>(graph, queue, oneAtATime, defaultBatch));
    }

    /** Records from a user {@link Receiver}, carried through the ingest ring and log with {@code codec}. */
    public <T> DStream<T> receiverStream(final Receiver<T> receiver, final Codec<T> codec)
    {
        return receiverStream(receiver.getClass().getSimpleName(), receiver, codec);
    }

    private <T> DStream<T> receiverStream(final String name, final Receiver<T> receiver, final Codec<T> codec)
    {
        final ReceiverInputNode<T> node = new ReceiverInputNode<>(graph, name, codec, runtime.segmentBook(),
            runtime::reader);
        runtime.addReceiver(node, new ContextRuntime.ReceiverHandle<>()
        {
            @Override
            public void attach(final io.sluice.internal.receiver.ReceiverSupervisor<T> supervisor)
            {
                receiver.attach(supervisor);
            }

            @Override
            public void onStart()
            {
                receiver.onStart();
            }

            @Override
            public void onStop()
            {
                receiver.onStop();
            }
        });
        return DStream.wrap(this, node);
    }

    // ---- columnar fast-path inputs (issue 4a) ----

    /**
     * Fast path: {@link #socketTextStream} as a {@link TextDStream}, its batches UTF-8 bytes columns decoded straight
     * from the ingest log. Same as {@code TextDStream.of(socketTextStream(host, port))}.
     */
    public TextDStream textSocketStream(final String host, final int port)
    {
        return TextDStream.of(socketTextStream(host, port));
    }

    /**
     * Fast path: records of a {@link LongReceiver} (which stores {@code long}s without boxing, {@link Codecs#LONG} in
     * the ring and the log), each batch an off-heap long column. Generic twin: {@code receiverStream(receiver,
     * Codecs.LONG)}, which gives the same values boxed.
     */
    public LongDStream longReceiverStream(final LongReceiver receiver)
    {
        return new LongDStream(this, receiverStream(receiver.getClass().getSimpleName(), receiver, Codecs.LONG).node);
    }

    /**
     * Registers how values of exactly {@code type} are written into state snapshots, for generic stateful operators
     * (updateStateByKey, mapWithState, windows with an inverse) whose keys or state are of a type that is not built in
     * (String, boxed primitives, byte[], Pair, List, Map, Optional are). Before start. A snapshot meeting an
     * unregistered type fails with a message naming it (the context goes on; recovery then replays from the previous
     * snapshot).
     */
    public <T> void registerStateCodec(final Class<T> type, final Codec<T> codec)
    {
        graph.validateAtInit();
        runtime.stateCodecs().register(Objects.requireNonNull(type, "type"), Objects.requireNonNull(codec, "codec"));
    }

    /** Adds a listener; its events arrive on the listener thread. */
    public void addStreamingListener(final StreamingListener listener)
    {
        runtime.bus().add(Objects.requireNonNull(listener, "listener"));
        listeners.add(listener);
    }

    /**
     * Records rejected by receivers, with their reasons (empty when none), oldest first: those of earlier runs on the
     * same data directory too, and still readable after stop.
     */
    public List<DeadLetter> deadLetters()
    {
        return runtime.deadLetters();
    }

    /** A page of {@link #deadLetters()}: up to {@code max} from the {@code from}-th (0 = the oldest). */
    public List<DeadLetter> deadLetters(final long from, final int max)
    {
        return runtime.deadLetters(from, max);
    }

    /** Rejected records beyond {@code sluice.deadLetter.maxRecords} since start: counted, not kept. */
    public long deadLetterOverflow()
    {
        return runtime.deadLetterOverflow();
    }

    // ---- per-batch operators and shared variables (issue 3a) ----

    private final List<Object> sharedAccumulators = new CopyOnWriteArrayList<>();
    private final AtomicLong nextBroadcastId = new AtomicLong();

    /**
     * The elements of all {@code streams} in every batch, partitions of the first stream first (Spark's
     * {@code ssc.union}). All streams must belong to this context and share the slide duration
     * ({@link IllegalArgumentException}); a stream without a batch at a valid time fails that batch
     * ({@link SluiceException}).
     */
    public <T> DStream<T> union(final List<DStream<T>> streams)
    {
        Objects.requireNonNull(streams, "streams");
        final List<io.sluice.internal.graph.Node<T>> nodes = new ArrayList<>(streams.size());
        for (final DStream<T> stream : streams)
        {
            nodes.add(ownNode(stream));
        }
        return DStream.wrap(this, new UnionNode<>(nodes));
    }

    /**
     * A batch computed by {@code fn} from the batches of all {@code streams} of the same time, in list order, as one
     * partition (Spark's {@code ssc.transform}). {@code fn} runs once per batch on the job thread and must not return
     * {@code null}. All streams must share the slide ({@link IllegalArgumentException}); each must have a batch at
     * every valid time ({@link SluiceException} "Couldn't generate RDD from parent at time ..." otherwise).
     */
    public <R> DStream<R> transform(final List<DStream<?>> streams,
        final BiFunction<List<Batch<?>>, Time, Collection<R>> fn)
    {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(fn, "fn");
        final List<io.sluice.internal.graph.Node<?>> nodes = new ArrayList<>(streams.size());
        for (final DStream<?> stream : streams)
        {
            nodes.add(ownNode(stream));
        }
        return DStream.wrap(this, new TransformNode<R>(nodes, fn));
    }

    private <T> io.sluice.internal.graph.Node<T> ownNode(final DStream<T> stream)
    {
        Objects.requireNonNull(stream, "stream");
        if (stream.context != this)
        {
            throw new IllegalArgumentException("Some of the DStreams belong to another StreamingContext; "
                + "combine only DStreams of the same context");
        }
        return stream.node;
    }

    /**
     * Shares a read-only value with every batch (Spark's {@code broadcast}). Nothing is copied: every batch's
     * {@link Broadcast#value()} is this very instance, so it must not be mutated. Allowed in any state.
     */
    public <T> Broadcast<T> broadcast(final T value)
    {
        return new Broadcast<>(nextBroadcastId.getAndIncrement(), value);
    }

    /** A new named long accumulator, zero, listed by {@link #accumulators()}. Allowed in any state. */
    public LongAccumulator longAccumulator(final String name)
    {
        final LongAccumulator accumulator = new LongAccumulator(Objects.requireNonNull(name, "name"));
        sharedAccumulators.add(accumulator);
        return accumulator;
    }

    /** A new named double accumulator, zero, listed by {@link #accumulators()}. Allowed in any state. */
    public DoubleAccumulator doubleAccumulator(final String name)
    {
        final DoubleAccumulator accumulator = new DoubleAccumulator(Objects.requireNonNull(name, "name"));
        sharedAccumulators.add(accumulator);
        return accumulator;
    }

    /**
     * A snapshot of every accumulator of this context, in creation order. Any thread may call it. A listener's
     * {@code onBatchCompleted} sees every add made by that batch's jobs; listener events are delivered asynchronously,
     * so when the listener lags behind the jobs it also sees adds of later batches.
     */
    public List<AccumulatorValue> accumulators()
    {
        final List<AccumulatorValue> values = new ArrayList<>(sharedAccumulators.size());
        for (final Object accumulator : sharedAccumulators)
        {
            if (accumulator instanceof LongAccumulator a)
            {
                values.add(new AccumulatorValue(a.name(), a.value(), a.count()));
            }
            else if (accumulator instanceof DoubleAccumulator a)
            {
                values.add(new AccumulatorValue(a.name(), a.value(), a.count()));
            }
        }
        return values;
    }

    // ---- Chronicle topics (issue 7) ----

    /**
     * The records of a Chronicle queue that other processes append to (a "topic"), one record per document in the
     * layout {@link TopicWriter} and {@link DStream#saveToChronicleTopic} write, decoded with {@code codec} (the
     * writers' codec); batch markers of a sink are skipped. Reading starts at {@code start}: the queue's beginning,
     * its end, or after a stored position ({@link TopicDStream#positionAfter(Time)}). Batch {@code t} is what was
     * appended between the previous cut and the moment the clock crossed {@code t} (a ManualClock cuts before it
     * shows the new time); the range is recorded at the cut, so reading batch {@code t} again gives the same
     * records. The directory is created when missing. The queue is opened at start and closed at stop.
     */
    public <T> TopicDStream<T> chronicleTopic(final Path queueDir, final TopicStart start, final Codec<T> codec)
    {
        return new TopicDStream<>(this, new io.sluice.internal.topic.TopicInputNode<>(graph,
            Objects.requireNonNull(queueDir, "queueDir"), Objects.requireNonNull(start, "start"),
            Objects.requireNonNull(codec, "codec"), clock));
    }

    /**
     * Starts generating batches. INITIALIZED: validates the graph (at least one output operation; a checkpoint
     * directory for stateful operators), starts receivers and the scheduler. ACTIVE: nothing happens. STOPPED:
     * {@link IllegalStateException}. If starting fails, the context is STOPPED and the failure rethrown.
     */
    public synchronized void start()
    {
        switch (state)
        {
            case ACTIVE ->
            {
                return;
            }
            case STOPPED -> throw new IllegalStateException("StreamingContext has already been stopped; "
                + "create a new StreamingContext to start again");
            default ->
            {
            }
        }
        if (!ACTIVE.compareAndSet(null, this))
        {
            throw new IllegalStateException("Only one StreamingContext may be started in this JVM. "
                + "Stop the running StreamingContext (" + ACTIVE.get().appName + ") before starting a new one.");
        }
        try
        {
            graph.hasCheckpointDir(checkpointDir != null);
            observability = io.sluice.internal.ui.ContextObservability.open(appName, config,
                batchInterval.toMillis(), runtime.bus(), runtime.engineView(() -> state.name()));
            runtime.start(dataDir, checkpointDir, clock instanceof AdvanceSource source ? source : null);
            state = StreamingContextState.ACTIVE;
            addShutdownHook();
        }
        catch (final RuntimeException | Error ex)
        {
            closeObservability();
            runtime.stop(false);
            state = StreamingContextState.STOPPED;
            ACTIVE.compareAndSet(this, null);
            throw ex;
        }
    }

    /** Stops without waiting for received data to be processed (Spark's default). Idempotent. */
    public void stop()
    {
        stop(false);
    }

    /**
     * Stops the context. Receivers stop first. Graceful: every record already accepted is cut into a last batch
     * and every generated batch is processed, bounded by {@code sluice.stop.gracefulTimeout}: when it runs out, the
     * running output operation finishes, the batches still queued are not run, and the log (logger
     * {@code io.sluice.internal.scheduler.JobScheduler}) says how many and with how many records (they stay in the
     * ingest log: a restart on the same checkpoint directory runs them). Not graceful: the running output operation
     * finishes; the rest of its batch and the queued batches are not run. Idempotent. Throws
     * {@link IllegalStateException} on the listener thread. Called from an output operation (on the job thread), it
     * returns at once and the stop goes on on a thread of its own ({@link #awaitTermination} waits for it).
     */
    public void stop(final boolean gracefully)
    {
        if (runtime.bus().isBusThread())
        {
            throw new IllegalStateException("Cannot stop StreamingContext within listener bus thread. "
                + "Stop it from another thread.");
        }
        if (runtime.isJobThread())
        {
            // Called from an output operation: a stop cannot wait for the job it runs in. It goes on on a thread of
            // its own and this call returns at once; not graceful: the batch's remaining outputs and the queued
            // batches do not run (set now, before the next output could start); graceful: they all run first.
            if (!gracefully)
            {
                runtime.dropQueuedJobs();
            }
            final Thread stopper = new Thread(() -> stop(gracefully), "sluice-stop-from-job");
            stopper.start();
            return;
        }
        synchronized (this)
        {
            if (state == StreamingContextState.STOPPED)
            {
                return;
            }
            final boolean wasActive = state == StreamingContextState.ACTIVE;
            state = StreamingContextState.STOPPED;
            try
            {
                if (wasActive)
                {
                    runtime.stop(gracefully);
                    LOG.info("StreamingContext '{}' stopped{}", appName, gracefully ? " gracefully" : "");
                }
            }
            finally
            {
                removeShutdownHook();
                closeObservability();
                ACTIVE.compareAndSet(this, null);
                runtime.terminated();
            }
        }
    }

    /**
     * The address of this context's streaming UI ({@code http://127.0.0.1:4040/streaming/}) while it runs, empty
     * before start, after stop and with {@code sluice.ui.enabled=false} (Spark's {@code uiWebUrl}).
     */
    public java.util.Optional<String> uiWebUrl()
    {
        final io.sluice.internal.ui.ContextObservability o = observability;
        return o == null ? java.util.Optional.empty() : o.url();
    }

    /** Spark's shutdown hook: a started context stops when the JVM shuts down ({@code sluice.stop.onShutdown}). */
    private void addShutdownHook()
    {
        if (!config.isStopOnShutdown())
        {
            return;
        }
        final boolean graceful = config.isGracefulOnShutdown();
        final Thread hook = new Thread(() ->
        {
            LOG.info("JVM shutting down: stopping StreamingContext '{}'{}", appName, graceful ? " gracefully" : "");
            stop(graceful);
        }, "sluice-shutdown-" + appName);
        try
        {
            Runtime.getRuntime().addShutdownHook(hook);
            shutdownHook = hook;
        }
        catch (final IllegalStateException shuttingDown)
        {
            // the JVM is already shutting down: nothing to hook
        }
    }

    private void removeShutdownHook()
    {
        final Thread hook = shutdownHook;
        shutdownHook = null;
        if (hook != null && Thread.currentThread() != hook)
        {
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the JVM is shutting down: the hook runs (and finds the context stopped) or has run
            }
        }
    }

    private void closeObservability()
    {
        final io.sluice.internal.ui.ContextObservability o = observability;
        observability = null;
        if (o != null)
        {
            o.close();
        }
    }

    /**
     * Waits until the context stops. A batch failure ({@link SluiceException}) reported before or while it waits is
     * thrown; each failure is thrown once, oldest first (Spark throws its first one on every call), so a loop of
     * {@code awaitTermination} calls sees every failure and then returns when the context has stopped.
     */
    public void awaitTermination() throws InterruptedException
    {
        runtime.awaitTermination(-1);
    }

    /**
     * Waits at most {@code timeout}; true if the context stopped, false if the time ran out. Throws the oldest batch
     * failure not yet thrown, as {@link #awaitTermination()}.
     */
    public boolean awaitTerminationOrTimeout(final Duration timeout) throws InterruptedException
    {
        return runtime.awaitTermination(Math.max(0, timeout.toMillis()));
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close()
    {
        stop();
    }

    /** persist()/cache() of any stream: only before start (Spark's UnsupportedOperationException after). */
    void requireStorageChangeAllowed()
    {
        if (state != StreamingContextState.INITIALIZED)
        {
            throw new UnsupportedOperationException("Cannot change storage level of a DStream after streaming context "
                + "has started; call persist() before start()");
        }
    }

    Graph graph()
    {
        return graph;
    }

    ContextRuntime runtime()
    {
        return runtime;
    }
}
