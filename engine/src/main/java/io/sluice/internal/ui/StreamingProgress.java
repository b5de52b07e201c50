package io.sluice.internal.ui;

import io.sluice.api.BatchInfo;
import io.sluice.api.OutputOperationInfo;
import io.sluice.api.ReceiverInfo;
import io.sluice.api.StreamingListener;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark's {@code StreamingJobProgressListener}: what the streaming UI, its JSON API and the metrics show. It keeps the
 * waiting and running batches, the last {@code retained} completed ones (older ones are forgotten: memory is bounded),
 * each receiver's last state and the running totals, and feeds the delay histograms once per completed batch.
 *
 * <p>Threads: events arrive on the listener thread; the UI server reads from its own thread. Every method takes this
 * object's lock; reads copy. Nothing here runs on the per-record path.
 */
public final class StreamingProgress implements StreamingListener
{
    private final int retained;
    private final long batchMs;
    private final TreeMap<Long, BatchInfo> waiting = new TreeMap<>();
    private final TreeMap<Long, BatchInfo> running = new TreeMap<>();
    private final ArrayDeque<BatchInfo> completed = new ArrayDeque<>();
    private final TreeMap<Integer, ReceiverState> receivers = new TreeMap<>();
    private final TreeMap<Long, List<io.sluice.internal.log.Segment>> segments = new TreeMap<>();
    private final EngineView engine;
    private final LatencyHistogram schedulingDelay = new LatencyHistogram();
    private final LatencyHistogram processingTime = new LatencyHistogram();
    private final LatencyHistogram totalDelay = new LatencyHistogram();
    private long startTime = -1;
    private long totalCompletedBatches;
    private long totalReceivedRecords;
    private long totalProcessedRecords;
    private long failedBatches;
    private BatchInfo lastCompleted;
    private String fatalError;

    /** A receiver as the UI shows it: its last event and when its last error came. */
    public record ReceiverState(ReceiverInfo info, long lastErrorTime)
    {
    }

    public StreamingProgress(final int retained, final long batchMs)
    {
        this(retained, batchMs, null);
    }

    /** @param engine where each batch's log ranges are read at submission (null: none are recorded) */
    public StreamingProgress(final int retained, final long batchMs, final EngineView engine)
    {
        this.engine = engine;
        if (retained < 1)
        {
            throw new IllegalArgumentException("retained batches must be >= 1, was " + retained);
        }
        this.retained = retained;
        this.batchMs = batchMs;
    }

    public long batchMs()
    {
        return batchMs;
    }

    @Override
    public synchronized void onStreamingStarted(final long time)
    {
        startTime = time;
    }

    @Override
    public synchronized void onReceiverStarted(final ReceiverInfo info)
    {
        final ReceiverState previous = receivers.get(info.streamId());
        receivers.put(info.streamId(), new ReceiverState(info, previous == null ? -1 : previous.lastErrorTime()));
    }

    @Override
    public synchronized void onReceiverError(final ReceiverInfo info)
    {
        receivers.put(info.streamId(), new ReceiverState(info, lastEventTime()));
    }

    @Override
    public synchronized void onReceiverStopped(final ReceiverInfo info)
    {
        final ReceiverState previous = receivers.get(info.streamId());
        receivers.put(info.streamId(), new ReceiverState(info, previous == null ? -1 : previous.lastErrorTime()));
    }

    @Override
    public synchronized void onBatchSubmitted(final BatchInfo info)
    {
        waiting.put(info.batchTime().milliseconds(), info);
        totalReceivedRecords += info.numRecords();
        if (engine != null)
        {
            final List<io.sluice.internal.log.Segment> read = engine.segments(info.batchTime().milliseconds());
            if (!read.isEmpty())
            {
                segments.put(info.batchTime().milliseconds(), read);
            }
        }
    }

    @Override
    public synchronized void onBatchStarted(final BatchInfo info)
    {
        final long time = info.batchTime().milliseconds();
        waiting.remove(time);
        running.put(time, info);
    }

