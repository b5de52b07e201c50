package io.sluice.internal.log;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One holder per data directory, across processes (an OS file lock, released by the OS when the holder is killed)
 * and within one JVM (refused before the lock file is even opened, so the holder's lock survives the refusal).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DataDirLockTest
{
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path tmp;

    @Test
    void acquireCloseAndAcquireAgain()
    {
        final Path dir = tmp.resolve("data");
        final DataDirLock first = DataDirLock.acquire(dir);
        assertTrue(Files.isRegularFile(dir.resolve(DataDirLock.LOCK_FILE_NAME)));
        assertEquals(OptionalLong.of(PID), DataDirLock.holderPid(dir));
        first.close();
        first.close();
        assertTrue(Files.isRegularFile(dir.resolve(DataDirLock.LOCK_FILE_NAME)), "close leaves the lock file");

        try (DataDirLock second = DataDirLock.acquire(dir))
        {
            assertEquals(realPath(dir), second.dir());
        }
    }

    @Test
    void theLockFileNamesTheHolder() throws IOException
    {
        final Path dir = tmp.resolve("data");
        try (DataDirLock ignored = DataDirLock.acquire(dir))
        {
            final String content = Files.readString(dir.resolve(DataDirLock.LOCK_FILE_NAME), StandardCharsets.US_ASCII);
            assertTrue(content.startsWith("pid " + PID + " since "), content);
        }
    }

    @Test
    void aSecondAcquireInThisJvmIsRefusedWithThePid() throws IOException
    {
        final Path dir = tmp.resolve("data");
        try (DataDirLock ignored = DataDirLock.acquire(dir))
        {
            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DataDirLock.acquire(dir));
            assertRefusalNames(refused, dir, PID);
            assertTrue(refused.getMessage().contains("in this JVM"), refused.getMessage());

            final Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
            final IllegalStateException refusedByLink = assertThrows(IllegalStateException.class,
                () -> DataDirLock.acquire(link));
            assertRefusalNames(refusedByLink, dir, PID);
        }
        DataDirLock.acquire(dir).close();
    }

    @Test
    void refusalsAndHolderPidInThisJvmLeaveTheOsLockHeld() throws Exception
    {
        final Path dir = tmp.resolve("data");
        try (DataDirLock ignored = DataDirLock.acquire(dir))
        {
            assertThrows(IllegalStateException.class, () -> DataDirLock.acquire(dir));
            assertEquals(OptionalLong.of(PID), DataDirLock.holderPid(dir));

            final Process child = startChild("try", dir);
            final List<String> output = readAll(child);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not finish");
            assertEquals(0, child.exitValue(), output.toString());
            assertEquals(1, output.size(), output.toString());
            final String line = output.get(0);
            assertTrue(line.startsWith(DataDirLockHolderMain.REFUSED), line);
            assertTrue(line.contains("another StreamingContext (pid " + PID + " since "), line);
        }
    }

    @Test
    void aChildProcessHoldingTheLockRefusesThisOneUntilItIsKilled() throws Exception
    {
        final Path dir = tmp.resolve("data");
        final Process child = startChild("hold", dir);
        try
        {
            awaitLocked(child);

            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DataDirLock.acquire(dir));
            assertRefusalNames(refused, dir, child.pid());
            assertTrue(refused.getMessage().contains("stop that process"), refused.getMessage());
            assertEquals(OptionalLong.of(child.pid()), DataDirLock.holderPid(dir));

            child.destroyForcibly();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not die");

            try (DataDirLock lock = DataDirLock.acquire(dir))
            {
                assertEquals(OptionalLong.of(PID), DataDirLock.holderPid(dir));
            }
        }
        finally
        {
            child.destroyForcibly();
        }
    }

    @Test
    void aNewDirectoryAndItsMissingParentsAreCreatedAndTheDirectoryIsOwnerOnly() throws IOException
    {
        assertTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
            "owner-only data directories are a POSIX promise: run this on a POSIX file system");
        final Path dir = tmp.resolve("a").resolve("b").resolve("data");
        try (DataDirLock ignored = DataDirLock.acquire(dir))
        {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
    }

    @Test
    void anExistingDirectoryKeepsItsPermissions() throws IOException
    {
        assertTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"),
            "owner-only data directories are a POSIX promise: run this on a POSIX file system");
        final Path dir = Files.createDirectory(tmp.resolve("data"));
        final Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rwxr-x---");
        Files.setPosixFilePermissions(dir, shared);
        try (DataDirLock ignored = DataDirLock.acquire(dir))
        {
            assertEquals(shared, Files.getPosixFilePermissions(dir));
        }
        assertEquals(shared, Files.getPosixFilePermissions(dir));
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsReported() throws IOException
    {
        final Path file = Files.writeString(tmp.resolve("data"), "not a directory");
        final UncheckedIOException failure = assertThrows(UncheckedIOException.class,
            () -> DataDirLock.acquire(file));
        assertTrue(failure.getMessage().contains(file + " exists and is not a directory"), failure.getMessage());
    }

    @Test
    void holderPidIsEmptyWithoutALockFile() throws IOException
    {
        assertEquals(OptionalLong.empty(), DataDirLock.holderPid(tmp.resolve("missing")));
        assertEquals(OptionalLong.empty(), DataDirLock.holderPid(Files.createDirectory(tmp.resolve("empty"))));
    }

    private static void assertRefusalNames(final IllegalStateException refused, final Path dir, final long pid)
    {
        final String message = refused.getMessage();
        assertTrue(message.startsWith("data directory " + realPath(dir) + " is in use by another StreamingContext"),
            message);
        assertTrue(message.contains("(pid " + pid + " since "), message);
        assertTrue(message.contains("StreamingContext.builder().dataDir(...)"), message);
    }

    private static Path realPath(final Path dir)
    {
        try
        {
            return dir.toRealPath();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static Process startChild(final String mode, final Path dir) throws IOException
    {
        final List<String> command = io.sluice.testsupport.ChildJvm.command(true, List.of(),
            DataDirLockHolderMain.class, mode, dir.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Reads the child's output until it reports the lock held; fails with what it printed if it ends first. */
    private static void awaitLocked(final Process child) throws IOException
    {
        final BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        final List<String> output = new ArrayList<>();
        String line;
        while (null != (line = reader.readLine()))
        {
            if (DataDirLockHolderMain.LOCKED.equals(line))
            {
                return;
            }
            output.add(line);
        }
        throw new AssertionError("the child ended without taking the lock: " + output);
    }

    private static List<String> readAll(final Process child) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)))
        {
            final List<String> output = new ArrayList<>();
            String line;
            while (null != (line = reader.readLine()))
            {
                output.add(line);
            }
            return output;
        }
    }
}
