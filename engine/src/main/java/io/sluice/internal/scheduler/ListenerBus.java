package io.sluice.internal.scheduler;

import io.sluice.api.StreamingListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers events to {@link StreamingListener}s on one thread ("sluice-listener-bus"), in the order they
 * were posted. A listener that throws is reported on stderr and does not stop the others.
 *
 * <p>Thread contract: {@link #post} from any thread; {@link #awaitDrained} from any thread but the bus's.
 */
public final class ListenerBus
{
    private static final Consumer<StreamingListener> STOP = listener -> { };

    private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Consumer<StreamingListener>> events = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long posted;
    private long delivered;
    private Thread thread;

    public void add(final StreamingListener listener)
    {
        listeners.add(listener);
    }

    public synchronized void start()
    {
        thread = new Thread(this::run, "sluice-listener-bus");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isBusThread()
    {
        return Thread.currentThread() == thread;
    }

    public void post(final Consumer<StreamingListener> event)
    {
        synchronized (progress)
        {
            posted++;
        }
        events.add(event);
    }

    /** Waits until every event posted before the call was delivered; false if that took longer than the timeout. */
    public boolean awaitDrained(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (progress)
        {
            final long target = posted;
            while (delivered < target && thread != null && thread.isAlive())
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /** Delivers what was posted, then ends the thread. */
    public void stop() throws InterruptedException
    {
        final Thread t;
        synchronized (this)
        {
            t = thread;
        }
        if (t == null)
        {
            return;
        }
        events.add(STOP);
        if (Thread.currentThread() != t)
        {
            t.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private void run()
    {
        while (true)
        {
            final Consumer<StreamingListener> event;
            try
            {
                event = events.take();
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (event == STOP)
            {
                return;
            }
            for (final StreamingListener listener : listeners)
            {
                try
                {
                    event.accept(listener);
                }
                catch (final RuntimeException ex)
                {
                    System.err.println("[sluice] listener " + listener.getClass().getName() + " threw: " + ex);
                }
            }
            synchronized (progress)
            {
                delivered++;
                progress.notifyAll();
            }
        }
    }
}
