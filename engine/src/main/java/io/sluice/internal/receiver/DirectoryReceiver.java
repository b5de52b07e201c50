package io.sluice.internal.receiver;

import io.sluice.api.Receiver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code textFileStream}: watches a directory and stores the lines of every file that appears in it, each file once.
 * Files there before the receiver starts are not read (Spark's {@code newFilesOnly}); names starting with '.' or '_'
 * are ignored (in-progress and marker files). Files must appear whole: write them elsewhere and move them in.
 */
public final class DirectoryReceiver extends Receiver<String>
{
    private final Path directory;
    private final int maxLineBytes;
    private final Set<String> seen = new HashSet<>();
    private volatile WatchService watcher;
    private boolean isFirstStart = true;

    public DirectoryReceiver(final Path directory, final int maxLineBytes)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("textFileStream: " + directory + " is not a directory; create it first");
        }
        this.directory = directory;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void onStart()
    {
        try
        {
            final WatchService ws = directory.getFileSystem().newWatchService();
            directory.register(ws, StandardWatchEventKinds.ENTRY_CREATE);
            watcher = ws;
            synchronized (seen)
            {
                if (isFirstStart)
                {
                    // Files present before the stream started are not new: Spark's newFilesOnly default.
                    forEachFile(seen::add);
                    isFirstStart = false;
                }
            }
        }
        catch (final IOException ex)
        {
            restart("cannot watch " + directory + ": " + ex.getMessage(), ex);
            return;
        }
        final Thread thread = new Thread(this::watch, "sluice-file-receiver-" + directory.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onStop()
    {
        final WatchService ws = watcher;
        if (ws != null)
        {
            try
            {
                ws.close();
            }
            catch (final IOException ignored)
            {
                // closing to end the watch loop; nothing to report
            }
        }
    }

    private void watch()
    {
        final WatchService ws = watcher;
        try
        {
            // A restart may have missed events: read what appeared meanwhile.
            forEachFile(this::readIfNew);
            while (!isStopped())
            {
                final WatchKey key = ws.poll(100, TimeUnit.MILLISECONDS);
                if (key == null)
                {
                    continue;
                }
                boolean isOverflow = false;
                for (final WatchEvent<?> event : key.pollEvents())
                {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW)
                    {
                        isOverflow = true;
                    }
                    else
                    {
                        readIfNew(event.context().toString());
                    }
                }
                if (isOverflow)
                {
                    forEachFile(this::readIfNew);
                }
                key.reset();
            }
        }
        catch (final ClosedWatchServiceException | InterruptedException ex)
        {
            // stopped
        }
        catch (final IOException ex)
        {
            if (!isStopped())
            {
                restart("error listing " + directory + ": " + ex.getMessage(), ex);
            }
        }
    }

    private void forEachFile(final java.util.function.Consumer<String> action) throws IOException
    {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory))
        {
            for (final Path file : files)
            {
                action.accept(file.getFileName().toString());
            }
        }
    }

    private void readIfNew(final String name)
    {
        if (name.startsWith(".") || name.startsWith("_"))
        {
            return;
        }
        synchronized (seen)
        {
            if (!seen.add(name))
            {
                return;
            }
        }
        final Path file = directory.resolve(name);
        if (!Files.isRegularFile(file))
        {
            return;
        }
        final LineAssembler lines = new LineAssembler(this, "file " + file, maxLineBytes);
        try (InputStream in = Files.newInputStream(file))
        {
            final byte[] chunk = new byte[64 * 1024];
            int n;
            while ((n = in.read(chunk)) >= 0)
            {
                lines.accept(chunk, 0, n);
            }
            lines.finish();
        }
        catch (final IOException ex)
        {
            storeDeadLetter(file.toString(), "could not read file " + file + ": " + ex
                + " (lines before the error were stored)");
            reportError("could not read " + file, ex);
        }
    }
}
