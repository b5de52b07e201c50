package io.sluice.internal.recovery;

import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.ManifestRecord;
import io.sluice.internal.log.Segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a context starting on an existing recovery log must do, read from the manifest: the zero time and batch
 * clock of the log's first run, every sealed batch in order, which outputs and batches completed, and where each
 * input stream's last sealed segment ends (what comes after it in the queue is the open batch of the crashed run).
 *
 * <p>Built once at start on the starting thread; immutable afterwards and read by the scheduler's threads.
 * Allocates in proportion to the manifest.
 */
public final class RecoveryPlan
{
    private final boolean hasHistory;
    private final long zeroTime;
    private final long lastSealedTime;
    private final long previousClockOffsetMs;
    private final List<BatchSegments> seals;
    private final Set<Long> batchesDone;
    private final Set<Long> outputsDone;
    private final List<Segment> lastNonEmpty;
    private final String tornTail;
    private final int runs;
    private final List<ManifestRecord.SnapshotDone> snapshots;
    private final java.util.Map<Integer, java.util.TreeMap<Long, ManifestRecord.Source>> sources =
        new java.util.HashMap<>();

    private RecoveryPlan(final boolean hasHistory, final long zeroTime, final long lastSealedTime,
        final long previousClockOffsetMs, final List<BatchSegments> seals, final Set<Long> batchesDone,
        final Set<Long> outputsDone, final List<Segment> lastNonEmpty, final String tornTail, final int runs,
        final List<ManifestRecord.SnapshotDone> snapshots)
    {
        this.snapshots = snapshots;
        this.hasHistory = hasHistory;
        this.zeroTime = zeroTime;
        this.lastSealedTime = lastSealedTime;
        this.previousClockOffsetMs = previousClockOffsetMs;
        this.seals = seals;
        this.batchesDone = batchesDone;
        this.outputsDone = outputsDone;
        this.lastNonEmpty = lastNonEmpty;
        this.tornTail = tornTail;
        this.runs = runs;
    }

