package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State survives code changes: the graph always comes from code, and each stateful operator's state is found in the
 * snapshot by its stable id. Adding operators and changing functions restore; a removed operator's state or a changed
 * key type fails with a message unless {@code sluice.recovery.allowNonRestoredState}. The golden checkpoint in
 * {@code src/test/resources/golden-snapshots/v1} (written by this release, see {@link #writeGolden}) restores, so the
 * next release proves it reads this one's snapshots.
 */
@ExtendWith(OffHeapLeakCheck.class)
class SnapshotCompatibilityTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final Map<String, String> SNAPSHOT_EVERY_BATCH = Map.of("sluice.checkpoint.minInterval", "0s");
    private static final List<List<String>> INPUT = List.of(List.of("a", "b", "a"), List.of("b", "c"),
        List.of("a"), List.of("c", "c"), List.of("d"), List.of("a", "d"));

    @TempDir
    Path tmp;

    private static PairDStream<String, Long> counts(final DStream<String> words, final String id)
    {
        final PairDStream<String, Long> counts = words.mapToPair(w -> Pair.of(w, 1L))
            .updateStateByKey((List<Long> values, Optional<Long> state) ->
                Optional.of(state.orElse(0L) + values.size()));
        counts.checkpoint(BATCH);
        return id == null ? counts : counts.stateId(id);
    }

    private static StringLongPairDStream fastCounts(final DStream<String> words)
    {
        return words.mapToStringLongPair(w -> w, w -> 1L).updateStateByKey((key, values, state) ->
        {
            long sum = state.exists() ? state.get() : 0;
            for (int i = 0; i < values.size(); i++)
            {
                sum += values.get(i);
            }
            state.update(sum);
        }).stateId("fast-counts");
    }

    /** Runs three batches with the "counts" operator, then crashes: a checkpoint with a snapshot of batch 3 s. */
    private Path firstRun()
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            driver.collect(counts(driver.input(INPUT), "counts"));
            driver.start();
            driver.advance(3);
            driver.crash();
        }
        return checkpoint;
    }

    @Test
    void addingAnOperatorAndChangingTheFunctionRestores()
    {
        final Path checkpoint = firstRun();
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            final DStream<String> words = driver.input(INPUT);
            final CollectedOutput<Long> added = driver.collect(words.count());
            final PairDStream<String, Long> doubled = words.mapToPair(w -> Pair.of(w, 2L))
                .updateStateByKey((List<Long> values, Optional<Long> state) ->
                    Optional.of(state.orElse(0L) + values.stream().mapToLong(Long::longValue).sum()));
            doubled.checkpoint(BATCH);
            final CollectedOutput<Pair<String, Long>> out = driver.collect(doubled.stateId("counts"));
            driver.start();
            assertEquals(3000L, driver.context().runtime().restoredSnapshotTime());
            driver.advance(1);
            // state after 3 s: a=3, b=2, c=1; the changed function adds 2 per record from now on
            assertEquals(List.of(List.of(Pair.of("a", 3L), Pair.of("b", 2L), Pair.of("c", 5L))), out.batches());
            assertEquals(List.of(List.of(2L)), added.batches());
        }
    }

    @Test
    void aRemovedOperatorsStateFailsUnlessAllowedAndAChangedKindFails()
    {
        final Path checkpoint = firstRun();
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            driver.collect(counts(driver.input(INPUT), "renamed"));
            final IllegalStateException refused = assertThrows(IllegalStateException.class, driver::start);
            assertTrue(refused.getMessage().contains("'counts'") && refused.getMessage()
                .contains("sluice.recovery.allowNonRestoredState"), refused.getMessage());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            final DStream<String> words = driver.input(INPUT);
            driver.collect(words.mapToPair(w -> Pair.of(w, 1L)).mapWithState(StateSpec.function(
                (String key, Optional<Long> value, State<Long> state) -> key)).stateId("counts"));
            final IllegalStateException refused = assertThrows(IllegalStateException.class, driver::start);
            assertTrue(refused.getMessage().contains("was written by updateStateByKey"), refused.getMessage());
        }
        final Map<String, String> allow = Map.of("sluice.checkpoint.minInterval", "0s",
            "sluice.recovery.allowNonRestoredState", "true");
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, allow))
        {
            final CollectedOutput<Pair<String, Long>> out = driver.collect(counts(driver.input(INPUT), "renamed"));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(Pair.of("c", 2L))), out.batches(), "the renamed operator starts empty");
        }
    }

    @Test
    void theGoldenCheckpointOfThisReleaseRestores() throws IOException
    {
        final Path checkpoint = tmp.resolve("golden");
        restoreGolden("golden-snapshots/v1", checkpoint);
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            final DStream<String> words = driver.input(INPUT);
            final CollectedOutput<Pair<String, Long>> generic = driver.collect(counts(words, "counts"));
            final CollectedOutput<Pair<String, Long>> fast = driver.collect(fastCounts(words).boxed());
            driver.start();
            assertEquals(3000L, driver.context().runtime().restoredSnapshotTime(), "the golden snapshot restored");
            driver.advance(1);
            final List<List<Pair<String, Long>>> expected = List.of(List.of(Pair.of("a", 3L), Pair.of("b", 2L),
                Pair.of("c", 3L)));
            assertEquals(expected, generic.batches());
            assertEquals(expected, fast.batches());
        }
    }

    /**
     * Regenerates the golden checkpoint (run with {@code -Dsluice.golden.write=<engine>/src/test/resources/
     * golden-snapshots/v1}): the snapshot file as written, and the manifest's records as raw bodies
     * ({@code manifest.records}: int length, then the record, per record), so no sparse Chronicle file is committed.
     * A release commits it and never changes it afterwards.
     */
    @Test
    void writeGolden() throws IOException
    {
        final String target = System.getProperty("sluice.golden.write");
        if (target == null)
        {
            return;
        }
        final Path checkpoint = tmp.resolve("to-golden");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint, SNAPSHOT_EVERY_BATCH))
        {
            final DStream<String> words = driver.input(INPUT);
            driver.collect(counts(words, "counts"));
            driver.collect(fastCounts(words).boxed());
            driver.start();
            driver.advance(3);
            driver.crash();
        }
        final Path golden = Path.of(target);
        Files.createDirectories(golden);
        Files.copy(checkpoint.resolve("snapshots").resolve("state-3000.snap"), golden.resolve("state-3000.snap"),
            StandardCopyOption.REPLACE_EXISTING);
        try (var queue = io.sluice.internal.log.LogQueues.open(checkpoint.resolve("log").resolve("manifest"),
                net.openhft.chronicle.queue.RollCycles.FAST_DAILY);
             var tailer = queue.createTailer();
             var out = new java.io.DataOutputStream(Files.newOutputStream(golden.resolve("manifest.records"))))
        {
            while (true)
            {
                try (var dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final var bytes = dc.wire().bytes();
                    final byte[] record = new byte[(int)bytes.readRemaining()];
                    bytes.read(record);
                    out.writeInt(record.length);
                    out.write(record);
                }
            }
        }
    }

    /** Lays out a checkpoint from the golden resource: the manifest's records appended raw, the snapshot file. */
    private static void restoreGolden(final String resource, final Path checkpoint) throws IOException
    {
        final ClassLoader loader = SnapshotCompatibilityTest.class.getClassLoader();
        final Path snapshots = Files.createDirectories(checkpoint.resolve("snapshots"));
        try (InputStream in = loader.getResourceAsStream(resource + "/state-3000.snap"))
        {
            Files.copy(in, snapshots.resolve("state-3000.snap"));
        }
        final Path manifest = Files.createDirectories(checkpoint.resolve("log").resolve("manifest"));
        try (var records = new java.io.DataInputStream(loader.getResourceAsStream(resource + "/manifest.records"));
             var queue = io.sluice.internal.log.LogQueues.open(manifest,
                 net.openhft.chronicle.queue.RollCycles.FAST_DAILY);
             var appender = queue.createAppender())
        {
            while (records.available() > 0)
            {
                final byte[] record = new byte[records.readInt()];
                records.readFully(record);
                try (var dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(record);
                }
            }
        }
    }
}
