package io.sluice.api;

import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaveAsTextFilesTest
{
    @Test
    void writesOneDirectoryPerBatchWithPartFilesAndSuccessMarker(@TempDir final Path dir) throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.input(List.of(List.of(1, 2, 3, 4), List.of(5)), 2).map(x -> "n" + x)
                .saveAsTextFiles(dir.resolve("out").toString(), "txt");
            driver.input(List.of(List.of("a"))).saveAsTextFiles(dir.resolve("plain").toString(), "");
            driver.start();
            driver.advance(2);
        }
        final Path first = dir.resolve("out-1000.txt");
        assertEquals(List.of("n1", "n2"), Files.readAllLines(first.resolve("part-00000")));
        assertEquals(List.of("n3", "n4"), Files.readAllLines(first.resolve("part-00001")));
        assertTrue(Files.exists(first.resolve("_SUCCESS")));
        assertEquals(List.of(), Files.readAllLines(dir.resolve("out-2000.txt").resolve("part-00000")));
        assertEquals(List.of("n5"), Files.readAllLines(dir.resolve("out-2000.txt").resolve("part-00001")));
        assertEquals(List.of("a"), Files.readAllLines(dir.resolve("plain-1000").resolve("part-00000")));
        try (var listing = Files.list(dir))
        {
            assertEquals(0, listing.filter(p -> p.getFileName().toString().startsWith(".")).count());
        }
    }
}
