package io.sluice.tools;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PassiveReceiver;
import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log inspector on a real data directory left by a crashed run: list, dump, snapshots, replay, bad arguments. */
@ExtendWith(OffHeapLeakCheck.class)
class LogToolTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);

    @TempDir
    Path tmp;


    /** The replayed pipeline: counts words. */
    public static final class WordCount implements Function<DStream<String>, DStream<?>>
    {
        @Override
        public DStream<?> apply(final DStream<String> lines)
        {
            return lines.mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum);
        }
    }

    private record Run(int status, String out, String err)
    {
    }

    private static Run run(final String... args)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int status = LogTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listsDumpsShowsSnapshotsAndReplaysABatch()
    {
        final Path checkpoint = tmp.resolve("cp");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint,
            Map.of("sluice.checkpoint.minInterval", "0s")))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final DStream<String> words = driver.context().receiverStream(receiver, Codecs.STRING);
            final var counts = words.mapToPair(w -> Pair.of(w, 1L)).updateStateByKey(
                (List<Long> values, Optional<Long> state) -> Optional.of(state.orElse(0L) + values.size()));
            counts.checkpoint(BATCH);
            driver.collect(counts.stateId("word-counts"));
            driver.start();
            receiver.store(List.of("a", "b", "a").iterator());
            driver.awaitReceived(3);
            driver.advance(1);
            receiver.store(List.of("c", "\u00e9t\u00e9").iterator());
            driver.awaitReceived(5);
            driver.advance(1);
            receiver.store("open");
            driver.awaitReceived(6);
            driver.crash();
        }
        final Path data = checkpoint.resolve("log");
        final Run list = run("list", data.toString());
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("1000             0:3"), list.out());
        assertTrue(list.out().contains("2000             0:2"), list.out());
        assertTrue(list.out().contains("done, snapshot"), list.out());
        assertTrue(list.out().contains("1 records after the last sealed batch"), list.out());

        final Run dump = run("dump", data.toString(), "2000");
        assertEquals(0, dump.status(), dump.err());
        assertEquals(List.of("batch 2000 ms, stream 0: 2 records", "c", "\u00e9t\u00e9"), dump.out().lines().toList());

        final Run snapshots = run("snapshots", checkpoint.toString());
        assertEquals(0, snapshots.status(), snapshots.err());
        assertTrue(snapshots.out().contains("batch 2000 ms") && snapshots.out().contains("word-counts  "
            + "updateStateByKey"), snapshots.out());

        final Run replay = run("replay", data.toString(), "1000", WordCount.class.getName());
        assertEquals(0, replay.status(), replay.err());
        assertEquals(List.of("batch 1000 ms, stream 0: 3 records in, 2 out:", "(a,2)", "(b,1)"),
            replay.out().lines().toList());
    }

    @Test
    void badArgumentsGiveUsageAndStatusTwoAndAMissingDirectoryStatusOne()
    {
        final Run none = run();
        assertEquals(2, none.status());
        assertTrue(none.err().contains("usage: log list"), none.err());
        final Run unknown = run("frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());
        final Run missing = run("dump", tmp.toString());
        assertEquals(2, missing.status());
        final Run notSluice = run("list", tmp.resolve("nothing").toString());
        assertEquals(1, notSluice.status());
        assertTrue(notSluice.err().contains("holds no batch manifest"), notSluice.err());
    }
}
