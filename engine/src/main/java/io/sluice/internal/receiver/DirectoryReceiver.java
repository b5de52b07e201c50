package io.sluice.internal.receiver;

import io.sluice.api.Receiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code textFileStream}: watches a directory and stores the lines of every file that appears in it, each file
 * exactly once, also across receiver restarts and process crashes.
 *
 * <h2>What "a file" is</h2>
 * A name in the directory together with the size and modification time it had when it was read. Names starting with
 * '.' or '_' are never read (in-progress and marker files); only regular files are. A name that later has another
 * size or modification time is a <em>new</em> file and is read again, whole: a file recreated, rewritten or appended
 * to after it was read is read a second time. Deleting files once read is fine; a file deleted and later put back
 * unchanged (same size and time) may be read again once the ledger was compacted without it.
 *
 * <h2>Guarantees</h2>
 * <ul>
 * <li>Files there at the stream's very first start on its data directory are not read (Spark's
 *     {@code newFilesOnly}), and stay unread after restarts. Every other file is read, including those that appeared
 *     while the process was down.</li>
 * <li>A file is taken once it is stable: the same size and modification time at two consecutive scans at least
 *     100 ms apart ({@code SETTLE_MS}). Writers should still write elsewhere and move files in; the check keeps a file
 *     being written in place from being taken half-written.</li>
 * <li>Exactly once per file, given the log survives (a process crash, not a power loss): the {@link FileLedger} in
 *     the stream's source-state directory records BEGIN, with the log's position, before a file's first line is
 *     stored, and DONE once its last line is in the log. A file begun but not done (the process died, or the receiver
 *     was restarted, while reading it) is completed at the next start: this receiver is its stream's only producer, so
 *     the records the log holds after that position are the file's first lines; those are skipped, the rest stored.
 *     (Should log retention have removed that position already, the file is a dead letter instead.)</li>
 * <li>A file that changes while it is being read (truncated, grown, rewritten), one that cannot be read, and one
 *     begun before a crash that changed or went away meanwhile: the lines stored stay, the file's path goes to the
 *     dead-letter queue with what happened, and it is recorded done as it is then, so it is not retried forever
 *     (touch it to have it read again, as a new file).</li>
 * <li>Lines longer than {@code maxLineBytes}, or not valid UTF-8, go to the dead-letter queue (as for
 *     {@code socketTextStream}). After a crash such a line's dead letter may be kept twice; stored lines never are.</li>
 * </ul>
 *
 * <h2>Threads and lifecycle</h2>
 * {@link #onStart()} (the supervisor's thread) opens the ledger (on the first start ever it records the files present
 * as ignored), registers a watch service (create and modify events) and starts the thread
 * "sluice-file-receiver-&lt;dir&gt;". That thread first completes files begun before, then scans the directory: after
 * each watch event, every 100 ms while a file waits to be stable, and every second anyway (watch events
 * can be dropped or late). It reads stable files one at a time, oldest modification time first, and stores their
 * lines with {@code store} (so {@code sluice.receiver.maxRate} applies). {@link #onStop()} closes the watch service
 * and, once the reading thread has stopped at its next line, the ledger. One lock guards the ledger, the files
 * waiting to be stable and the read buffers.
 */
public final class DirectoryReceiver extends Receiver<String>
{
    /** How long a file must keep its size and modification time, seen by two scans, before it is read. */
    static final long SETTLE_MS = 100;

    /** How often the watch thread wakes while a file waits to be stable. */
    private static final long POLL_MS = 100;

    /** A full listing at least this often, events or not. */
    private static final long RESCAN_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final int CHUNK_BYTES = 64 * 1024;

    private static final Comparator<Candidate> OLDEST_FIRST =
        Comparator.comparingLong((Candidate c) -> c.mtimeNanos).thenComparing(c -> c.name);

    /** For tests: called on the reading thread after each line stored. */
    interface LineHook
    {
        /**
         * @param file        the file being read.
         * @param linesStored its lines in the log so far, this one included.
         * @return false to halt reading where it is, as if the process died there: no more lines, no DONE.
         * @throws IOException to fail the read as an I/O error would.
         */
        boolean afterLine(Path file, long linesStored) throws IOException;
    }

    private final Path directory;
    private final int maxLineBytes;
    private final long settleNanos;
    private final boolean isWatching;
    private final int compactMinLines;
    private final Object scanLock = new Object();
    private final Map<String, Candidate> candidates = new HashMap<>();
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    private final FileSink sink = new FileSink();
    private final LineSplitter splitter;
    private volatile int generation;
    private volatile boolean isHalted;
    private volatile WatchService watcher;
    private volatile LineHook lineHook;
    private FileLedger ledger;
    private FileLedger memoryLedger;
    private boolean hasRecovered;

    /**
     * @param directory    the directory to watch; must exist.
     * @param maxLineBytes the longest line stored; longer ones go to the dead-letter queue.
     */
    public DirectoryReceiver(final Path directory, final int maxLineBytes)
    {
        this(directory, maxLineBytes, TimeUnit.MILLISECONDS.toNanos(SETTLE_MS), true,
            FileLedger.COMPACT_MIN_LINES_DEFAULT);
    }

    /**
     * For tests.
     *
     * @param settleNanos     how long a file must be unchanged across two scans before it is read (0: two scans).
     * @param isWatching      false: no watch thread; scans run only when the test calls {@link #scanNow()}.
     * @param compactMinLines the ledger is compacted once it has more lines than this (and twice the live entries).
     */
    DirectoryReceiver(final Path directory, final int maxLineBytes, final long settleNanos, final boolean isWatching,
        final int compactMinLines)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("textFileStream: " + directory + " is not a directory; create it first");
        }
        this.directory = directory;
        this.maxLineBytes = maxLineBytes;
        this.settleNanos = settleNanos;
        this.isWatching = isWatching;
        this.compactMinLines = compactMinLines;
        this.splitter = new LineSplitter(sink, maxLineBytes);
    }

    @Override
    public void onStart()
    {
        final int gen = generation + 1;
        try
        {
            synchronized (scanLock)
            {
                closeLedgerLocked();
                generation = gen;
                isHalted = false;
                ledger = openLedger();
                hasRecovered = false;
                candidates.clear();
            }
        }
        catch (final FileLedger.CorruptLedgerException ex)
        {
            reportError("textFileStream " + directory + ": " + ex.getMessage(), ex);
            stop("textFileStream " + directory + " stopped: " + ex.getMessage());
            return;
        }
        catch (final IOException ex)
        {
            restart("cannot open the ledger of " + directory + " in " + sourceStateDir() + ": " + ex.getMessage(), ex);
            return;
        }
        if (!isWatching)
        {
            return;
        }
        final WatchService ws;
        try
        {
            ws = directory.getFileSystem().newWatchService();
            directory.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        }
        catch (final IOException ex)
        {
            restart("cannot watch " + directory + ": " + ex.getMessage(), ex);
            return;
        }
        watcher = ws;
        final Thread thread = new Thread(() -> watch(gen, ws), "sluice-file-receiver-" + directory.getFileName());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void onStop()
    {
        generation++;
        final WatchService ws = watcher;
        watcher = null;
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
        synchronized (scanLock)
        {
            closeLedgerLocked();
        }
    }

    /** For tests: called on the reading thread after each stored line (null: none). */
    void lineHook(final LineHook hook)
    {
        this.lineHook = hook;
    }

    /**
     * For tests (with {@code isWatching} false): completes files begun before, then scans the directory once, on the
     * caller's thread, and reads the files found stable.
     *
     * @return how many files were read, or -1 when reading stopped (halted by the {@link LineHook}, or stopping).
     */
    int scanNow() throws IOException
    {
        synchronized (scanLock)
        {
            final int gen = generation;
            if (ledger == null || !isCurrent(gen))
            {
                throw new IllegalStateException("the receiver is not running");
            }
            try
            {
                return scanLocked(gen);
            }
            catch (final ReadAborted ex)
            {
                return -1;
            }
        }
    }

    private void watch(final int gen, final WatchService ws)
    {
        try
        {
            boolean isScanDue = true;
            boolean hasPending = false;
            long lastScanNanos = System.nanoTime();
            while (isCurrent(gen))
            {
                if (isScanDue)
                {
                    synchronized (scanLock)
                    {
                        if (!isCurrent(gen))
                        {
                            return;
                        }
                        scanLocked(gen);
                        hasPending = !candidates.isEmpty();
                    }
                    lastScanNanos = System.nanoTime();
                }
                final WatchKey key = ws.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (key != null)
                {
                    // Which file an event names does not matter (nor an overflow): the scan lists them all.
                    key.pollEvents();
                    key.reset();
                }
                isScanDue = key != null || hasPending || System.nanoTime() - lastScanNanos >= RESCAN_NANOS;
            }
        }
        catch (final ClosedWatchServiceException | InterruptedException | ReadAborted ex)
        {
            // stopped, restarted or halted; a file being read is completed by the next start
        }
        catch (final IOException | RuntimeException ex)
        {
            if (isCurrent(gen))
            {
                restart("error reading " + directory + " or its ledger: " + ex, ex);
            }
        }
    }

    private boolean isCurrent(final int gen)
    {
        return gen == generation && !isHalted && !isStopped();
    }

    private void checkCurrent(final int gen)
    {
        if (!isCurrent(gen))
        {
            throw ReadAborted.INSTANCE;
        }
    }

    private FileLedger openLedger() throws IOException
    {
        final Path stateDir = sourceStateDir();
        final FileLedger opened;
        if (stateDir == null)
        {
            if (memoryLedger == null)
            {
                memoryLedger = FileLedger.inMemory();
            }
            opened = memoryLedger;
        }
        else
        {
            opened = FileLedger.open(stateDir, compactMinLines);
        }
        if (opened.isNew())
        {
            // The stream's first start on this state: the files there now are not new (Spark's newFilesOnly), now
            // and after any restart.
            try
            {
                opened.create(presentFiles());
            }
            catch (final IOException | RuntimeException ex)
            {
                opened.close();
                throw ex;
            }
        }
        return opened;
    }

    private void closeLedgerLocked()
    {
        final FileLedger open = ledger;
        ledger = null;
        if (open != null && open != memoryLedger)
        {
            try
            {
                open.close();
            }
            catch (final IOException ignored)
            {
                // every entry was forced when appended; nothing is lost
            }
        }
    }

    private Map<String, FileLedger.Entry> presentFiles() throws IOException
    {
        final Map<String, FileLedger.Entry> present = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                final BasicFileAttributes attributes = isHiddenName(name) ? null : attributesOrNull(file);
                if (attributes != null && attributes.isRegularFile())
                {
                    present.put(name, new FileLedger.Entry(FileLedger.IGNORED, attributes.size(),
                        mtimeNanos(attributes), 0));
                }
            }
        }
        return present;
    }

    /** One scan: completes begun files (first scan of a start), lists the directory, reads the stable new files. */
    private int scanLocked(final int gen) throws IOException
    {
        if (!hasRecovered)
        {
            completeBegunFiles(gen);
            hasRecovered = true;
        }
        final long now = System.nanoTime();
        final Set<String> listed = new HashSet<>();
        final List<Candidate> stable = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                final BasicFileAttributes attributes = isHiddenName(name) ? null : attributesOrNull(file);
                if (attributes == null || !attributes.isRegularFile())
                {
                    continue;
                }
                listed.add(name);
                final long size = attributes.size();
                final long mtime = mtimeNanos(attributes);
                final FileLedger.Entry entry = ledger.get(name);
                if (entry != null && entry.isSettledAs(size, mtime))
                {
                    candidates.remove(name);
                    continue;
                }
                final Candidate seen = candidates.get(name);
                if (seen == null || seen.size != size || seen.mtimeNanos != mtime)
                {
                    candidates.put(name, new Candidate(name, size, mtime, now));
                }
                else if (now - seen.sinceNanos >= settleNanos)
                {
                    stable.add(seen);
                }
            }
        }
        candidates.keySet().retainAll(listed);
        stable.sort(OLDEST_FIRST);
        int taken = 0;
        for (final Candidate file : stable)
        {
            candidates.remove(file.name);
            take(gen, file);
            taken++;
        }
        ledger.compactIfLarge(listed);
        return taken;
    }

    private void take(final int gen, final Candidate file) throws IOException
    {
        checkCurrent(gen);
        awaitDurable();
        final long logIndex = logPosition();
        ledger.begin(file.name, file.size, file.mtimeNanos, logIndex);
        read(gen, file.name, file.size, file.mtimeNanos, 0);
    }

    /** Files begun but not done when the last run (or receiver start) ended: the rest of their lines, then DONE. */
    private void completeBegunFiles(final int gen) throws IOException
    {
        for (final String name : ledger.begunNames())
        {
            checkCurrent(gen);
            final FileLedger.Entry begun = ledger.get(name);
            final Path file = directory.resolve(name);
            awaitDurable();
            final long present;
            try
            {
                present = recordsLoggedAfter(begun.value());
            }
            catch (final IllegalStateException ex)
            {
                checkCurrent(gen);
                storeDeadLetter(file.toString(), "file " + file + " was being read when the receiver stopped, and the "
                    + "log no longer holds the position its reading began at (" + ex.getMessage() + "; removed by log "
                    + "retention?), so how many of its lines were stored is unknown: it is not read again");
                ledger.done(name, begun.size(), begun.mtimeNanos(), -1);
                continue;
            }
            final BasicFileAttributes now = attributesOrNull(file);
            if (now != null && now.isRegularFile() && now.size() == begun.size()
                && mtimeNanos(now) == begun.mtimeNanos())
            {
                read(gen, name, begun.size(), begun.mtimeNanos(), present);
            }
            else
            {
                storeDeadLetter(file.toString(), "file " + file + " was being read when the receiver stopped ("
                    + present + " of its lines were stored) and "
                    + (now == null ? "is gone" : "has changed since (" + describe(begun.size(), begun.mtimeNanos())
                    + " then, " + describe(now.size(), mtimeNanos(now)) + " now)")
                    + ": the rest is not read; it is recorded as read as it is now (touch it to have it read again)");
                ledger.done(name, now == null ? begun.size() : now.size(),
                    now == null ? begun.mtimeNanos() : mtimeNanos(now), present);
            }
        }
    }

    /**
     * Reads {@code size} bytes of {@code name}, storing its lines after the first {@code present} (already in the
     * log), then records it DONE as it is after the read. The ledger holds its BEGIN.
     */
    private void read(final int gen, final String name, final long size, final long mtimeNanos, final long present)
        throws IOException
    {
        final Path file = directory.resolve(name);
        sink.begin(gen, file, present);
        splitter.reset("file " + file);
        long position = 0;
        boolean hasMore = false;
        Exception failure = null;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer buffer = chunk;
            final byte[] bytes = buffer.array();
            while (position < size)
            {
                checkCurrent(gen);
                buffer.clear().limit((int)Math.min(bytes.length, size - position));
                final int n = channel.read(buffer);
                if (n < 0)
                {
                    break;
                }
                splitter.accept(bytes, 0, n);
                position += n;
            }
            if (position == size)
            {
                buffer.clear().limit(1);
                hasMore = channel.read(buffer) > 0;
            }
        }
        catch (final IOException ex)
        {
            failure = ex;
        }
        catch (final UncheckedIOException ex)
        {
            failure = ex.getCause();
        }
        final BasicFileAttributes after = attributesOrNull(file);
        final long sizeAfter = after == null ? size : after.size();
        final long mtimeAfter = after == null ? mtimeNanos : mtimeNanos(after);
        final String problem;
        if (failure != null)
        {
            problem = "could not read file " + file + " (" + failure + ")";
        }
        else if (position < size)
        {
            problem = "file " + file + " was truncated while being read (it had " + size + " bytes, only " + position
                + " could be read)";
        }
        else if (hasMore || after == null || sizeAfter != size || mtimeAfter != mtimeNanos)
        {
            problem = "file " + file + " changed while being read (" + describe(size, mtimeNanos) + " when taken, "
                + (after == null ? "gone" : describe(sizeAfter, mtimeAfter)) + " after)";
        }
        else
        {
            problem = null;
            splitter.finish();
        }
        awaitDurable();
        final long lines = sink.lines;
        if (problem != null)
        {
            checkCurrent(gen);
            storeDeadLetter(file.toString(), problem + ": " + lines + " of its lines were stored"
                + (splitter.hasPartialLine() ? ", not the bytes after its last line end" : "")
                + "; it is recorded as read and not retried (touch it to have it read again, as a new file)");
            if (failure != null)
            {
                reportError("could not read " + file, failure);
            }
        }
        ledger.done(name, sizeAfter, mtimeAfter, lines);
    }

    private static boolean isHiddenName(final String name)
    {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static BasicFileAttributes attributesOrNull(final Path file)
    {
        try
        {
            return Files.readAttributes(file, BasicFileAttributes.class);
        }
        catch (final IOException ex)
        {
            return null; // gone since it was listed (or not statable): not a file to read now
        }
    }

    private static long mtimeNanos(final BasicFileAttributes attributes)
    {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static String describe(final long size, final long mtimeNanos)
    {
        return size + " bytes modified " + FileTime.from(mtimeNanos, TimeUnit.NANOSECONDS);
    }

    /** A file seen new or changed, waiting to be stable; {@code sinceNanos}: when first seen like this. */
    private static final class Candidate
    {
        final String name;
        final long size;
        final long mtimeNanos;
        final long sinceNanos;

        Candidate(final String name, final long size, final long mtimeNanos, final long sinceNanos)
        {
            this.name = name;
            this.size = size;
            this.mtimeNanos = mtimeNanos;
            this.sinceNanos = sinceNanos;
        }
    }

    /** Stores one file's lines, skipping those a crashed run already stored. The scan lock's holder uses it. */
    private final class FileSink implements LineSplitter.Sink
    {
        private int readGeneration;
        private Path file;
        private long present;
        private long lines;

        void begin(final int gen, final Path file, final long present)
        {
            this.readGeneration = gen;
            this.file = file;
            this.present = present;
            this.lines = 0;
        }

        @Override
        public void line(final String text)
        {
            checkCurrent(readGeneration);
            lines++;
            if (lines <= present)
            {
                return; // stored before the crash: the log has it
            }
            store(text);
            final LineHook hook = lineHook;
            if (hook != null)
            {
                try
                {
                    if (!hook.afterLine(file, lines))
                    {
                        isHalted = true;
                        throw ReadAborted.INSTANCE;
                    }
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException(ex);
                }
            }
        }

        @Override
        public void reject(final String record, final String reason)
        {
            if (lines < present)
            {
                return; // the run that stored the lines after this one kept its dead letter
            }
            storeDeadLetter(record, reason);
        }
    }

    /** Reading stopped (the receiver stops or restarts, or a test halted it); thrown through the splitter. */
    private static final class ReadAborted extends RuntimeException
    {
        private static final long serialVersionUID = 1L;
        static final ReadAborted INSTANCE = new ReadAborted();

        private ReadAborted()
        {
            super("reading stopped", null, false, false);
        }
    }
}
