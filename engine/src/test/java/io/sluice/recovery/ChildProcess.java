package io.sluice.recovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One life of the child JVM ({@link CrashChildMain}): started with the JVM flags Chronicle needs (this JVM's
 * {@code --add-*}, {@code --enable-native-access} and {@code -Dchronicle*} arguments), this JVM's class path and
 * {@code -Xmx512m}. Two pump threads read its stdout and stderr line by line into the harness's event queue
 * ({@link HarnessEvent.Line}) and keep the last {@link #TAIL_LINES} lines for failure messages; an exit watcher
 * posts {@link HarnessEvent.Exit} once both streams ended and the process exited, so every line comes before the
 * exit.
 *
 * <p>Lifecycle: {@link #start}, then {@link #kill()} at most once, then {@link #awaitExit}. Thread-safe.
 */
public final class ChildProcess
{
    /** Lines of each stream kept for failure messages. */
    public static final int TAIL_LINES = 40;

    private final int life;
    private final Process process;
    private final long startNanos;
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildProcess(final int life, final Process process, final long startNanos)
    {
        this.life = life;
        this.process = process;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code mainClass} with {@code args} and the system properties {@code properties} ({@code -Dk=v}).
     */
    public static ChildProcess start(final int life, final Class<?> mainClass, final List<String> args,
        final Map<String, String> properties, final BlockingQueue<HarnessEvent> events)
    {
        final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1"));
        for (final Map.Entry<String, String> property : properties.entrySet())
        {
            jvmOptions.add("-D" + property.getKey() + "=" + property.getValue());
        }
        final List<String> command = io.sluice.testsupport.ChildJvm.command(true, jvmOptions, mainClass,
            args.toArray(new String[0]));
        final long startNanos = System.nanoTime();
        final Process process;
        try
        {
            process = new ProcessBuilder(command).start();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final ChildProcess child = new ChildProcess(life, process, startNanos);
        final Thread out = child.pump(process.getInputStream(), true, events);
        final Thread err = child.pump(process.getErrorStream(), false, events);
        final Thread watcher = new Thread(() ->
        {
            try
            {
                out.join();
                err.join();
                events.add(new HarnessEvent.Exit(life, process.waitFor()));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "crash-child-" + life + "-exit");
        watcher.setDaemon(true);
        watcher.start();
        return child;
    }

    /** When the process was started ({@link System#nanoTime}). */
    public long startNanos()
    {
        return startNanos;
    }

    /** SIGKILL (on Linux, {@link Process#destroyForcibly()}). */
    public void kill()
    {
        process.destroyForcibly();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    /** Waits for the exit; false if it did not happen within {@code timeoutMs}. */
    public boolean awaitExit(final long timeoutMs) throws InterruptedException
    {
        return process.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** The last lines of both streams, oldest first, each prefixed by its stream. */
    public List<String> tail()
    {
        synchronized (tail)
        {
            return new ArrayList<>(tail);
        }
    }

    private Thread pump(final InputStream stream, final boolean isStdout, final BlockingQueue<HarnessEvent> events)
    {
        final Thread thread = new Thread(() ->
        {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    events.add(new HarnessEvent.Line(life, isStdout, line, System.nanoTime()));
                    synchronized (tail)
                    {
                        tail.addLast((isStdout ? "out| " : "err| ") + line);
                        if (tail.size() > 2 * TAIL_LINES)
                        {
                            tail.removeFirst();
                        }
                    }
                }
            }
            catch (final IOException ignored)
            {
                // the process died; the exit watcher reports it
            }
        }, "crash-child-" + life + (isStdout ? "-out" : "-err"));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
