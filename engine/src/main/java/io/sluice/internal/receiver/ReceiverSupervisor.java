package io.sluice.internal.receiver;

import io.sluice.api.ReceiverInfo;
import io.sluice.api.StreamingListener;
import io.sluice.internal.deadletter.DeadLetterQueue;
import io.sluice.internal.ingest.StreamWriter;
import io.sluice.internal.scheduler.ListenerBus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link io.sluice.api.Receiver}: calls its {@code onStart}/{@code onStop} on the supervisor's thread
 * ("sluice-receiver-&lt;id&gt;"), turns {@code store} into ingest-ring writes, and carries out restarts (stop, wait
 * the restart delay, start) and errors (listener events).
 */
public final class ReceiverSupervisor<T>
{
    /** Starts and stops a receiver; implemented by the api's bridge to the receiver's lifecycle methods. */
    public interface Lifecycle
    {
        void onStart();

        void onStop();
    }

    private static final long FIRST_START_WAIT_MS = 10_000;

    private final CountDownLatch firstStart = new CountDownLatch(1);
    private final int streamId;
    private final String name;
    private final StreamWriter<T> writer;
    private final DeadLetterQueue deadLetters;
    private final ListenerBus bus;
    private final long restartDelayMs;
    private final Object lock = new Object();
    private Lifecycle lifecycle;
    private Thread thread;
    private volatile boolean isReceiverStopped = true;
    private boolean isShutdown;
    private String pendingRestart;
    private String lastErrorMessage = "";
    private String lastError = "";

    public ReceiverSupervisor(final int streamId, final String name, final StreamWriter<T> writer,
        final DeadLetterQueue deadLetters, final ListenerBus bus, final long restartDelayMs)
    {
        this.streamId = streamId;
        this.name = name;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.bus = bus;
        this.restartDelayMs = restartDelayMs;
    }

    public int streamId()
    {
        return streamId;
    }

    public boolean isReceiverStopped()
    {
        return isReceiverStopped;
    }

    public void store(final T record)
    {
        writer.store(record);
    }

    /** Stores a {@code long} without boxing (streams with {@code Codecs.LONG} only). */
    public void storeLong(final long value)
    {
        writer.storeLong(value);
    }

    public void store(final Iterator<T> records)
    {
        writer.store(records);
    }

    /** Stores {@code records}, then waits until they (and everything stored before) are appended to the log. */
    public void storeDurably(final Iterator<T> records)
    {
        writer.store(records);
        writer.awaitAppended();
    }

    /** Waits until every record stored so far is appended to the log. */
    public void awaitDurable()
    {
        writer.awaitAppended();
    }

    /** The writer of this receiver's stream (built-in reliable receivers read the log's position through it). */
    public StreamWriter<T> writer()
    {
        return writer;
    }

    /**
     * A directory where a built-in receiver keeps what it has taken from its source across restarts (the files a
     * {@code textFileStream} read), or {@code null} when the context has none.
     */
    public java.nio.file.Path sourceStateDir()
    {
        return sourceStateDir;
    }

    /** Sets {@link #sourceStateDir()}; before start. */
    public void sourceStateDir(final java.nio.file.Path dir)
    {
        this.sourceStateDir = dir;
    }

    private java.nio.file.Path sourceStateDir;

    public void deadLetter(final String record, final String reason)
    {
        deadLetters.add(name, reason, record);
    }

    /**
     * Starts the supervisor thread, which calls {@code onStart}, and returns once that first {@code onStart} returned
     * (so what a receiver sets up there, such as a directory's list of files already present, is in place when the
     * context's {@code start()} returns). A receiver that breaks the contract and blocks in {@code onStart} delays
     * this by at most {@code FIRST_START_WAIT_MS}.
     */
    public void start(final Lifecycle receiverLifecycle) throws InterruptedException
    {
        synchronized (lock)
        {
            this.lifecycle = receiverLifecycle;
            thread = new Thread(this::supervise, "sluice-receiver-" + streamId);
            thread.setDaemon(true);
            thread.start();
        }
        if (!firstStart.await(FIRST_START_WAIT_MS, TimeUnit.MILLISECONDS))
        {
            reportError("receiver " + name + " did not return from onStart() within " + FIRST_START_WAIT_MS
                + " ms; onStart() must not block: start a thread there", null);
        }
    }

    public void restart(final String reason, final Throwable error)
    {
        synchronized (lock)
        {
            if (isShutdown || pendingRestart != null)
            {
                return;
            }
            isReceiverStopped = true;
            pendingRestart = reason;
            lock.notifyAll();
        }
        if (error != null)
        {
            reportError("restarting receiver: " + reason, error);
        }
    }

    public void stopReceiver(final String message, final Throwable error)
    {
        synchronized (lock)
        {
            isReceiverStopped = true;
            isShutdown = true;
            lastErrorMessage = message;
            lock.notifyAll();
        }
    }

    public void reportError(final String message, final Throwable error)
    {
        final ReceiverInfo info;
        synchronized (lock)
        {
            lastErrorMessage = message;
            lastError = error == null ? "" : stackTrace(error);
            info = info(true);
        }
        bus.post(l -> l.onReceiverError(info));
    }

    /** Stops the receiver for good and waits for its thread (the context is stopping). */
    public void shutdown() throws InterruptedException
    {
        final Thread t;
        synchronized (lock)
        {
            isShutdown = true;
            isReceiverStopped = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null)
        {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void supervise()
    {
        startReceiver();
        while (true)
        {
            final String restartReason;
            synchronized (lock)
            {
                while (!isShutdown && pendingRestart == null)
                {
                    try
                    {
                        lock.wait();
                    }
                    catch (final InterruptedException ex)
                    {
                        isShutdown = true;
                    }
                }
                restartReason = pendingRestart;
            }
            stopQuietly();
            post(StreamingListener::onReceiverStopped, false);
            if (isShutdownNow())
            {
                return;
            }
            if (!waitRestartDelay())
            {
                return;
            }
            synchronized (lock)
            {
                pendingRestart = null;
            }
            if (restartReason != null)
            {
                startReceiver();
            }
        }
    }

    private boolean isShutdownNow()
    {
        synchronized (lock)
        {
            return isShutdown;
        }
    }

    private boolean waitRestartDelay()
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(restartDelayMs);
        synchronized (lock)
        {
            while (!isShutdown)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return true;
                }
                try
                {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                catch (final InterruptedException ex)
                {
                    return false;
                }
            }
            return false;
        }
    }

    private void startReceiver()
    {
        isReceiverStopped = false;
        try
        {
            lifecycle.onStart();
            post(StreamingListener::onReceiverStarted, true);
        }
        catch (final RuntimeException ex)
        {
            reportError("receiver " + name + " failed to start: " + ex.getMessage(), ex);
            restart("onStart threw " + ex, null);
        }
        finally
        {
            firstStart.countDown();
        }
    }

    private void stopQuietly()
    {
        isReceiverStopped = true;
        try
        {
            lifecycle.onStop();
        }
        catch (final RuntimeException ex)
        {
            reportError("receiver " + name + " threw in onStop: " + ex.getMessage(), ex);
        }
    }

    private void post(final java.util.function.BiConsumer<StreamingListener, ReceiverInfo> event, final boolean active)
    {
        final ReceiverInfo info;
        synchronized (lock)
        {
            info = info(active);
        }
        bus.post(l -> event.accept(l, info));
    }

    private ReceiverInfo info(final boolean active)
    {
        return new ReceiverInfo(streamId, name, active, lastErrorMessage, lastError);
    }

    private static String stackTrace(final Throwable error)
    {
        final StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
