package io.sluice.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The TCP server the child's {@code socketTextStream} connects to: it sends {@code total} records
 * ({@link RecordFormat#record}) in order to whichever client is connected, carrying on after a reconnect with the
 * next unsent record, and then closes the connection (end of stream). Records written to a connection whose child
 * died are lost in TCP: never accepted, so not in the log, which is the oracle.
 *
 * <p>Flow is paced by credit, not by time: a new connection gets {@code initialCredit} records, and the harness
 * {@link #grant grants} more as the child reports batches, so the feed spans the child's lives instead of
 * vanishing into the first one's socket buffer.
 *
 * <p>Drain signal: a connection accepted after everything was sent and the last connection closed means the
 * connected child read to the end of the stream (its receiver stored every line it got, then reconnected), or never
 * got any: the {@code onDrained} callback runs then, on the acceptor thread.
 *
 * <p>Threads: an acceptor and a sender (daemons), both started by the constructor; {@link #grant} and the getters
 * from any thread. {@link #close()} stops both. One connection at a time: a new one replaces the old.
 */
public final class Feeder implements AutoCloseable
{
    private static final int RECORDS_PER_WRITE = 256;

    private final ServerSocket server;
    private final long total;
    private final int keys;
    private final int initialCredit;
    private final Runnable onDrained;
    private final Object lock = new Object();
    private final Thread acceptor;
    private final Thread sender;
    private Socket current;
    private Socket idle;
    private long sent;
    private long credit;
    private int connections;
    private boolean isClosed;

    /**
     * Binds {@code 127.0.0.1} on an ephemeral port and starts the threads.
     *
     * @param onDrained called for each connection accepted when nothing is left to send.
     */
    public Feeder(final long total, final int keys, final int initialCredit, final Runnable onDrained)
    {
        this.total = total;
        this.keys = keys;
        this.initialCredit = initialCredit;
        this.onDrained = onDrained;
        try
        {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        acceptor = new Thread(this::acceptLoop, "crash-feeder-accept");
        sender = new Thread(this::sendLoop, "crash-feeder-send");
        acceptor.setDaemon(true);
        sender.setDaemon(true);
        acceptor.start();
        sender.start();
    }

    /** The port the child connects to. */
    public int port()
    {
        return server.getLocalPort();
    }

    /** Lets the sender send {@code records} more. */
    public void grant(final long records)
    {
        synchronized (lock)
        {
            credit = Math.min(total, credit + records);
            lock.notifyAll();
        }
    }

    /** Records handed to a connection so far (delivered or lost in flight). */
    public long sent()
    {
        synchronized (lock)
        {
            return sent;
        }
    }

    public long total()
    {
        return total;
    }

    /** Connections accepted so far. */
    public int connections()
    {
        synchronized (lock)
        {
            return connections;
        }
    }

    /** Waits until {@code count} connections were accepted; false if {@code timeoutMs} ran out first. */
    public boolean awaitConnections(final int count, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        synchronized (lock)
        {
            while (connections < count)
            {
                final long leftMs = (deadline - System.nanoTime()) / 1_000_000L;
                if (leftMs <= 0)
                {
                    return false;
                }
                lock.wait(leftMs);
            }
            return true;
        }
    }

    @Override
    public void close()
    {
        synchronized (lock)
        {
            isClosed = true;
            closeQuietly(current);
            closeQuietly(idle);
            lock.notifyAll();
        }
        closeQuietly(server);
        try
        {
            acceptor.join(5_000);
            sender.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop()
    {
        while (true)
        {
            final Socket socket;
            try
            {
                socket = server.accept();
                socket.setTcpNoDelay(true);
            }
            catch (final IOException ex)
            {
                return;
            }
            final boolean isDrained;
            synchronized (lock)
            {
                if (isClosed)
                {
                    closeQuietly(socket);
                    return;
                }
                connections++;
                closeQuietly(current);
                closeQuietly(idle);
                current = null;
                idle = null;
                isDrained = sent >= total;
                if (isDrained)
                {
                    idle = socket;
                }
                else
                {
                    current = socket;
                    credit = Math.min(total, Math.max(credit, sent + initialCredit));
                }
                lock.notifyAll();
            }
            if (isDrained)
            {
                onDrained.run();
            }
        }
    }

    private void sendLoop()
    {
        while (true)
        {
            final Socket socket;
            final long from;
            final int count;
            synchronized (lock)
            {
                while (!isClosed && (current == null || sent >= credit))
                {
                    try
                    {
                        lock.wait();
                    }
                    catch (final InterruptedException ex)
                    {
                        return;
                    }
                }
                if (isClosed)
                {
                    return;
                }
                socket = current;
                from = sent;
                count = (int)Math.min(RECORDS_PER_WRITE, credit - sent);
                sent += count;
            }
            boolean isWritten;
            try
            {
                socket.getOutputStream().write(encode(from, count));
                isWritten = true;
            }
            catch (final IOException ex)
            {
                isWritten = false;
            }
            synchronized (lock)
            {
                if (current == socket && (!isWritten || sent >= total))
                {
                    // a failed write: the child died; everything sent: end of stream, the receiver reconnects
                    closeQuietly(socket);
                    current = null;
                }
            }
        }
    }

    private byte[] encode(final long from, final int count)
    {
        final StringBuilder text = new StringBuilder(count * 12);
        for (long n = from; n < from + count; n++)
        {
            text.append(RecordFormat.record(n, keys)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable != null)
        {
            try
            {
                closeable.close();
            }
            catch (final Exception ignored)
            {
                // closing on the way out; nothing to report
            }
        }
    }
}