    @Override
    public synchronized void onOutputOperationCompleted(final OutputOperationInfo info)
    {
        final long time = info.batchTime().milliseconds();
        final BatchInfo batch = running.get(time);
        if (batch != null)
        {
            final List<OutputOperationInfo> ops = new ArrayList<>(batch.outputOperationInfos());
            ops.removeIf(op -> op.id() == info.id());
            ops.add(info);
            ops.sort((a, b) -> Integer.compare(a.id(), b.id()));
            running.put(time, new BatchInfo(batch.batchTime(), batch.numRecords(), batch.schedulingDelay(),
                batch.processingDelay(), batch.totalDelay(), batch.submissionTime(), batch.processingStartTime(),
                batch.processingEndTime(), batch.streamIdToNumRecords(), List.copyOf(ops)));
        }
    }

    @Override
    public synchronized void onBatchCompleted(final BatchInfo info)
    {
        final long time = info.batchTime().milliseconds();
        waiting.remove(time);
        running.remove(time);
        completed.addLast(info);
        while (completed.size() > retained)
        {
            segments.headMap(completed.removeFirst().batchTime().milliseconds(), true).clear();
        }
        totalCompletedBatches++;
        totalProcessedRecords += info.numRecords();
        if (info.outputOperationInfos().stream().anyMatch(op -> op.failureReason().isPresent()))
        {
            failedBatches++;
        }
        lastCompleted = info;
        info.schedulingDelay().ifPresent(d -> schedulingDelay.observeMicros(d.toNanos() / 1000));
        info.processingDelay().ifPresent(d -> processingTime.observeMicros(d.toNanos() / 1000));
        info.totalDelay().ifPresent(d -> totalDelay.observeMicros(d.toNanos() / 1000));
    }

    @Override
    public synchronized void onStreamingFailed(final long time, final Throwable cause)
    {
        fatalError = String.valueOf(cause.getMessage());
    }

    private long lastEventTime()
    {
        return lastCompleted == null ? startTime : lastCompleted.processingEndTime().orElse(startTime);
    }

    public synchronized long startTime()
    {
        return startTime;
    }

    public synchronized long totalCompletedBatches()
    {
        return totalCompletedBatches;
    }

    public synchronized long totalReceivedRecords()
    {
        return totalReceivedRecords;
    }

    public synchronized long totalProcessedRecords()
    {
        return totalProcessedRecords;
    }

    public synchronized long failedBatches()
    {
        return failedBatches;
    }

    public synchronized int waitingBatches()
    {
        return waiting.size();
    }

    public synchronized int runningBatches()
    {
        return running.size();
    }

    /** The fatal failure that stopped the context, or null. */
    public synchronized String fatalError()
    {
        return fatalError;
    }

    /** The last completed batch, or null. */
    public synchronized BatchInfo lastCompleted()
    {
        return lastCompleted;
    }

    /** The retained completed batches, oldest first. */
    public synchronized List<BatchInfo> completed()
    {
        return new ArrayList<>(completed);
    }

    /** Running batches then waiting ones, oldest first within each. */
    public synchronized List<BatchInfo> active()
    {
        final List<BatchInfo> out = new ArrayList<>(running.values());
        out.addAll(waiting.values());
        return out;
    }

    public synchronized boolean isRunning(final long time)
    {
        return running.containsKey(time);
    }

    /** The batch of time {@code time} (running, waiting or retained), or null. */
    public synchronized BatchInfo batch(final long time)
    {
        final BatchInfo active = running.containsKey(time) ? running.get(time) : waiting.get(time);
        if (active != null)
        {
            return active;
        }
        for (final BatchInfo info : completed)
        {
            if (info.batchTime().milliseconds() == time)
            {
                return info;
            }
        }
        return null;
    }

    /** The log ranges batch {@code time} read (per input stream with records), empty when not known. */
    public synchronized List<io.sluice.internal.log.Segment> segments(final long time)
    {
        return segments.getOrDefault(time, List.of());
    }

    /** Receivers whose last event says they run. */
    public synchronized int activeReceivers()
    {
        int n = 0;
        for (final ReceiverState state : receivers.values())
        {
            if (state.info().active())
            {
                n++;
            }
        }
        return n;
    }

    public synchronized Map<Integer, ReceiverState> receivers()
    {
        return new TreeMap<>(receivers);
    }

    public LatencyHistogram schedulingDelay()
    {
        return schedulingDelay;
    }

    public LatencyHistogram processingTime()
    {
        return processingTime;
    }

    public LatencyHistogram totalDelay()
    {
        return totalDelay;
    }
}