    /**
     * Reads the plan from {@code contents}.
     *
     * @param batchMs     this context's batch interval: must equal the log's.
     * @param streamNames this context's input streams in id order: must equal the log's.
     * @throws IllegalStateException if the log was written with another interval or another number of receiver
     *                               input streams (streams are matched by position; names may change, e.g. a port).
     */
    public static RecoveryPlan read(final BatchManifest.Contents contents, final long batchMs,
        final List<String> streamNames, final String where)
    {
        ManifestRecord.Start first = null;
        ManifestRecord.Start last = null;
        final List<BatchSegments> seals = new ArrayList<>();
        final Set<Long> batchesDone = new HashSet<>();
        final Set<Long> outputsDone = new HashSet<>();
        int runs = 0;
        final List<ManifestRecord.SnapshotDone> snapshots = new ArrayList<>();
        final List<ManifestRecord.Source> sourceRecords = new ArrayList<>();
        for (final ManifestRecord record : contents.records())
        {
            if (record instanceof ManifestRecord.Start start)
            {
                if (first == null)
                {
                    first = start;
                }
                last = start;
                runs++;
            }
            else if (record instanceof ManifestRecord.Seal seal)
            {
                if (seals.isEmpty() || seal.batchTime() > seals.get(seals.size() - 1).batchTime())
                {
                    seals.add(seal.segments());
                }
            }
            else if (record instanceof ManifestRecord.BatchDone done)
            {
                batchesDone.add(done.batchTime());
            }
            else if (record instanceof ManifestRecord.OutputDone done)
            {
                outputsDone.add(key(done.batchTime(), done.outputId()));
            }
            else if (record instanceof ManifestRecord.SnapshotDone snapshot)
            {
                snapshots.add(snapshot);
            }
            else if (record instanceof ManifestRecord.Source source)
            {
                sourceRecords.add(source);
            }
        }
        final List<Segment> lastNonEmpty = new ArrayList<>(streamNames.size());
        for (int i = 0; i < streamNames.size(); i++)
        {
            lastNonEmpty.add(null);
        }
        if (first == null)
        {
            return new RecoveryPlan(false, Long.MIN_VALUE, Long.MIN_VALUE, 0, List.of(), Set.of(), Set.of(),
                lastNonEmpty, contents.tornTail(), 0, List.of());
        }
        if (first.batchMs() != batchMs)
        {
            throw new IllegalStateException("the recovery log in " + where + " was written with a batch interval of "
                + first.batchMs() + " ms, this context's is " + batchMs + " ms: recover with the same interval, or "
                + "start on a new checkpoint directory");
        }
        if (last.streams().size() != streamNames.size())
        {
            throw new IllegalStateException("the recovery log in " + where + " holds " + last.streams().size()
                + " receiver input streams " + last.streams() + ", this context has " + streamNames.size() + " "
                + streamNames + ": recovery needs the same receiver inputs in the same order; start a changed set "
                + "of inputs on a new checkpoint directory");
        }
        for (final BatchSegments seal : seals)
        {
            for (final Segment segment : seal.segments())
            {
                if (!segment.isEmpty() && segment.streamId() < lastNonEmpty.size())
                {
                    lastNonEmpty.set(segment.streamId(), segment);
                }
            }
        }
        final long lastSealed = seals.isEmpty() ? Long.MIN_VALUE : seals.get(seals.size() - 1).batchTime();
        final RecoveryPlan plan = new RecoveryPlan(true, first.zeroTime(), lastSealed, last.clockOffsetMs(),
            List.copyOf(seals), batchesDone, outputsDone, lastNonEmpty, contents.tornTail(), runs,
            List.copyOf(snapshots));
        for (final ManifestRecord.Source source : sourceRecords)
        {
            plan.sources.computeIfAbsent(source.inputIndex(), i -> new java.util.TreeMap<>())
                .put(source.batchTime(), source);
        }
        return plan;
    }

    private static long key(final long time, final int outputId)
    {
        return time * 4096 + outputId;
    }

    /** Whether an earlier run started on this log. */
    public boolean hasHistory()
    {
        return hasHistory;
    }

    /** The log's zero time (its first run's); {@link Long#MIN_VALUE} without history. */
    public long zeroTime()
    {
        return zeroTime;
    }

    /** The last sealed batch time; {@link Long#MIN_VALUE} when none. */
    public long lastSealedTime()
    {
        return lastSealedTime;
    }

    /** The batch clock offset the previous run ran with. */
    public long previousClockOffsetMs()
    {
        return previousClockOffsetMs;
    }

    /** How many runs started on this log before this one. */
    public int runs()
    {
        return runs;
    }

    /** What input {@code inputIndex} (a topic) read per batch time, as recorded; empty when none. */
    public java.util.NavigableMap<Long, ManifestRecord.Source> sources(final int inputIndex)
    {
        return sources.getOrDefault(inputIndex, new java.util.TreeMap<>());
    }

    /** The snapshots the manifest records as durable, oldest first. */
    public List<ManifestRecord.SnapshotDone> snapshots()
    {
        return snapshots;
    }

    /** Every sealed batch, in time order. */
    public List<BatchSegments> seals()
    {
        return seals;
    }

    public boolean isBatchDone(final long time)
    {
        return batchesDone.contains(time);
    }

    public boolean isOutputDone(final long time, final int outputId)
    {
        return batchesDone.contains(time) || outputsDone.contains(key(time, outputId));
    }

    /** The last non-empty sealed segment of {@code streamId}, or {@code null}. */
    public Segment lastNonEmptySegment(final int streamId)
    {
        return lastNonEmpty.get(streamId);
    }

    /** Why the manifest was read only up to some record, or {@code null} when it was read whole. */
    public String tornTail()
    {
        return tornTail;
    }
}
