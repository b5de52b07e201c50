package io.sluice.examples.feed;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A text server for demos and tests: listens on the loopback interface only and sends lines of text, at a fixed
 * rate, to each client that connects (what {@code nc -lk 9999} does by hand). Port 0 picks a free port.
 *
 * <p>Thread contract: {@link #start()} once; {@link #close()} from any thread.
 */
public final class TextFeeder implements AutoCloseable
{
    /** The demo's text. */
    public static final List<String> LINES = List.of(
        "the quick brown fox jumps over the lazy dog",
        "a stream is a sequence of batches",
        "to be or not to be that is the question",
        "the batch interval is the heartbeat of the stream");

    private final ServerSocket server;
    private final List<String> lines;
    private final long linesPerSecond;
    private final long maxLines;
    private volatile boolean isClosed;
    private Thread thread;

    /**
     * @param port           0 for any free port.
     * @param lines          sent in a loop.
     * @param linesPerSecond at most this many lines a second per client.
     */
    public TextFeeder(final int port, final List<String> lines, final long linesPerSecond) throws IOException
    {
        this(port, lines, linesPerSecond, Long.MAX_VALUE);
    }

    /**
     * @param maxLines how many lines each client gets before the feeder goes quiet (the connection stays open).
     */
    public TextFeeder(final int port, final List<String> lines, final long linesPerSecond, final long maxLines)
        throws IOException
    {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.lines = List.copyOf(lines);
        this.linesPerSecond = linesPerSecond;
        this.maxLines = maxLines;
    }

    public int port()
    {
        return server.getLocalPort();
    }

    public String host()
    {
        return server.getInetAddress().getHostAddress();
    }

    public TextFeeder start()
    {
        thread = new Thread(this::serve, "text-feeder-" + port());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void serve()
    {
        while (!isClosed)
        {
            try (Socket client = server.accept(); OutputStream out = client.getOutputStream())
            {
                final long periodNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, linesPerSecond);
                long next = System.nanoTime();
                for (long i = 0; !isClosed && i < maxLines; i++)
                {
                    out.write((lines.get((int)(i % lines.size())) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    next += periodNanos;
                    final long wait = next - System.nanoTime();
                    if (wait > 0)
                    {
                        LockSupport.parkNanos(wait);
                    }
                }
                while (!isClosed && client.getInputStream().read() >= 0)
                {
                    // quiet: keep the connection open until the client or the feeder closes it
                }
            }
            catch (final IOException ex)
            {
                // the client went away or the feeder was closed: wait for the next client
            }
        }
    }

    @Override
    public void close() throws IOException
    {
        isClosed = true;
        server.close();
    }
}
