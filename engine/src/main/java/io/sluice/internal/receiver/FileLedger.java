package io.sluice.internal.receiver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link DirectoryReceiver} has taken from its directory, kept across process crashes in
 * {@code <sourceStateDir>/files.ledger}: per file name the latest entry, which names the file by size and
 * modification time. Layout: UTF-8 text, one entry a line, fields separated by one space, the name last (so it may
 * hold spaces; '%', '\n' and '\r' in it are written {@code %25}, {@code %0A}, {@code %0D}):
 *
 * <pre>
 *   sluice-file-ledger 1                          header, once
 *   IGNORE &lt;size&gt; &lt;mtimeNanos&gt; &lt;name&gt;            there before the stream's first start: never read
 *   BEGIN  &lt;size&gt; &lt;mtimeNanos&gt; &lt;logIndex&gt; &lt;name&gt; being read; every earlier record of the stream is in
 *                                                 log documents at or before logIndex (-1: none)
 *   DONE   &lt;size&gt; &lt;mtimeNanos&gt; &lt;lines&gt; &lt;name&gt;    read; lines = how many of its lines are in the log
 * </pre>
 *
 * <p>Every append is forced to the device ({@link FileChannel#force}) before it returns. A crash mid-append leaves a
 * last line without '\n': it is dropped (and cut off the file) when the ledger is opened again. The file is created
 * whole (header and the first start's IGNOREs in a temporary file, then an atomic rename), and compacted the same way
 * ({@link #compactIfLarge}), so it is never seen half-written.
 *
 * <p>A ledger with no directory ({@link #inMemory()}) keeps the entries in memory only.
 *
 * <p>Not thread-safe: the receiver's scan lock guards it. Open from {@link #open} (or {@link #create}) to
 * {@link #close()}.
 */
final class FileLedger implements AutoCloseable
{
    /** Thrown when the ledger holds a line that is not an entry (other than a torn last one): it was damaged. */
    static final class CorruptLedgerException extends IOException
    {
        private static final long serialVersionUID = 1L;

        CorruptLedgerException(final String message)
        {
            super(message);
        }
    }

    /**
     * One file's latest entry.
     *
     * @param kind        {@link #IGNORED}, {@link #BEGUN} or {@link #DONE}.
     * @param value       BEGUN: the log index before its first line; DONE: how many of its lines are in the log
     *                    (-1: unknown); IGNORED: 0.
     */
    record Entry(int kind, long size, long mtimeNanos, long value)
    {
        /** Whether this file is settled (done or ignored) and is the one with {@code size} and {@code mtimeNanos}. */
        boolean isSettledAs(final long size, final long mtimeNanos)
        {
            return kind != BEGUN && this.size == size && this.mtimeNanos == mtimeNanos;
        }
    }

    static final String FILE_NAME = "files.ledger";
    static final String HEADER = "sluice-file-ledger 1";
    /** Below this many lines a ledger is not compacted; above, once it has twice the entries of present files. */
    static final int COMPACT_MIN_LINES_DEFAULT = 4096;
    static final int IGNORED = 0;
    static final int BEGUN = 1;
    static final int DONE = 2;

    private static final String[] KIND_NAMES = {"IGNORE", "BEGIN", "DONE"};
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    private final Path file;
    private final int compactMinLines;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private FileChannel channel;
    private long lineCount;
    private boolean isNew;

    private FileLedger(final Path directory, final int compactMinLines)
    {
        this.directory = directory;
        this.file = directory == null ? null : directory.resolve(FILE_NAME);
        this.compactMinLines = compactMinLines;
    }

    /** A ledger kept in memory only (no state directory): {@link #isNew()} until {@link #create}. */
    static FileLedger inMemory()
    {
        final FileLedger ledger = new FileLedger(null, COMPACT_MIN_LINES_DEFAULT);
        ledger.isNew = true;
        return ledger;
    }

    /**
     * Opens the ledger in {@code directory} (created if absent) and reads it. When there is none yet the ledger
     * {@link #isNew()} and must be {@link #create created} before entries are added.
     *
     * @throws CorruptLedgerException if a line other than the last is not an entry.
     */
    static FileLedger open(final Path directory, final int compactMinLines) throws IOException
    {
        Files.createDirectories(directory);
        final FileLedger ledger = new FileLedger(directory, compactMinLines);
        Files.deleteIfExists(directory.resolve(FILE_NAME + TEMP_SUFFIX));
        if (!Files.exists(ledger.file))
        {
            ledger.isNew = true;
            return ledger;
        }
        ledger.read();
        return ledger;
    }

    /** Whether there was no ledger yet: the stream's first start on this state directory. */
    boolean isNew()
    {
        return isNew;
    }

    /** Creates the ledger with {@code ignored} (name: size and mtime) as IGNORE entries; once, when {@link #isNew()}. */
    void create(final Map<String, Entry> ignored) throws IOException
    {
        if (!isNew)
        {
            throw new IllegalStateException("the ledger exists already: " + file);
        }
        for (final Map.Entry<String, Entry> e : ignored.entrySet())
        {
            entries.put(e.getKey(), new Entry(IGNORED, e.getValue().size(), e.getValue().mtimeNanos(), 0));
        }
        if (file != null)
        {
            rewrite();
        }
        lineCount = entries.size();
        isNew = false;
    }

    /** The latest entry of {@code name}, or null. */
    Entry get(final String name)
    {
        return entries.get(name);
    }

    /** Names whose latest entry is BEGUN (files being read when the last run ended), in ledger order. */
    List<String> begunNames()
    {
        final List<String> names = new ArrayList<>();
        for (final Map.Entry<String, Entry> e : entries.entrySet())
        {
            if (e.getValue().kind() == BEGUN)
            {
                names.add(e.getKey());
            }
        }
        return names;
    }

    /** Every name's latest entry, in ledger order (read-only). */
    Map<String, Entry> entries()
    {
        return Collections.unmodifiableMap(entries);
    }

    /** Lines the ledger file holds after its header (the in-memory ledger counts entries it was given). */
    long lineCount()
    {
        return lineCount;
    }

    /** Records, durably, that reading {@code name} begins; every earlier record is at or before {@code logIndex}. */
    void begin(final String name, final long size, final long mtimeNanos, final long logIndex) throws IOException
    {
        append(name, new Entry(BEGUN, size, mtimeNanos, logIndex));
    }

    /** Records, durably, that {@code name} (as it is now: size, mtime) is read, {@code lines} of it in the log. */
    void done(final String name, final long size, final long mtimeNanos, final long lines) throws IOException
    {
        append(name, new Entry(DONE, size, mtimeNanos, lines));
    }

    /**
     * Once the ledger holds more than {@code compactMinLines} lines and more than twice the entries of
     * {@code present} names, rewrites it with only the entries of those names (temporary file, forced, atomic rename).
     *
     * @return whether it was compacted.
     */
    boolean compactIfLarge(final Set<String> present) throws IOException
    {
        if (lineCount <= compactMinLines)
        {
            return false;
        }
        long live = 0;
        for (final String name : entries.keySet())
        {
            if (present.contains(name))
            {
                live++;
            }
        }
        if (lineCount <= 2 * live)
        {
            return false;
        }
        entries.keySet().retainAll(present);
        if (file != null)
        {
            rewrite();
        }
        lineCount = entries.size();
        return true;
    }

    @Override
    public void close() throws IOException
    {
        final FileChannel c = channel;
        channel = null;
        if (c != null)
        {
            c.close();
        }
    }

    private void append(final String name, final Entry entry) throws IOException
    {
        if (isNew)
        {
            throw new IllegalStateException("create the ledger first: " + directory);
        }
        if (file != null)
        {
            if (channel == null)
            {
                throw new IllegalStateException("the ledger is closed: " + file);
            }
            final ByteBuffer bytes = ByteBuffer.wrap(line(name, entry).getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);
        }
        entries.remove(name);
        entries.put(name, entry);
        lineCount++;
    }

    private void rewrite() throws IOException
    {
        final Path temp = directory.resolve(FILE_NAME + TEMP_SUFFIX);
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (final Map.Entry<String, Entry> e : entries.entrySet())
        {
            text.append(line(e.getKey(), e.getValue()));
        }
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining())
            {
                out.write(bytes);
            }
            out.force(true);
        }
        close();
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory();
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    private void read() throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNumber = 0;
        long validLength = 0;
        while (start < bytes.length)
        {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n')
            {
                end++;
            }
            if (end == bytes.length)
            {
                break; // torn: the crash came mid-append; this entry never counted
            }
            lineNumber++;
            final String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (lineNumber == 1)
            {
                if (!text.equals(HEADER))
                {
                    throw new CorruptLedgerException(file + " is not a file ledger (first line '" + text
                        + "', expected '" + HEADER + "'); move it away to start the stream over (files already there "
                        + "are then ignored)");
                }
            }
            else
            {
                parse(text, lineNumber);
            }
            start = end + 1;
            validLength = start;
        }
        if (lineNumber == 0)
        {
            throw new CorruptLedgerException(file + " has no header; move it away to start the stream over");
        }
        lineCount = lineNumber - 1;
        channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (validLength < bytes.length)
        {
            channel.truncate(validLength);
            channel.force(true);
        }
        channel.position(validLength);
    }

    private void parse(final String text, final int lineNumber) throws CorruptLedgerException
    {
        final int space = text.indexOf(' ');
        final int kind = space < 0 ? -1 : kindOf(text.substring(0, space));
        final int numbers = kind == IGNORED ? 2 : 3;
        final String[] fields = kind < 0 ? new String[0] : text.substring(space + 1).split(" ", numbers + 1);
        if (fields.length != numbers + 1 || fields[numbers].isEmpty())
        {
            throw corrupt(text, lineNumber);
        }
        try
        {
            final long size = Long.parseLong(fields[0]);
            final long mtime = Long.parseLong(fields[1]);
            final long value = kind == IGNORED ? 0 : Long.parseLong(fields[2]);
            final String name = unescape(fields[numbers]);
            entries.remove(name);
            entries.put(name, new Entry(kind, size, mtime, value));
        }
        catch (final IllegalArgumentException ex)
        {
            throw corrupt(text, lineNumber);
        }
    }

    private CorruptLedgerException corrupt(final String text, final int lineNumber)
    {
        return new CorruptLedgerException("line " + lineNumber + " of " + file + " is not a ledger entry: '" + text
            + "'; the file was damaged: fix or remove that line (a removed entry's file is read again if present)");
    }

    private static int kindOf(final String word)
    {
        for (int i = 0; i < KIND_NAMES.length; i++)
        {
            if (KIND_NAMES[i].equals(word))
            {
                return i;
            }
        }
        return -1;
    }

    private static String line(final String name, final Entry entry)
    {
        final StringBuilder text = new StringBuilder(48 + name.length())
            .append(KIND_NAMES[entry.kind()]).append(' ')
            .append(entry.size()).append(' ')
            .append(entry.mtimeNanos()).append(' ');
        if (entry.kind() != IGNORED)
        {
            text.append(entry.value()).append(' ');
        }
        return escape(name, text).append('\n').toString();
    }

    private static StringBuilder escape(final String name, final StringBuilder out)
    {
        for (int i = 0; i < name.length(); i++)
        {
            final char c = name.charAt(i);
            switch (c)
            {
                case '%' -> out.append("%25");
                case '\n' -> out.append("%0A");
                case '\r' -> out.append("%0D");
                default -> out.append(c);
            }
        }
        return out;
    }

    private static String unescape(final String text)
    {
        if (text.indexOf('%') < 0)
        {
            return text;
        }
        final StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '%')
            {
                if (i + 2 >= text.length())
                {
                    throw new IllegalArgumentException("cut escape in " + text);
                }
                out.append((char)Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }

    private void forceDirectory()
    {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ))
        {
            dir.force(true);
        }
        catch (final IOException ex)
        {
            // Not every platform can open a directory (Windows); the rename itself is atomic there.
        }
    }
}
