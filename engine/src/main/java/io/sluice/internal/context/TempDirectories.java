package io.sluice.internal.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Creates and removes the data directories a context owns. A process that dies without stopping its context (kill -9,
 * a crash, SIGTERM without the shutdown hook) leaves its temporary directory behind; the next {@link #create} in any
 * process removes those: directories of the same prefix in the temporary directory, older than a minute, whose
 * {@code .lock} no live process holds.
 */
public final class TempDirectories
{
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TempDirectories.class);
    /** A directory younger than this may be a starting context's, not yet locked: never removed. */
    static final long STALE_AFTER_MS = 60_000;

    private TempDirectories()
    {
    }

    public static Path create(final String prefix)
    {
        deleteStale(prefix);
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a temporary data directory; set one with "
                + "StreamingContext.builder().dataDir(path)", ex);
        }
    }

    /**
     * Deletes the temporary directories of {@code prefix} that a dead process left: older than a minute, holding a
     * {@code .lock} file that can be taken (the OS released it when its holder died). Never fails the caller: what
     * cannot be read or deleted is left and logged.
     *
     * @return how many were deleted
     */
    public static int deleteStale(final String prefix)
    {
        final Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        int deleted = 0;
        try (java.nio.file.DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*"))
        {
            for (final Path dir : dirs)
            {
                if (deleteIfStale(dir))
                {
                    deleted++;
                }
            }
        }
        catch (final IOException | UncheckedIOException | SecurityException ex)
        {
            LOG.warn("could not look for data directories left by dead processes in {}: {}", tmp, ex.toString());
        }
        if (deleted > 0)
        {
            LOG.info("deleted {} temporary data director{} left in {} by processes that died without stopping their "
                + "context", deleted, deleted == 1 ? "y" : "ies", tmp);
        }
        return deleted;
    }

    private static boolean deleteIfStale(final Path dir)
    {
        try
        {
            if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                || !Files.exists(dir.resolve(io.sluice.internal.log.DataDirLock.LOCK_FILE_NAME))
                || System.currentTimeMillis() - Files.getLastModifiedTime(dir).toMillis() < STALE_AFTER_MS)
            {
                return false;
            }
        }
        catch (final IOException ex)
        {
            return false;
        }
        final io.sluice.internal.log.DataDirLock lock;
        try
        {
            lock = io.sluice.internal.log.DataDirLock.acquire(dir);
        }
        catch (final RuntimeException inUse)
        {
            return false;   // a live process holds it
        }
        try (lock)
        {
            deleteRecursively(dir);   // nobody held it: its process is gone; deleted while this one holds the lock
            return true;
        }
    }

    /** Deletes {@code root} and everything below it; a missing directory is fine. */
    public static void deleteRecursively(final Path root)
    {
        if (root == null || !Files.exists(root))
        {
            return;
        }
        try
        {
            Files.walkFileTree(root, new SimpleFileVisitor<>()
            {
                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException
                {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(final Path dir, final IOException exc) throws IOException
                {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete data directory " + root, ex);
        }
    }
}
