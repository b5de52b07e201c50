package io.sluice.api;

import io.sluice.internal.receiver.ReceiverSupervisor;

import java.util.Iterator;

/**
 * A source of records for {@link StreamingContext#receiverStream}. Contract (Spark's): {@link #onStart()} must
 * not block — start your own threads there and have them loop while {@code !isStopped()}; {@link #onStop()}
 * releases what {@code onStart} took. Records handed to {@code store} are appended to the stream's log and are
 * in exactly one batch.
 *
 * <p>{@code store} may be called from any number of threads; it blocks while the ingest ring is full
 * (backpressure) and is limited to {@code sluice.receiver.maxRate} records per second. A record that cannot be
 * encoded (larger than {@code sluice.ring.slotBytes}) makes {@code store} throw {@link IllegalArgumentException};
 * use {@link #storeDeadLetter} for input you reject.
 */
public abstract class Receiver<T>
{
    private volatile ReceiverSupervisor<T> supervisor;

    /** Starts receiving: spawn the threads that call {@code store}; return promptly. */
    public abstract void onStart();

    /** Stops receiving: close sockets and files so the threads started in {@link #onStart()} end. */
    public abstract void onStop();

    /** Stores one record (throttled by the receiver's max rate). */
    public final void store(final T record)
    {
        supervisor().store(record);
    }

    /** Stores records in one go; returns once all are in the ingest ring. Not throttled (as in Spark). */
    public final void store(final Iterator<T> records)
    {
        supervisor().store(records);
    }

    /**
     * Stores records and returns only once they are in the log (Spark's reliable {@code store(ArrayBuffer)}): a
     * receiver that acknowledges its source (a message broker, a file it then marks done) calls this first, so a
     * crash after the acknowledgement loses nothing: the records are in the log and recovery processes them. The
     * log survives a process crash, not a power loss. Not throttled.
     */
    public final void storeDurably(final Iterator<T> records)
    {
        supervisor().storeDurably(records);
    }

    /** Waits until every record this context's receivers stored so far is in the log (see {@link #storeDurably}). */
    public final void awaitDurable()
    {
        supervisor().awaitDurable();
    }

    /**
     * A directory, kept with the context's data directory across restarts, where this receiver may record what it
     * has taken from its source (files read, offsets); {@code null} before the context starts. May not exist yet.
     */
    protected final java.nio.file.Path sourceStateDir()
    {
        final ReceiverSupervisor<T> s = supervisor;
        return s == null ? null : s.sourceStateDir();
    }

    /**
     * The log's position after every record this stream holds (call after {@link #storeDurably} or
     * {@link #awaitDurable}); with {@link #recordsLoggedAfter} a receiver that is its stream's only producer finds,
     * after a crash, how many of the records it was storing reached the log.
     */
    protected final long logPosition()
    {
        return supervisor().writer().lastIndex();
    }

    /** How many records of this stream the log holds after {@code position} (from {@link #logPosition()}). */
    protected final long recordsLoggedAfter(final long position)
    {
        return supervisor().writer().recordsAfter(position);
    }

    /**
     * Keeps a record that the receiver rejects (malformed input) in the context's dead-letter queue with the
     * reason, instead of dropping it. See {@link StreamingContext#deadLetters()}.
     */
    public final void storeDeadLetter(final String record, final String reason)
    {
        supervisor().deadLetter(record, reason);
    }

    /** Restarts asynchronously: {@code onStop()}, then after {@code sluice.receiver.restartDelay}, {@code onStart()}. */
    public final void restart(final String reason)
    {
        supervisor().restart(reason, null);
    }

    public final void restart(final String reason, final Throwable error)
    {
        supervisor().restart(reason, error);
    }

    /** Stops this receiver for good (the context keeps running). */
    public final void stop(final String message)
    {
        supervisor().stopReceiver(message, null);
    }

    /** Reports an error to listeners ({@code onReceiverError}) and keeps running. */
    public final void reportError(final String message, final Throwable error)
    {
        supervisor().reportError(message, error);
    }

    /** True once the receiver was asked to stop or restart; receiving threads should then end. */
    public final boolean isStopped()
    {
        final ReceiverSupervisor<T> s = supervisor;
        return s == null || s.isReceiverStopped();
    }

    /** The input stream id this receiver feeds; -1 before the context starts. */
    public final int streamId()
    {
        final ReceiverSupervisor<T> s = supervisor;
        return s == null ? -1 : s.streamId();
    }

    final void attach(final ReceiverSupervisor<T> supervisor)
    {
        if (this.supervisor != null)
        {
            throw new IllegalStateException("this receiver instance is already used by a context; "
                + "give each receiverStream its own Receiver instance");
        }
        this.supervisor = supervisor;
    }

    /** For {@link LongReceiver}'s primitive store. */
    final ReceiverSupervisor<T> supervisorForStore()
    {
        return supervisor();
    }

    private ReceiverSupervisor<T> supervisor()
    {
        final ReceiverSupervisor<T> s = supervisor;
        if (s == null)
        {
            throw new IllegalStateException("receiver is not started: store() may only be called after onStart()");
        }
        return s;
    }
}
