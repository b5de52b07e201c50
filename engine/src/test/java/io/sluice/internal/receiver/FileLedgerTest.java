package io.sluice.internal.receiver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file ledger on disk: entries survive reopening, a torn last line is dropped, compaction keeps present files. */
class FileLedgerTest
{
    @TempDir
    Path dir;

    private FileLedger created(final Map<String, FileLedger.Entry> ignored) throws Exception
    {
        final FileLedger ledger = FileLedger.open(dir, 4);
        assertTrue(ledger.isNew());
        ledger.create(ignored);
        return ledger;
    }

    private Path ledgerFile()
    {
        return dir.resolve(FileLedger.FILE_NAME);
    }

    @Test
    void entriesSurviveReopeningWithTheLatestEntryPerName() throws Exception
    {
        try (FileLedger ledger = created(Map.of("old.txt", new FileLedger.Entry(FileLedger.IGNORED, 3, 30, 0))))
        {
            ledger.begin("a.txt", 10, 100, -1);
            ledger.done("a.txt", 10, 100, 2);
            ledger.begin("b c %d\nx", 20, 200, 0x1234_0000_0005L);
        }
        try (FileLedger ledger = FileLedger.open(dir, 4))
        {
            assertFalse(ledger.isNew());
            assertEquals(new FileLedger.Entry(FileLedger.IGNORED, 3, 30, 0), ledger.get("old.txt"));
            assertEquals(new FileLedger.Entry(FileLedger.DONE, 10, 100, 2), ledger.get("a.txt"));
            assertEquals(new FileLedger.Entry(FileLedger.BEGUN, 20, 200, 0x1234_0000_0005L), ledger.get("b c %d\nx"));
            assertEquals(List.of("b c %d\nx"), ledger.begunNames());
            assertEquals(4, ledger.lineCount());
            assertTrue(ledger.get("a.txt").isSettledAs(10, 100));
            assertFalse(ledger.get("a.txt").isSettledAs(11, 100));
            assertFalse(ledger.get("b c %d\nx").isSettledAs(20, 200), "begun is not settled");
        }
        assertEquals(List.of(FileLedger.HEADER, "IGNORE 3 30 old.txt", "BEGIN 10 100 -1 a.txt", "DONE 10 100 2 a.txt",
            "BEGIN 20 200 " + 0x1234_0000_0005L + " b c %25d%0Ax"), Files.readAllLines(ledgerFile()));
    }

    @Test
    void aTornLastLineIsDroppedAndCutOff() throws Exception
    {
        try (FileLedger ledger = created(Map.of()))
        {
            ledger.begin("a.txt", 10, 100, 7);
        }
        Files.writeString(ledgerFile(), "DONE 10 100 3 a.t", StandardOpenOption.APPEND);
        try (FileLedger ledger = FileLedger.open(dir, 4))
        {
            assertEquals(FileLedger.BEGUN, ledger.get("a.txt").kind(), "the torn DONE never happened");
            ledger.done("a.txt", 10, 100, 3);
        }
        assertEquals(List.of(FileLedger.HEADER, "BEGIN 10 100 7 a.txt", "DONE 10 100 3 a.txt"),
            Files.readAllLines(ledgerFile()));
    }

    @Test
    void aDamagedLineInTheMiddleIsAnError() throws Exception
    {
        created(Map.of()).close();
        Files.writeString(ledgerFile(), "DONE 10 x 3 a.txt\nDONE 1 2 3 b.txt\n", StandardOpenOption.APPEND);
        final FileLedger.CorruptLedgerException error = assertThrows(FileLedger.CorruptLedgerException.class,
            () -> FileLedger.open(dir, 4));
        assertTrue(error.getMessage().contains("line 2 of " + ledgerFile()), error.getMessage());

        Files.writeString(ledgerFile(), "something else\n");
        assertThrows(FileLedger.CorruptLedgerException.class, () -> FileLedger.open(dir, 4));
    }

    @Test
    void compactionKeepsOnlyPresentFilesAndStaysAppendable() throws Exception
    {
        try (FileLedger ledger = created(Map.of("kept.txt", new FileLedger.Entry(FileLedger.IGNORED, 1, 1, 0))))
        {
            for (int i = 0; i < 2; i++)
            {
                ledger.begin("gone" + i, i, i, -1);
                ledger.done("gone" + i, i, i, 1);
            }
            assertFalse(ledger.compactIfLarge(Set.of("kept.txt", "gone0", "gone1")), "5 lines, 3 live: not yet");
            assertTrue(ledger.compactIfLarge(Set.of("kept.txt")));
            assertEquals(1, ledger.lineCount());
            assertNull(ledger.get("gone0"));
            ledger.begin("new.txt", 5, 5, 9);
        }
        assertEquals(List.of(FileLedger.HEADER, "IGNORE 1 1 kept.txt", "BEGIN 5 5 9 new.txt"),
            Files.readAllLines(ledgerFile(), StandardCharsets.UTF_8));
        assertFalse(Files.exists(dir.resolve(FileLedger.FILE_NAME + ".tmp")));
        try (FileLedger ledger = FileLedger.open(dir, 4))
        {
            assertEquals(2, ledger.entries().size());
        }
    }
}
