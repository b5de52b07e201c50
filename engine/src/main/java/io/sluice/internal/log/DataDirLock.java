package io.sluice.internal.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a Sluice data directory, held for the life of the {@code StreamingContext} that uses it, so
 * that two contexts, in two processes or in one JVM, never write the same queues and manifests.
 *
 * <p>The lock is an OS file lock ({@link FileChannel#tryLock()}) on {@value #LOCK_FILE_NAME} in the directory, so
 * the OS releases it when the holding process dies, even by SIGKILL, and nothing stale is left to clean up. While
 * locked the file holds one line, {@code pid <pid> since <instant>}, which the next acquirer puts in its message.
 * The file stays when the lock is released: deleting it would race with an acquirer that has already opened it.
 *
 * <p>Within one JVM the held directories are also kept in a static concurrent map, keyed by the directory's file
 * key (device and inode) or, where the file system has none, its real path. On POSIX systems Java's file locks are
 * {@code fcntl} locks, and closing <em>any</em> descriptor of the lock file drops every lock the process holds on
 * it; so a second {@link #acquire} in this JVM is refused from the map without ever opening the file, and
 * {@link #holderPid} answers from the map rather than reading it.
 *
 * <p>Lifecycle: {@link #acquire} once, before anything is written to the directory; {@link #close()} once the
 * context is done with it. Threads: any; {@link #acquire} and {@link #holderPid} serialise on one static monitor,
 * {@link #close()} is idempotent and may be called from any thread. Allocation: a channel, a lock and a few small
 * strings and buffers per {@link #acquire}; nothing afterwards.
 */
public final class DataDirLock implements AutoCloseable
{
    /** The name of the lock file inside the data directory. */
    public static final String LOCK_FILE_NAME = ".lock";

    /** The permissions of a data directory this class creates: owner only (POSIX 0700). */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Enough for {@code pid <19 digits> since <ISO instant>}; anything longer is not ours. */
    private static final int MAX_HOLDER_LENGTH = 128;

    private static final String PID_PREFIX = "pid ";

    private static final Object FILE_MONITOR = new Object();

    /** Directory identity to the lock held on it by this JVM. */
    private static final Map<Object, DataDirLock> HELD = new ConcurrentHashMap<>();

    /**
     * Channels that must stay open because closing them would drop another holder's lock in this JVM (see the
     * class comment); only ever filled when something outside this class locked a data directory's lock file.
     */
    private static final List<FileChannel> PINNED_CHANNELS = new ArrayList<>();

    private final Path dir;
    private final Object key;
    private final String holder;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean isClosed;

    private DataDirLock(
        final Path dir, final Object key, final String holder, final FileChannel channel, final FileLock lock)
    {
        this.dir = dir;
        this.key = key;
        this.holder = holder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} for this process, creating it (and any missing parents) if it does not exist. A directory
     * this call creates gets owner-only permissions ({@link #OWNER_ONLY}) where the file system is POSIX; missing
     * parents get the defaults, and an existing directory's permissions are left as they are.
     *
     * @return the lock; {@link #close()} it when the context is done with the directory.
     * @throws IllegalStateException when another process, or another context in this JVM, holds the lock; the
     *                               message names the directory and the holder's pid.
     * @throws UncheckedIOException  when the directory or its lock file cannot be created, opened or written.
     */
    public static DataDirLock acquire(final Path dir)
    {
        Objects.requireNonNull(dir, "dir");
        createIfMissing(dir);
        synchronized (FILE_MONITOR)
        {
            final Path realDir = realPath(dir);
            final Object key = identity(realDir);
            final DataDirLock heldHere = HELD.get(key);
            if (null != heldHere)
            {
                throw inUseInThisJvm(realDir, heldHere.holder);
            }

            final Path lockFile = realDir.resolve(LOCK_FILE_NAME);
            final FileChannel channel = openLockFile(lockFile);
            final FileLock lock;
            try
            {
                lock = channel.tryLock();
            }
            catch (final OverlappingFileLockException ex)
            {
                // locked in this JVM but not by this class; closing would release that lock too
                PINNED_CHANNELS.add(channel);
                throw inUseInThisJvm(realDir, PID_PREFIX + ProcessHandle.current().pid());
            }
            catch (final IOException ex)
            {
                closeQuietly(channel, ex);
                throw new UncheckedIOException("cannot lock " + lockFile, ex);
            }

            if (null == lock)
            {
                final String otherHolder = readHolder(channel);
                closeQuietly(channel, null);
                throw new IllegalStateException("data directory " + realDir + " is in use by another StreamingContext ("
                    + (otherHolder.isEmpty() ? "pid not yet written to " + lockFile : otherHolder)
                    + "): stop that process, or give this context its own directory with "
                    + "StreamingContext.builder().dataDir(...) or .checkpointDir(...)");
            }

            final String holder = PID_PREFIX + ProcessHandle.current().pid() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            try
            {
                writeHolder(channel, holder);
            }
            catch (final IOException ex)
            {
                closeQuietly(channel, ex);
                throw new UncheckedIOException("cannot write " + lockFile + ": check permissions and free space", ex);
            }

            final DataDirLock dataDirLock = new DataDirLock(realDir, key, holder, channel, lock);
            HELD.put(key, dataDirLock);
            return dataDirLock;
        }
    }

    /**
     * The pid last written to {@code dir}'s lock file: the holder's while the lock is held, otherwise that of the
     * last process that held it, which may have released it or died since. For messages and tools, not for
     * deciding whether the directory is free (only {@link #acquire} can tell).
     *
     * @return the pid; empty when there is no lock file or it holds no pid.
     */
    public static OptionalLong holderPid(final Path dir)
    {
        Objects.requireNonNull(dir, "dir");
        synchronized (FILE_MONITOR)
        {
            final Path realDir;
            final Object key;
            try
            {
                realDir = dir.toRealPath();
                key = identity(realDir);
            }
            catch (final IOException | UncheckedIOException ex)
            {
                return OptionalLong.empty();
            }

            final DataDirLock heldHere = HELD.get(key);
            if (null != heldHere)
            {
                return parsePid(heldHere.holder);
            }
            try (FileChannel channel = FileChannel.open(realDir.resolve(LOCK_FILE_NAME), StandardOpenOption.READ))
            {
                return parsePid(readHolder(channel));
            }
            catch (final IOException ex)
            {
                return OptionalLong.empty();
            }
        }
    }

    /**
     * @return the real path of the locked directory.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * Releases the lock and closes the lock file, leaving the file in place. Idempotent; any thread.
     *
     * @throws UncheckedIOException when the OS refuses to release the lock (the channel is closed regardless).
     */
    public void close()
    {
        synchronized (this)
        {
            if (isClosed)
            {
                return;
            }
            isClosed = true;
        }
        try
        {
            try
            {
                lock.release();
            }
            finally
            {
                channel.close();
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot release the lock on data directory " + dir, ex);
        }
        finally
        {
            // only after the channel is closed: a later acquire's lock must not be dropped by that close
            HELD.remove(key, this);
        }
    }

    @Override
    public String toString()
    {
        return "DataDirLock{" + dir + ", " + holder + "}";
    }

    private static void createIfMissing(final Path dir)
    {
        if (Files.isDirectory(dir))
        {
            return;
        }
        try
        {
            final Path parent = dir.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix"))
            {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                // the umask can only take bits away, but an unusual one takes the owner's too
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            else
            {
                Files.createDirectory(dir);
            }
        }
        catch (final FileAlreadyExistsException ex)
        {
            // created by someone else since the check: theirs, so its permissions stay as they are
            if (!Files.isDirectory(dir))
            {
                throw new UncheckedIOException(dir + " exists and is not a directory: give the context a directory "
                    + "with StreamingContext.builder().dataDir(...)", ex);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create " + dir + ": check permissions and free space", ex);
        }
    }

    private static Path realPath(final Path dir)
    {
        try
        {
            return dir.toRealPath();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot resolve data directory " + dir, ex);
        }
    }

    /** The file key where the file system has one, so two paths to one directory (bind mounts) are one key. */
    private static Object identity(final Path realDir)
    {
        try
        {
            final Object fileKey = Files.readAttributes(realDir, BasicFileAttributes.class).fileKey();
            return null != fileKey ? fileKey : realDir;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the attributes of data directory " + realDir, ex);
        }
    }

    private static FileChannel openLockFile(final Path lockFile)
    {
        try
        {
            return FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        catch (final NoSuchFileException ex)
        {
            throw new UncheckedIOException("data directory " + lockFile.getParent() + " disappeared", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open " + lockFile + ": check permissions", ex);
        }
    }

    private static void writeHolder(final FileChannel channel, final String holder) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.US_ASCII));
        channel.truncate(0);
        long position = 0;
        while (buffer.hasRemaining())
        {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    /** The first line of the lock file, or empty if there is none or it cannot be read (Windows locks are mandatory). */
    private static String readHolder(final FileChannel channel)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(MAX_HOLDER_LENGTH);
        try
        {
            int read = 0;
            while (buffer.hasRemaining() && read >= 0)
            {
                read = channel.read(buffer, buffer.position());
            }
        }
        catch (final IOException ex)
        {
            return "";
        }
        buffer.flip();
        final String text = StandardCharsets.US_ASCII.decode(buffer).toString();
        final int end = text.indexOf('\n');
        return (end >= 0 ? text.substring(0, end) : text).trim();
    }

    private static OptionalLong parsePid(final String holder)
    {
        if (!holder.startsWith(PID_PREFIX))
        {
            return OptionalLong.empty();
        }
        int end = PID_PREFIX.length();
        while (end < holder.length() && Character.isDigit(holder.charAt(end)))
        {
            end++;
        }
        try
        {
            return OptionalLong.of(Long.parseLong(holder.substring(PID_PREFIX.length(), end)));
        }
        catch (final NumberFormatException ex)
        {
            return OptionalLong.empty();
        }
    }

    private static IllegalStateException inUseInThisJvm(final Path realDir, final String holder)
    {
        return new IllegalStateException("data directory " + realDir + " is in use by another StreamingContext in "
            + "this JVM (" + holder + "): close that context first, or give this one its own directory with "
            + "StreamingContext.builder().dataDir(...) or .checkpointDir(...)");
    }

    private static void closeQuietly(final FileChannel channel, final IOException cause)
    {
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            if (null != cause)
            {
                cause.addSuppressed(ex);
            }
        }
    }
}
