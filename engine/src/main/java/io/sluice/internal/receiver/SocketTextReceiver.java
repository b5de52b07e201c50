package io.sluice.internal.receiver;

import io.sluice.api.Receiver;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * {@code socketTextStream}: connects to {@code host:port} as a TCP client and stores each UTF-8 line. When the server
 * closes the connection or cannot be reached, it restarts (Spark's SocketReceiver): stop, wait
 * {@code sluice.receiver.restartDelay}, connect again.
 */
public final class SocketTextReceiver extends Receiver<String>
{
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    private final String host;
    private final int port;
    private final int maxLineBytes;
    private final int readTimeoutMs;
    private volatile Socket socket;

    public SocketTextReceiver(final String host, final int port, final int maxLineBytes)
    {
        this(host, port, maxLineBytes, 0);
    }

    /** @param readTimeoutMs restart when no byte arrives for this long (0: wait forever) */
    public SocketTextReceiver(final String host, final int port, final int maxLineBytes, final int readTimeoutMs)
    {
        this.readTimeoutMs = readTimeoutMs;
        if (port < 1 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be in 1..65535, was " + port);
        }
        this.host = host;
        this.port = port;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void onStart()
    {
        final Thread thread = new Thread(this::receive, "sluice-socket-receiver-" + host + ":" + port);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onStop()
    {
        final Socket s = socket;
        if (s != null)
        {
            try
            {
                s.close();
            }
            catch (final IOException ignored)
            {
                // closing to unblock the reader; nothing to report
            }
        }
    }

    private void receive()
    {
        final Socket s = new Socket();
        socket = s;
        final LineAssembler lines = new LineAssembler(this, "socket " + host + ":" + port, maxLineBytes);
        try (s)
        {
            if (isStopped())
            {
                return;
            }
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(readTimeoutMs);
            final InputStream in = s.getInputStream();
            final byte[] chunk = new byte[64 * 1024];
            int n;
            while (!isStopped() && (n = in.read(chunk)) >= 0)
            {
                lines.accept(chunk, 0, n);
            }
            lines.finish();
            if (!isStopped())
            {
                restart("Socket data stream had no more data");
            }
        }
        catch (final java.net.SocketTimeoutException ex)
        {
            if (!isStopped())
            {
                lines.abandon("a read timeout");
                restart("No data from " + host + ":" + port + " for " + readTimeoutMs + " ms (sluice.socket.readTimeout):"
                    + " reconnecting", ex);
            }
        }
        catch (final IOException ex)
        {
            if (!isStopped())
            {
                lines.abandon("a read error (" + ex.getMessage() + ")");
                restart("Error receiving data from " + host + ":" + port + ": " + ex.getMessage(), ex);
            }
        }
        catch (final RuntimeException ex)
        {
            if (!isStopped())
            {
                restart("Error storing data from " + host + ":" + port + ": " + ex.getMessage(), ex);
            }
        }
    }
}
