package io.sluice.internal.receiver;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.DeadLetter;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * textFileStream across crashes and restarts: each file's lines reach the outputs exactly once, whatever run read
 * them; files there before the first start stay ignored; files that change while read, or cannot be read, are dead
 * letters and are not retried; a file still growing is taken once stable. Real files, real contexts; the tests that
 * need a deterministic scan drive a {@link DirectoryReceiver} without a watch thread through {@code scanNow()}.
 */
class TextFileStreamRecoveryTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int MAX_LINE_BYTES = 1 << 16;

    @TempDir
    Path root;

    private Path dir;
    private Path staging;
    private Path checkpoint;

    @BeforeEach
    void directories() throws IOException
    {
        dir = Files.createDirectory(root.resolve("in"));
        staging = Files.createDirectory(root.resolve("staging"));
        checkpoint = root.resolve("checkpoint");
    }

    private void moveIn(final String name, final String text) throws IOException
    {
        final Path file = staging.resolve(name);
        Files.writeString(file, text);
        Files.move(file, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String lines(final String prefix, final int count)
    {
        return IntStream.range(0, count).mapToObj(i -> prefix + i + "\n").collect(Collectors.joining());
    }

    private static List<String> listOf(final String text)
    {
        return text.lines().toList();
    }

    private static List<String> flat(final CollectedOutput<String> out)
    {
        return out.batches().stream().flatMap(List::stream).toList();
    }

    /** A receiver without watch thread: files are taken at the second scan that sees them unchanged. */
    private DirectoryReceiver manual()
    {
        return new DirectoryReceiver(dir, MAX_LINE_BYTES, 0, false, FileLedger.COMPACT_MIN_LINES_DEFAULT);
    }

    private static DStream<String> stream(final StreamingTestDriver driver, final DirectoryReceiver receiver)
    {
        return driver.context().receiverStream(receiver, Codecs.STRING);
    }

    private Path ledgerFile() throws IOException
    {
        try (Stream<Path> files = Files.walk(checkpoint))
        {
            return files.filter(p -> p.getFileName().toString().equals(FileLedger.FILE_NAME)).findFirst()
                .orElseThrow();
        }
    }

    @Test
    void filesPresentBeforeTheFirstStartStayIgnoredAfterARestart() throws Exception
    {
        Files.writeString(dir.resolve("old.txt"), "old\nold\n");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
            driver.start();
            moveIn("new.txt", "a\nb\n");
            driver.awaitReceived(2);
            driver.advance(1);
            assertEquals(List.of("a", "b"), flat(out));
            driver.crash();
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
            driver.start();
            moveIn("marker.txt", "c\n");
            driver.awaitReceived(1);
            driver.advance(1);
            assertEquals(List.of("c"), flat(out), "neither old.txt nor new.txt is read again");
        }
        final List<String> ledger = Files.readAllLines(ledgerFile());
        assertTrue(ledger.get(1).startsWith("IGNORE 8 ") && ledger.get(1).endsWith(" old.txt"), ledger.toString());
    }

    @Test
    void aFileAddedWhileTheContextIsDownIsReadOnceAfterTheRestart() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
            driver.start();
            moveIn("a.txt", "a1\na2\n");
            driver.awaitReceived(2);
            driver.advance(1);
            assertEquals(List.of("a1", "a2"), flat(out));
            driver.crash();
        }
        moveIn("b.txt", "b1\nb2\nb3\n");
        final List<String> seen = new ArrayList<>();
        for (int life = 0; life < 2; life++)
        {
            try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
            {
                final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
                driver.start();
                if (life == 0)
                {
                    driver.awaitReceived(3);
                    driver.advance(1);
                }
                moveIn("marker" + life + ".txt", "m" + life + "\n");
                driver.awaitReceived(life == 0 ? 4 : 1);
                driver.advance(1);
                seen.addAll(flat(out));
                driver.crash();
            }
        }
        assertEquals(List.of("b1", "b2", "b3", "m0", "m1"), seen, "b.txt once, a.txt never again");
    }

    /**
     * A run dies while a file's lines are being stored (after BEGIN, 4 of its 10 lines in the log, no DONE); the next
     * run stores the other 6, and a third run reads nothing again: every line once, whether or not the first run cut a
     * batch of the 4 before it died.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFileHalfStoredWhenTheRunCrashedIsCompletedExactlyOnce(final boolean isCutBeforeCrash) throws Exception
    {
        final List<String> seen = new ArrayList<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            moveIn("first.txt", "f0\nf1\n");
            assertEquals(0, receiver.scanNow());
            assertEquals(1, receiver.scanNow());
            driver.advance(1);
            receiver.lineHook((file, stored) -> !(file.getFileName().toString().equals("big.txt") && stored == 4));
            moveIn("big.txt", lines("line-", 10));
            assertEquals(0, receiver.scanNow());
            assertEquals(-1, receiver.scanNow(), "halted after 4 lines, as if the process died there");
            driver.awaitReceived(6);
            if (isCutBeforeCrash)
            {
                driver.advance(1);
            }
            seen.addAll(flat(out));
            driver.crash();
        }
        assertTrue(Files.readAllLines(ledgerFile()).get(3).startsWith("BEGIN 70 "),
            "the crash left big.txt begun, not done");
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            assertEquals(0, receiver.scanNow(), "big.txt is completed, not taken as a new file");
            driver.awaitReceived(6);
            driver.advance(1);
            seen.addAll(flat(out));
            driver.crash();
        }
        final List<String> expected = new ArrayList<>(List.of("f0", "f1"));
        expected.addAll(listOf(lines("line-", 10)));
        assertEquals(expected, seen);

        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            assertEquals(0, receiver.scanNow());
            assertEquals(0, receiver.scanNow(), "files done before the crash are not read again");
            driver.advance(2);
            assertEquals(List.of(), flat(out));
            assertEquals(List.of(), driver.context().deadLetters());
        }
    }

    @Test
    void aFileDoneBeforeTheCrashIsNotReadAgain() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
            driver.start();
            moveIn("done.txt", "d1\nd2\n");
            driver.awaitReceived(2);
            // no batch cut: the records are after the last batch boundary when the run dies
            driver.crash();
            assertEquals(List.of(), flat(out));
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().textFileStream(dir));
            driver.start();
            moveIn("marker.txt", "m\n");
            driver.awaitReceived(1);
            driver.advance(1);
            assertEquals(List.of("d1", "d2", "m"), flat(out), "the logged lines of done.txt once, then the marker");
        }
    }

    @Test
    void aReceiverRestartInTheMiddleOfAFileCompletesIt() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint,
            Map.of("sluice.receiver.restartDelay", "0ms")))
        {
            final DirectoryReceiver receiver = new DirectoryReceiver(dir, MAX_LINE_BYTES);
            final boolean[] hasRestarted = {false};
            receiver.lineHook((file, stored) ->
            {
                if (stored == 3 && !hasRestarted[0])
                {
                    hasRestarted[0] = true;
                    receiver.restart("test: restart in the middle of " + file);
                }
                return true;
            });
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            moveIn("a.txt", lines("a", 10));
            driver.awaitReceived(10);
            moveIn("marker.txt", "m\n");
            driver.awaitReceived(11);
            driver.advance(1);
            final List<String> expected = new ArrayList<>(listOf(lines("a", 10)));
            expected.add("m");
            assertEquals(expected, flat(out));
            assertTrue(hasRestarted[0]);
        }
    }

    @Test
    void aFileTruncatedWhileReadIsADeadLetterAndNotRetried() throws Exception
    {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++)
        {
            text.append(String.format("%059d\n", i)); // 60 bytes a line: the first 64 KiB read ends inside a line
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            receiver.lineHook((file, stored) ->
            {
                if (stored == 1)
                {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
                    {
                        channel.truncate(100);
                    }
                }
                return true;
            });
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            moveIn("cut.txt", text.toString());
            assertEquals(0, receiver.scanNow());
            assertEquals(1, receiver.scanNow());
            assertEquals(0, receiver.scanNow());
            assertEquals(0, receiver.scanNow(), "not retried");
            driver.advance(1);
            final int stored = 65536 / 60;
            assertEquals(listOf(text.substring(0, stored * 60)), flat(out), "the complete lines read before the cut");
            final List<DeadLetter> letters = driver.context().deadLetters();
            assertEquals(1, letters.size(), letters.toString());
            assertEquals(dir.resolve("cut.txt").toString(), letters.get(0).record());
            final String reason = letters.get(0).reason();
            assertTrue(reason.contains("was truncated while being read (it had 120000 bytes, only 65536 could be read)")
                && reason.contains(stored + " of its lines were stored, not the bytes after its last line end"), reason);
        }
    }

    @Test
    void aFileThatFailsToReadIsADeadLetterAndNotRetried() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            receiver.lineHook((file, stored) ->
            {
                if (stored == 2)
                {
                    throw new IOException("simulated device error");
                }
                return true;
            });
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            moveIn("bad.txt", "x1\nx2\nx3\n");
            assertEquals(0, receiver.scanNow());
            assertEquals(1, receiver.scanNow());
            assertEquals(0, receiver.scanNow());
            assertEquals(0, receiver.scanNow(), "not retried");
            driver.advance(1);
            assertEquals(List.of("x1", "x2"), flat(out));
            final List<DeadLetter> letters = driver.context().deadLetters();
            assertEquals(1, letters.size(), letters.toString());
            assertEquals(dir.resolve("bad.txt").toString(), letters.get(0).record());
            assertTrue(letters.get(0).reason().contains("could not read file " + dir.resolve("bad.txt")
                + " (java.io.IOException: simulated device error): 2 of its lines were stored"), letters.get(0).reason());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            assertEquals(0, receiver.scanNow());
            assertEquals(0, receiver.scanNow(), "not retried after a restart either");
            driver.advance(1);
            assertEquals(List.of(), flat(out));
        }
    }

    @Test
    void aGrowingFileIsTakenOnlyOnceStable() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            final Path file = dir.resolve("grow.txt");
            Files.writeString(file, "a\n");
            assertEquals(0, receiver.scanNow(), "first seen");
            Files.writeString(file, "b\n", StandardOpenOption.APPEND);
            assertEquals(0, receiver.scanNow(), "grew since the last scan");
            Files.writeString(file, "c", StandardOpenOption.APPEND);
            assertEquals(0, receiver.scanNow(), "grew again");
            assertEquals(1, receiver.scanNow(), "unchanged across two scans: taken");
            assertEquals(0, receiver.scanNow());
            driver.advance(1);
            assertEquals(List.of("a", "b", "c"), flat(out));
            assertEquals(List.of(), driver.context().deadLetters());
        }
    }

    @Test
    void aFileRecreatedWithAnotherSizeIsANewFileAndHiddenNamesAreIgnored() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            moveIn("a.txt", "x\n");
            moveIn("_SUCCESS", "marker\n");
            moveIn(".a.txt.crc", "checksum\n");
            assertEquals(0, receiver.scanNow());
            assertEquals(1, receiver.scanNow());
            moveIn("a.txt", "y\ny\n");
            assertEquals(0, receiver.scanNow());
            assertEquals(1, receiver.scanNow(), "another size: a new file");
            driver.advance(1);
            assertEquals(List.of("x", "y", "y"), flat(out));
        }
    }

    @Test
    void theLedgerIsCompactedToThePresentFiles() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = new DirectoryReceiver(dir, MAX_LINE_BYTES, 0, false, 4);
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            for (int i = 0; i < 3; i++)
            {
                moveIn("f" + i, "l" + i + "\n");
            }
            assertEquals(0, receiver.scanNow());
            assertEquals(3, receiver.scanNow(), "6 lines, 3 live files: not compacted");
            assertEquals(7, Files.readAllLines(ledgerFile()).size());
            Files.delete(dir.resolve("f0"));
            Files.delete(dir.resolve("f1"));
            assertEquals(0, receiver.scanNow());
            final List<String> ledger = Files.readAllLines(ledgerFile());
            assertEquals(2, ledger.size(), ledger.toString());
            assertTrue(ledger.get(1).startsWith("DONE 3 ") && ledger.get(1).endsWith(" 1 f2"), ledger.toString());
            driver.advance(1);
            assertEquals(List.of("l0", "l1", "l2"), flat(out));
            driver.crash();
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final DirectoryReceiver receiver = manual();
            final CollectedOutput<String> out = driver.collect(stream(driver, receiver));
            driver.start();
            assertEquals(0, receiver.scanNow());
            assertEquals(0, receiver.scanNow(), "f2 stays done after compaction");
            driver.advance(1);
            assertEquals(List.of(), flat(out));
        }
    }
}
