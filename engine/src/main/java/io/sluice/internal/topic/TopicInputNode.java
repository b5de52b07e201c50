package io.sluice.internal.topic;

import io.sluice.api.Clock;
import io.sluice.api.Codec;
import io.sluice.api.SluiceException;
import io.sluice.api.TopicStart;
import io.sluice.internal.context.AdvanceSource;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * {@code chronicleTopic}: tails a Chronicle queue that other processes append to. When the clock crosses batch time
 * {@code t} the node cuts: batch {@code t} is the index range {@code (previous cut, last index now]}, recorded
 * before any job of {@code t} reads it, so reading batch {@code t} again gives the same records. Cuts happen on
 * the ManualClock's caller (before the clock shows the new time) or, with any other clock, on a timer thread of
 * this node. A job reads its range with a fresh tailer and decodes the record documents (markers are skipped).
 *
 * <p>Thread contract: {@link #start}/{@link #stop} from the context; cuts under this object's monitor; reads from
 * any job thread.
 */
public final class TopicInputNode<T> extends InputNode<T>
{
    private static final long CUT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long DOCUMENT_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final int MAX_REMEMBERED_CUTS = 100_000;

    /** The documents of one batch: indexes in {@code (afterIndex, lastIndex]}; NONE = before the first. */
    private record Range(long afterIndex, long lastIndex)
    {
        boolean isEmpty()
        {
            return lastIndex == afterIndex;
        }
    }

    private final Path dir;
    private final TopicStart start;
    private final Codec<T> codec;
    private final Clock clock;
    private final ConcurrentSkipListMap<Long, Range> cuts = new ConcurrentSkipListMap<>();

    private SingleChronicleQueue queue;
    private long cursor;
    private long nextCutTime;
    private long startIndex;
    private boolean isStopped;
    private AdvanceSource source;
    private LongConsumer advanceListener;
    private Thread timer;
    private volatile long clockOffsetMs;
    private java.util.NavigableMap<Long, long[]> recovered;
    private long firstNewBatchTime = Long.MIN_VALUE;

    public TopicInputNode(final Graph graph, final Path dir, final TopicStart start, final Codec<T> codec,
        final Clock clock)
    {
        super(graph);
        this.dir = dir;
        this.start = start;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public synchronized void start()
    {
        queue = TopicQueues.open(dir);
        cursor = TopicQueues.NONE;
        if (start.isBeginning())
        {
            cursor = TopicQueues.NONE;
        }
        else if (start.isEnd())
        {
            cursor = lastIndex();
        }
        else
        {
            cursor = start.lastConsumedIndex();
            try (ExcerptTailer tailer = queue.createTailer())
            {
                if (!tailer.moveToIndex(cursor))
                {
                    throw new IllegalArgumentException("topic " + dir + " has no document at index " + cursor
                        + " (start " + start + ")");
                }
            }
        }
        startIndex = cursor;
        nextCutTime = graph.zeroTime() + graph.batchMs();
        if (recovered != null)
        {
            // the recorded ranges of the batches cut before the crash; the first new batch starts after the last
            for (final Map.Entry<Long, long[]> entry : recovered.entrySet())
            {
                cuts.put(entry.getKey(), new Range(entry.getValue()[0], entry.getValue()[1]));
            }
            if (!recovered.isEmpty())
            {
                cursor = recovered.lastEntry().getValue()[1];
            }
            nextCutTime = firstNewBatchTime;
        }
        if (clock instanceof AdvanceSource advanceSource)
        {
            source = advanceSource;
            advanceListener = now -> cutUpTo(now - clockOffsetMs);
            source.addAdvanceListener(advanceListener);
        }
        else
        {
            timer = new Thread(this::timerLoop, "sluice-topic-cutter-" + dir.getFileName());
            timer.setDaemon(true);
            timer.start();
        }
        // a recovering context may already wait for a replayed batch's recorded range
        notifyAll();
    }

    /**
     * Recovery, before {@link #start()}: the ranges recorded for batches cut before a crash ({@code time -> (from,
     * to]}), re-read exactly when those batches run again; the next cut is {@code firstNewBatchTime}, starting after
     * the last recorded range (what arrived since is the first new batch's); the batch clock runs
     * {@code clockOffsetMs} behind the context's clock.
     */
    public synchronized void recover(final java.util.NavigableMap<Long, long[]> ranges, final long firstNewBatchTime,
        final long clockOffsetMs)
    {
        this.recovered = ranges;
        this.firstNewBatchTime = firstNewBatchTime;
        this.clockOffsetMs = clockOffsetMs;
    }

    /** The batch clock offset (non-zero after a recovery); set at start. */
    public void clockOffsetMs(final long offsetMs)
    {
        this.clockOffsetMs = offsetMs;
    }

    /**
     * The range cut for batch {@code time}, waiting for the cut ({@code null}: no cut at that time), as
     * {@code {from, to}}: for the manifest's source record. Generator thread.
     */
    public long[] rangeFor(final long time)
    {
        final Range range = awaitCut(time);
        return range == null ? null : new long[] {range.afterIndex(), range.lastIndex()};
    }

    @Override
    public void stop()
    {
        if (source != null)
        {
            source.removeAdvanceListener(advanceListener);
        }
        if (timer != null)
        {
            timer.interrupt();
        }
        synchronized (this)
        {
            isStopped = true;
            notifyAll();
        }
        if (timer != null)
        {
            try
            {
                timer.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this)
        {
            if (queue != null)
            {
                queue.close();
                queue = null;
            }
        }
    }

    private void timerLoop()
    {
        while (!Thread.currentThread().isInterrupted())
        {
            final long next;
            synchronized (this)
            {
                if (isStopped)
                {
                    return;
                }
                next = nextCutTime;
            }
            final long now = clock.millis() - clockOffsetMs;
            if (now >= next)
            {
                cutUpTo(now);
            }
            else
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(next - now));
            }
        }
    }

    /** Cuts every batch time up to {@code now} not cut yet. */
    private synchronized void cutUpTo(final long now)
    {
        if (isStopped || queue == null)
        {
            return;
        }
        while (nextCutTime <= now)
        {
            final long last = lastIndex();
            cuts.put(nextCutTime, new Range(cursor, last));
            cursor = last;
            nextCutTime += graph.batchMs();
        }
        while (cuts.size() > MAX_REMEMBERED_CUTS)
        {
            cuts.pollFirstEntry();
        }
        notifyAll();
    }

    private long lastIndex()
    {
        // an empty queue has no first index (MAX_VALUE); its lastIndex() is not a document's
        if (queue.firstIndex() == Long.MAX_VALUE)
        {
            return cursor;
        }
        final long last = queue.lastIndex();
        return last < 0 ? cursor : Math.max(last, cursor);
    }

    /**
     * The index of the last document in the batches up to {@code time} ({@link TopicQueues#NONE} when none).
     *
     * @throws IllegalStateException if {@code time} is not cut yet or no longer remembered.
     */
    public synchronized long lastIndexUpTo(final long time)
    {
        if (time >= nextCutTime)
        {
            throw new IllegalStateException("batch " + time + " ms of topic " + dir + " is not cut yet");
        }
        final Map.Entry<Long, Range> entry = cuts.floorEntry(time);
        if (entry != null)
        {
            return entry.getValue().lastIndex();
        }
        if (time < graph.zeroTime() + graph.batchMs())
        {
            return startIndex;
        }
        throw new IllegalStateException("batch " + time + " ms of topic " + dir + " is no longer remembered");
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final Range range = awaitCut(time);
        if (range == null || range.isEmpty())
        {
            return BatchData.empty(time);
        }
        return BatchData.lazy(time, true, () -> List.of(read(range)));
    }

    private synchronized Range awaitCut(final long time)
    {
        final long deadline = System.nanoTime() + CUT_WAIT_NANOS;
        while (nextCutTime <= time && !isStopped)
        {
            final long left = deadline - System.nanoTime();
            if (left <= 0)
            {
                throw new SluiceException("topic " + dir + ": batch " + time + " ms was never cut");
            }
            try
            {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new SluiceException("interrupted waiting for the cut of " + time + " ms of topic " + dir, ex);
            }
        }
        return cuts.get(time);
    }

    private List<T> read(final Range range)
    {
        final List<T> records = new ArrayList<>();
        final UnsafeBuffer flyweight = new UnsafeBuffer(0, 0);
        final SingleChronicleQueue queue;
        synchronized (this)
        {
            queue = this.queue;
        }
        if (queue == null)
        {
            throw new SluiceException("topic " + dir + " is closed: the context stopped");
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (range.afterIndex() == TopicQueues.NONE)
            {
                tailer.toStart();
            }
            else
            {
                if (!tailer.moveToIndex(range.afterIndex()))
                {
                    throw new SluiceException("topic " + dir + " no longer holds index " + range.afterIndex());
                }
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        throw new SluiceException("topic " + dir + " no longer holds index " + range.afterIndex());
                    }
                }
            }
            final long deadline = System.nanoTime() + DOCUMENT_WAIT_NANOS;
            boolean isDone = false;
            while (!isDone)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        // the cut saw a document its writer is still finishing
                        if (System.nanoTime() > deadline)
                        {
                            throw new SluiceException("topic " + dir + ": document " + range.lastIndex()
                                + " was cut but never completed");
                        }
                        Thread.onSpinWait();
                        continue;
                    }
                    final long index = dc.index();
                    if (index > range.lastIndex())
                    {
                        dc.rollbackOnClose();
                        break;
                    }
                    isDone = index == range.lastIndex();
                    TopicQueues.wrap(dc, flyweight);
                    final int length = flyweight.capacity();
                    if (length > 0 && flyweight.getByte(TopicDescriptor.KIND_OFFSET) == TopicDescriptor.RECORD_KIND)
                    {
                        records.add(codec.decode(flyweight, TopicDescriptor.PAYLOAD_OFFSET,
                            length - TopicDescriptor.PAYLOAD_OFFSET));
                    }
                }
            }
        }
        return records;
    }

    @Override
    public String name()
    {
        return "ChronicleTopic " + dir;
    }
}
