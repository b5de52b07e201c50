package io.sluice.internal.ingest;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.sluice.api.Codec;
import io.sluice.internal.log.AppendListener;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.ChronicleSetup;
import io.sluice.internal.log.LogQueues;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.log.TrailingDocuments;
import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The ingest path: receiver threads {@link StreamWriter#store store} records into a multi-producer Disruptor ring
 * of preallocated off-heap slots; one log-writer thread ("sluice-log-writer") drains it into one Chronicle queue
 * per input stream, many records per document; a {@link #cut(long)} published into the ring marks a batch
 * boundary, so ring order decides which batch a record belongs to, and the log writer records each batch's
 * per-stream {@link io.sluice.internal.log.Segment segments} in the manifest before completing it.
 *
 * <pre>
 *  dataDir/streams/&lt;streamId&gt;/   one Chronicle queue per input stream (blocks, see BlockDescriptor)
 *  dataDir/manifest/             one document per cut (see ManifestDescriptor)
 * </pre>
 *
 * <p>Lifecycle: construct, {@link #registerStream} every input stream, {@link #start()}, then {@link #writer},
 * {@link #cut}, {@link #awaitSegments}, {@link #reader} from any thread (see each method), finally
 * {@link #close()}. Records stored after the last cut are in the queues after close but in no segment: cut
 * before close to give them a batch.
 *
 * <p>Memory: the ring is {@code sluice.ring.size x sluice.ring.slotBytes} of off-heap memory and each stream has a
 * {@code sluice.log.blockBytes} block, all from {@link OffHeapAllocator} and freed by {@link #close()}.
 */
public final class IngestPipeline implements AutoCloseable
{
    static
    {
        ChronicleSetup.ensure();
    }

    /** Name of the log-writer thread. */
    public static final String LOG_WRITER_THREAD_NAME = "sluice-log-writer";

    /** Directory of the input queues under the data directory. */
    public static final String STREAMS_DIR_NAME = "streams";

    /** Directory of the manifest queue under the data directory. */
    public static final String MANIFEST_DIR_NAME = "manifest";

    /** Most slots {@code store(Iterator)} claims at once. */
    static final int MAX_BATCH_CLAIM = 256;

    private static final int SPINS = 100;
    private static final int YIELDS = 100;
    private static final long MIN_PARK_NANOS = 1_000L;
    private static final long MAX_PARK_NANOS = 50_000L;

    private final IngestConfig config;
    private final RollCycle rollCycle;
    private final TimeProvider timeProvider;
    private final Path dataDir;
    private final RingBuffer<IngestSlot> ring;
    private final long ringAddress;
    private final long ringBytes;
    private final RingFullPolicy ringFullPolicy;
    private final List<String> streamNames = new ArrayList<>();
    private final List<SingleChronicleQueue> queues = new ArrayList<>();
    private final List<LongAdder> acceptedByStream = new ArrayList<>();
    private final LongAdder ringFullWaits = new LongAdder();
    private final List<SegmentReader> readers = new ArrayList<>();
    private final BatchCompletions completions = new BatchCompletions();
    private final CountDownLatch shutdownMarkerReached = new CountDownLatch(1);
    private final BatchManifest manifest;
    private final boolean isManifestOwned;
    private final List<Segment> carried = new ArrayList<>();

    private final BatchEventProcessor<IngestSlot> processor;
    private final LogWriter logWriter;
    private Thread writerThread;
    private volatile boolean isStarted;
    private volatile boolean isClosing;
    private volatile Throwable failure;
    private volatile boolean isClosed;
    private volatile AppendListener appendListener = AppendListener.NONE;
    private volatile java.util.function.Consumer<Throwable> failureListener = cause -> { };

    /**
     * Opens (creating them if needed) the manifest under {@code dataDir} and allocates the ring.
     *
     * @param dataDir an existing directory, owned by this pipeline.
     */
    public IngestPipeline(final IngestConfig config, final Path dataDir)
    {
        this(config, dataDir, config.rollCycle(), SystemTimeProvider.INSTANCE, null);
    }

    /**
     * As {@link #IngestPipeline(IngestConfig, Path)}, writing seals into {@code manifest}, which the caller owns (the
     * context's recovery log, shared with the scheduler): {@link #close()} leaves it open.
     */
    public IngestPipeline(final IngestConfig config, final Path dataDir, final BatchManifest manifest)
    {
        this(config, dataDir, config.rollCycle(), SystemTimeProvider.INSTANCE, manifest);
    }

    /**
     * As {@link #IngestPipeline(IngestConfig, Path, BatchManifest)}, the queues rolling by {@code timeProvider}'s
     * clock (the context's: a ManualClock rolls them in tests).
     */
    public IngestPipeline(final IngestConfig config, final Path dataDir, final BatchManifest manifest,
        final TimeProvider timeProvider)
    {
        this(config, dataDir, config.rollCycle(), timeProvider, manifest);
    }

    /**
     * As {@link #IngestPipeline(IngestConfig, Path)}, with the input queues rolling by {@code rollCycle} on
     * {@code timeProvider}'s clock: lets tests roll the queues to a new cycle on demand.
     */
    IngestPipeline(
        final IngestConfig config, final Path dataDir, final RollCycle rollCycle, final TimeProvider timeProvider)
    {
        this(config, dataDir, rollCycle, timeProvider, null);
    }

    private IngestPipeline(
        final IngestConfig config, final Path dataDir, final RollCycle rollCycle, final TimeProvider timeProvider,
        final BatchManifest sharedManifest)
    {
        if (!Files.isDirectory(dataDir))
        {
            throw new IllegalArgumentException("data directory " + dataDir + " does not exist: create it first");
        }
        this.config = config;
        this.dataDir = dataDir;
        this.rollCycle = rollCycle;
        this.timeProvider = timeProvider;
        this.ringFullPolicy = config.ringFullPolicy();
        final int slotBytes = config.slotBytes();
        final int ringSize = config.ringSize();
        this.ring = RingBuffer.createMultiProducer(IngestSlot::new, ringSize, config.writerWaitPolicy().newWaitStrategy(
            config.maxParkMicros()));
        this.ringBytes = (long)ringSize * slotBytes;
        this.ringAddress = OffHeapAllocator.allocate(ringBytes);
        BatchManifest manifest = sharedManifest;
        try
        {
            if (null == manifest)
            {
                manifest = new BatchManifest(createDirectories(dataDir.resolve(MANIFEST_DIR_NAME)), rollCycle);
            }
        }
        catch (final RuntimeException ex)
        {
            OffHeapAllocator.free(ringAddress, ringBytes);
            throw ex;
        }
        this.manifest = manifest;
        this.isManifestOwned = null == sharedManifest;
        for (int i = 0; i < ringSize; i++)
        {
            ring.get(i).buffer.wrap(ringAddress + (long)i * slotBytes, slotBytes);
        }
        // Gate the ring on the writer from the start, so records stored before start() wait in the ring rather
        // than being overwritten (and adding the gate later would skip them).
        logWriter = new LogWriter(
            queues, carried, config.blockBytes(), manifest, completions, this::onShutdownMarker, this::onAppended);
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), logWriter);
        processor.setExceptionHandler(new FailureHandler());
        ring.addGatingSequences(processor.getSequence());
    }

    /**
     * Adds an input stream and opens its queue. Call before {@link #start()}, from the thread that constructed the
     * pipeline.
     *
     * @return the stream's id: 0 for the first, then 1, 2, ...
     */
    public int registerStream(final String name)
    {
        if (isStarted || isClosing)
        {
            throw new IllegalStateException("register every stream before start(): '" + name + "' came too late");
        }
        final int id = streamNames.size();
        final Path dir = createDirectories(dataDir.resolve(STREAMS_DIR_NAME).resolve(Integer.toString(id)));
        queues.add(LogQueues.open(dir, rollCycle, timeProvider));
        streamNames.add(name);
        carried.add(Segment.empty(id));
        acceptedByStream.add(new LongAdder());
        return id;
    }

    /**
     * Recovery: gives the documents {@code streamId}'s queue holds after {@code lastSealed} (its last non-empty sealed
     * segment, or {@code null} if none was ever sealed) to the first batch cut from now on, and returns them. Call
     * after {@link #registerStream} and before {@link #start()}.
     */
    public Segment carryOverAfter(final int streamId, final Segment lastSealed)
    {
        checkStream(streamId);
        if (isStarted)
        {
            throw new IllegalStateException("carry documents over before start()");
        }
        final Segment trailing = TrailingDocuments.after(streamId, queues.get(streamId), lastSealed);
        carried.set(streamId, trailing);
        return trailing;
    }

    /**
     * Retention: deletes {@code streamId}'s queue files of the cycles before the one holding {@code index} (the first
     * document recovery still needs). Any thread; the log writer's current cycle is never deleted.
     *
     * @return how many files were deleted.
     */
    public int deleteCyclesBefore(final int streamId, final long index)
    {
        checkStream(streamId);
        final SingleChronicleQueue queue = queues.get(streamId);
        return io.sluice.internal.log.CycleFiles.deleteBefore(queue, queue.rollCycle().toCycle(index));
    }

    /**
     * @return the name given to {@link #registerStream} for {@code streamId}.
     */
    public String streamName(final int streamId)
    {
        return streamNames.get(streamId);
    }

    /**
     * @return how many streams are registered.
     */
    public int streamCount()
    {
        return streamNames.size();
    }

    /**
     * @return the configuration this pipeline runs with.
     */
    public IngestConfig config()
    {
        return config;
    }

    /**
     * Sets who is told, on the log-writer thread, each time a block of records is appended to a queue (metrics,
     * latency measurement). Call before {@link #start()}.
     */
    public void appendListener(final AppendListener listener)
    {
        if (isStarted)
        {
            throw new IllegalStateException("set the append listener before start()");
        }
        appendListener = null == listener ? AppendListener.NONE : listener;
    }

    /**
     * Sets who is told, once, on the log-writer thread, when the log writer fails (a full disk, an unwritable
     * directory, a fault while mapping): the pipeline then accepts nothing more. Call before {@link #start()}.
     */
    public void failureListener(final java.util.function.Consumer<Throwable> listener)
    {
        failureListener = listener;
    }

    /**
     * Starts the log-writer thread. Call once, after registering the streams. Records stored before start wait in
     * the ring (and block or fail when it is full).
     */
    public synchronized void start()
    {
        if (isStarted)
        {
            throw new IllegalStateException("the ingest pipeline is already started");
        }
        if (isClosing)
        {
            throw new IllegalStateException("the ingest pipeline is closed");
        }
        writerThread = new Thread(processor, LOG_WRITER_THREAD_NAME);
        writerThread.setDaemon(true);
        isStarted = true;
        writerThread.start();
    }

    /**
     * @return a writer for {@code streamId} that encodes with {@code codec}. Writers are thread-safe and cheap;
     * any number may exist per stream. Call from any thread.
     */
    public <T> StreamWriter<T> writer(final int streamId, final Codec<T> codec)
    {
        checkStream(streamId);
        return new StreamWriter<>(this, ring, streamId, codec, config.slotBytes(), acceptedByStream.get(streamId));
    }

    /**
     * Marks a batch boundary: publishes a cut slot into the ring now, so every record published before it
     * belongs to this batch (or an earlier one) and every record after it to a later one. Returns once the cut is
     * published, not once it is written: {@link #awaitSegments} waits for that. Waits for space when the ring is
     * full, whatever the policy.
     *
     * <p>One thread at a time, batch times strictly increasing. Allocates nothing.
     *
     * @throws IllegalStateException if the pipeline is closing or the log writer failed.
     */
    public void cut(final long batchTime)
    {
        final long sequence = claimBlocking(1);
        final IngestSlot slot = ring.get(sequence);
        slot.type = IngestSlot.SKIP;
        try
        {
            checkAcceptingAfterClaim();
            slot.batchTime = batchTime;
            slot.type = IngestSlot.CUT;
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    /**
     * Waits until the log writer has written the manifest entry of the cut at {@code batchTime}, then returns its
     * segments. Any thread. The last {@value BatchCompletions#RETAINED} batches stay available.
     *
     * @throws LogWriterFailedException if the log writer failed (the cause is kept).
     * @throws IllegalArgumentException if a later cut completed and none was made at {@code batchTime}.
     * @throws IllegalStateException    if the pipeline closed before the cut was written.
     */
    public BatchSegments awaitSegments(final long batchTime) throws InterruptedException
    {
        return completions.await(batchTime);
    }

    /**
     * @return a new reader of {@code streamId}'s segments, for one consuming thread (see {@link SegmentReader}).
     * Readers are closed by {@link #close()} if their owner has not closed them.
     */
    public SegmentReader reader(final int streamId)
    {
        checkStream(streamId);
        final SegmentReader reader = new SegmentReader(streamId, queues.get(streamId));
        synchronized (readers)
        {
            readers.add(reader);
        }
        return reader;
    }

    /**
     * Waits until every record published to the ring before this call (by any thread) is appended to its queue: a
     * reliable receiver acknowledges its source after this returns. Appended means in the memory-mapped log, which
     * survives a process crash (not power loss). Any thread; spins, yields, then parks.
     *
     * @throws LogWriterFailedException if the log writer failed first.
     * @throws IllegalStateException    if the pipeline closed first.
     */
    public void awaitAppended()
    {
        final long target = ring.getCursor();
        long parkNanos = MIN_PARK_NANOS;
        int idle = 0;
        while (processor.getSequence().get() < target)
        {
            checkFailure();
            if (isClosed)
            {
                throw new IllegalStateException("the ingest pipeline closed before the records were appended");
            }
            if (idle < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (idle < SPINS + YIELDS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos << 1, MAX_PARK_NANOS);
            }
            idle++;
        }
    }

    /**
     * @return the Chronicle index of the last document in {@code streamId}'s queue, or -1 when it has none (with
     * {@link #awaitAppended()} first: the position after every record stored so far).
     */
    public long lastIndex(final int streamId)
    {
        checkStream(streamId);
        final long index = queues.get(streamId).lastIndex();
        return index < 0 ? -1 : index;
    }

    /**
     * @return how many records {@code streamId}'s queue holds after document {@code index} (-1: from its start).
     */
    public long recordsAfter(final int streamId, final long index)
    {
        checkStream(streamId);
        return io.sluice.internal.log.TrailingDocuments.recordsAfter(queues.get(streamId), index);
    }

    /**
     * Ring slots claimed by producers and not yet released by the log writer: what the writer still has to append
     * (its lag, in slots; each slot holds one record or a block). Any thread; a moment's reading.
     */
    public long ringSlotsInUse()
    {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /**
     * Stores that found the ring full: each waited for space ({@code block}) or was refused ({@code fail}). Any
     * thread.
     */
    public long ringFullWaits()
    {
        return ringFullWaits.sum();
    }

    /** Encoded record bytes the log writer has appended to the stream queues (without framing). Any thread. */
    public long bytesLogged()
    {
        return logWriter.bytesLogged();
    }

    /** The ring's size in slots ({@code sluice.ring.size}). */
    public int ringSlots()
    {
        return ring.getBufferSize();
    }

    /**
     * @return the records of {@code streamId} accepted so far (stores that returned normally).
     */
    public long acceptedRecords(final int streamId)
    {
        checkStream(streamId);
        return acceptedByStream.get(streamId).sum();
    }

    /**
     * Stops accepting records and cuts (stores and cuts then throw {@link IllegalStateException}), lets the log
     * writer drain everything already in the ring (accepted records are never lost: they reach their queue),
     * stops it, closes the queues and frees the off-heap memory. A pipeline never started is started to drain.
     * Producers caught in the middle of a store are waited for (a codec that never returns blocks close).
     * Idempotent; any thread.
     */
    public synchronized void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosing = true;
        try
        {
            if (!isStarted)
            {
                isClosing = false;
                start();
                isClosing = true;
            }
            if (null == failure)
            {
                final long sequence = claimForShutdown();
                if (sequence >= 0)
                {
                    ring.get(sequence).type = IngestSlot.SHUTDOWN;
                    ring.publish(sequence);
                    awaitShutdownMarkerOrFailure();
                }
            }
            processor.halt();
            joinWriter();
        }
        finally
        {
            isClosed = true;
            awaitInFlightProducers();
            completions.close();
            synchronized (readers)
            {
                for (final SegmentReader reader : readers)
                {
                    closeReader(reader);
                }
                readers.clear();
            }
            for (final SingleChronicleQueue queue : queues)
            {
                queue.close();
            }
            if (isManifestOwned)
            {
                manifest.close();
            }
            for (int i = 0, size = ring.getBufferSize(); i < size; i++)
            {
                ring.get(i).buffer.wrap(0, 0);
            }
            OffHeapAllocator.free(ringAddress, ringBytes);
        }
    }

    /**
     * Claims {@code n} slots per the ring-full policy.
     *
     * @return the highest claimed sequence.
     */
    long claim(final int n)
    {
        if (isClosing)
        {
            throw closedException();
        }
        if (RingFullPolicy.FAIL == ringFullPolicy)
        {
            try
            {
                return ring.tryNext(n);
            }
            catch (final InsufficientCapacityException ex)
            {
                checkFailure();
                ringFullWaits.increment();
                throw new RingFullException(ring.getBufferSize());
            }
        }
        return claimBlocking(n);
    }

    /**
     * Called by a producer holding a claimed slot, before it writes the slot: a claim made after
     * {@link #close()} began must not become a record, as the log writer may already have passed it.
     */
    void checkAcceptingAfterClaim()
    {
        if (isClosing)
        {
            throw closedException();
        }
    }

    private long claimBlocking(final int n)
    {
        int idle = 0;
        long parkNanos = MIN_PARK_NANOS;
        while (true)
        {
            try
            {
                return ring.tryNext(n);
            }
            catch (final InsufficientCapacityException ignore)
            {
                if (isClosing)
                {
                    throw closedException();
                }
                checkFailure();
                if (idle == 0)
                {
                    ringFullWaits.increment();   // only when the ring is full: never on the fast path
                }
                if (idle < SPINS)
                {
                    Thread.onSpinWait();
                }
                else if (idle < SPINS + YIELDS)
                {
                    Thread.yield();
                }
                else
                {
                    LockSupport.parkNanos(parkNanos);
                    parkNanos = Math.min(parkNanos << 1, MAX_PARK_NANOS);
                }
                idle++;
            }
        }
    }

    private long claimForShutdown()
    {
        long parkNanos = MIN_PARK_NANOS;
        while (null == failure)
        {
            try
            {
                return ring.tryNext();
            }
            catch (final InsufficientCapacityException ignore)
            {
                LockSupport.parkNanos(parkNanos);
                parkNanos = Math.min(parkNanos << 1, MAX_PARK_NANOS);
            }
        }
        return -1;
    }

    private void awaitShutdownMarkerOrFailure()
    {
        boolean isInterrupted = false;
        while (null == failure && shutdownMarkerReached.getCount() > 0)
        {
            try
            {
                shutdownMarkerReached.await();
            }
            catch (final InterruptedException ex)
            {
                isInterrupted = true;
            }
        }
        if (isInterrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeReader(final SegmentReader reader)
    {
        try
        {
            reader.close();
        }
        catch (final RuntimeException ignore)
        {
            // Chronicle may refuse to close a tailer from a thread other than its reader's; closing the queue
            // releases it anyway.
        }
    }

    private void onAppended(final int streamId, final long index, final int records)
    {
        appendListener.onAppended(streamId, index, records);
    }

    private void onShutdownMarker()
    {
        shutdownMarkerReached.countDown();
        processor.halt();
    }

    private void joinWriter()
    {
        boolean isInterrupted = false;
        while (writerThread.isAlive())
        {
            try
            {
                writerThread.join();
            }
            catch (final InterruptedException ex)
            {
                isInterrupted = true;
            }
        }
        if (isInterrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every slot claimed so far is published: a producer that claimed before {@code isClosing} was set
     * may still be encoding into ring memory, which must not be freed under it. Producers claiming later see
     * {@code isClosing} and never touch the memory.
     */
    private void awaitInFlightProducers()
    {
        final long cursor = ring.getCursor();
        for (long sequence = Math.max(0, cursor - ring.getBufferSize() + 1); sequence <= cursor; sequence++)
        {
            while (!ring.isAvailable(sequence))
            {
                Thread.yield();
            }
        }
    }

    private void checkStream(final int streamId)
    {
        if (streamId < 0 || streamId >= streamNames.size())
        {
            throw new IllegalArgumentException("unknown stream id " + streamId + ": registered ids are 0.." +
                (streamNames.size() - 1));
        }
    }

    private void checkFailure()
    {
        final Throwable failure = this.failure;
        if (null != failure)
        {
            throw new LogWriterFailedException(failure);
        }
    }

    private IllegalStateException closedException()
    {
        final Throwable failure = this.failure;
        return null != failure ?
            new LogWriterFailedException(failure) :
            new IllegalStateException("the ingest pipeline is closed: no more records or cuts are accepted");
    }

    private static Path createDirectories(final Path dir)
    {
        try
        {
            return Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir + ": check permissions and free space", ex);
        }
    }

    private final class FailureHandler implements ExceptionHandler<IngestSlot>
    {
        public void handleEventException(final Throwable ex, final long sequence, final IngestSlot event)
        {
            fail(ex);
        }

        public void handleOnStartException(final Throwable ex)
        {
            fail(ex);
        }

        public void handleOnShutdownException(final Throwable ex)
        {
            if (null == failure)
            {
                failure = ex;
            }
        }

        private void fail(final Throwable ex)
        {
            if (null == failure)
            {
                failure = ex;
            }
            // stop accepting: a record stored now could never reach the log (failure is set first, so producers
            // that see isClosing also see why)
            isClosing = true;
            completions.fail(ex);
            shutdownMarkerReached.countDown();
            processor.halt();
            try
            {
                failureListener.accept(ex);
            }
            catch (final RuntimeException ignore)
            {
                // the listener reports elsewhere; the pipeline is failed either way
            }
        }
    }
}
