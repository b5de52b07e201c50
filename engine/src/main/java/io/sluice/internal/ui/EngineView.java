package io.sluice.internal.ui;

import io.sluice.api.DeadLetter;

import java.util.List;

/**
 * What the UI and the metrics read from the running engine besides listener events (Sluice's own figures). Called from
 * the UI server's thread and JMX; each call must be cheap and thread-safe.
 */
public interface EngineView
{
    /** Records accepted from receivers into the ingest ring, all streams. */
    long recordsAccepted();

    /** Ingest ring slots the log writer has not yet appended (0 without receivers). */
    long ringSlotsInUse();

    /** The ingest ring's size in slots (0 without receivers). */
    long ringSlots();

    /** Stores that found the ingest ring full (they waited, or were refused with {@code fail}). */
    long ringFullWaits();

    /** Encoded record bytes the log writer appended to the stream queues. */
    long bytesLogged();

    /** Dead letters kept in the data directory (this run's and earlier ones'). */
    long deadLetters();

    /** Dead letters refused once the cap was reached (counted, not kept). */
    long deadLetterOverflow();

    /** The newest dead letters, newest last, at most {@code max}. */
    List<DeadLetter> latestDeadLetters(int max);

    /** The snapshot time the last start restored, or {@link Long#MIN_VALUE}. */
    long restoredSnapshotTime();

    /** Whether the context writes state snapshots (it has a checkpoint directory and stateful operators). */
    boolean isCheckpointing();

    /** One stateful operator: its stable id, kind and the keys it holds after its last batch (-1: not counted). */
    record StateInfo(String id, String kind, long keys)
    {
    }

    /** Every stateful operator of the graph. */
    List<StateInfo> stateSizes();

    /** The last snapshot written or restored: batch time ({@link Long#MIN_VALUE}: none), duration, bytes. */
    record SnapshotInfo(long batchTime, long durationNanos, long captureNanos, long bytes)
    {
    }

    /** The last snapshot, or null when the context writes none. */
    SnapshotInfo lastSnapshot();

    /** Per input stream, the log range batch {@code time} read: while the engine still holds it, else empty. */
    List<io.sluice.internal.log.Segment> segments(long time);

    /** The data directory (for the log inspector's command line), or null before start. */
    String dataDir();

    /** The context's state name ({@code INITIALIZED}, {@code ACTIVE}, {@code STOPPED}). */
    String state();
}
