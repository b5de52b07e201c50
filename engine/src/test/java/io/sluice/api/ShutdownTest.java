package io.sluice.api;

import io.sluice.internal.context.TempDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real child JVM: SIGTERM runs the shutdown hook, which stops the context gracefully (every accepted record
 * processed) and removes its temporary data directory; after SIGKILL the directory is left, and the next context's
 * start removes it (its lock is free, it is older than a minute).
 */
class ShutdownTest
{
    private static final int RECORDS = 5_000;

    @TempDir
    Path tmp;

    private static Process start(final Path countFile) throws Exception
    {
        return new ProcessBuilder(io.sluice.testsupport.ChildJvm.command(true, List.of(), ShutdownProbe.class,
            countFile.toString(), Integer.toString(RECORDS))).redirectErrorStream(true).start();
    }

    /** Reads the child's output up to its READY line; returns its data directory. */
    private static Path ready(final Process child) throws Exception
    {
        final BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
            StandardCharsets.UTF_8));
        final StringBuilder said = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine())
        {
            if (line.startsWith("READY "))
            {
                return Path.of(line.substring("READY ".length()));
            }
            said.append(line).append('\n');
        }
        throw new AssertionError("the child ended before it was ready: " + said);
    }

    @Test
    void sigtermStopsGracefullyAndRemovesTheTemporaryDataDirectory() throws Exception
    {
        final Path count = tmp.resolve("count");
        final Process child = start(count);
        final Path dataDir = ready(child);
        assertTrue(Files.isDirectory(dataDir));
        child.destroy();   // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stopped");
        assertEquals(143, child.exitValue(), "ended by SIGTERM, after its hooks");
        assertFalse(Files.exists(dataDir), "the hook's stop removed " + dataDir);
        assertEquals(Integer.toString(RECORDS), Files.readString(count), "every accepted record was processed");
    }

    @Test
    void aDirectoryLeftByAKilledProcessIsRemovedByTheNextStart() throws Exception
    {
        final Process child = start(tmp.resolve("count"));
        final Path dataDir = ready(child);
        child.destroyForcibly();   // SIGKILL: no hook runs
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(Files.isDirectory(dataDir), "kill -9 leaves the directory");
        TempDirectories.deleteStale("sluice-data-");   // may remove other dead processes' old directories
        assertTrue(Files.isDirectory(dataDir), "a directory younger than a minute is kept (a starting context's?)");
        Files.setLastModifiedTime(dataDir, FileTime.fromMillis(Files.getLastModifiedTime(dataDir).toMillis()
            - 120_000));
        assertTrue(TempDirectories.deleteStale("sluice-data-") >= 1);
        assertFalse(Files.exists(dataDir), "removed: its lock was free and it was old");
    }
}
