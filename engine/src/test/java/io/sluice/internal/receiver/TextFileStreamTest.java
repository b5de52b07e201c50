package io.sluice.internal.receiver;

import io.sluice.api.Pair;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** textFileStream on a real directory: files appearing while running are read once each (a rewritten one again). */
class TextFileStreamTest
{
    private static void moveIn(final Path staging, final Path dir, final String name, final String text) throws Exception
    {
        final Path file = staging.resolve(name);
        Files.writeString(file, text);
        Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void countsEachNewFilesLinesOnce(@TempDir final Path root) throws Exception
    {
        final Path dir = Files.createDirectory(root.resolve("in"));
        final Path staging = Files.createDirectory(root.resolve("staging"));
        Files.writeString(dir.resolve("before-start.txt"), "old\nold\n");
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<Pair<String, Long>> counts = driver.collect(driver.context().textFileStream(dir)
                .mapToPair(line -> Pair.of(line, 1L)).reduceByKey(Long::sum));
            driver.start();

            moveIn(staging, dir, ".hidden", "hidden\n");
            moveIn(staging, dir, "one.txt", "x\ny\nx\n");
            driver.awaitReceived(3);
            driver.advance(1);

            moveIn(staging, dir, "two.txt", "y\n");
            // rewritten with another size: a new file (name + size + mtime), read again
            Files.writeString(dir.resolve("one.txt"), "x\nx\nx\nx\n");
            moveIn(staging, dir, "three.txt", "z");
            driver.awaitReceived(9);
            driver.advance(2);

            final List<List<Pair<String, Long>>> batches = counts.batches();
            assertEquals(3, batches.size(), batches.toString());
            assertEquals(List.of(Pair.of("x", 2L), Pair.of("y", 1L)), batches.get(0));
            assertEquals(Set.of(Pair.of("x", 4L), Pair.of("y", 1L), Pair.of("z", 1L)), Set.copyOf(batches.get(1)));
            assertEquals(List.of(), batches.get(2));
        }
    }

    @Test
    void aMissingDirectoryIsAClearError(@TempDir final Path root)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> driver.context().textFileStream(root.resolve("absent")));
            assertEquals("textFileStream: " + root.resolve("absent") + " is not a directory; create it first",
                error.getMessage());
        }
    }
}
