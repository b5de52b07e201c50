package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A soak of the data directory's retention: a minute batch interval on a five-minute roll cycle (the log rolls by the
 * context's ManualClock), many cycles of records; the log's files stay bounded while the pipeline runs, and after a
 * crash the recovered state still counts every record exactly once.
 */
@ExtendWith(OffHeapLeakCheck.class)
class LogRetentionTest
{
    private static final Duration BATCH = Duration.ofMinutes(1);
    private static final int BATCHES = 90;
    private static final Map<String, String> SETTINGS = Map.of("sluice.log.rollCycle", "FIVE_MINUTELY",
        "sluice.checkpoint.minInterval", "0s");

    @TempDir
    Path tmp;


    private static long cycleFiles(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).count();
        }
    }

    private static CollectedOutput<Pair<String, Long>> pipeline(final StreamingTestDriver driver,
        final PassiveReceiver<String> receiver, final boolean isStateful)
    {
        final PairDStream<String, Long> ones = driver.context().receiverStream(receiver, Codecs.STRING)
            .mapToPair(line -> Pair.of(line, 1L));
        if (!isStateful)
        {
            return driver.collect(ones.reduceByKey(Long::sum));
        }
        final PairDStream<String, Long> counts = ones.updateStateByKey((List<Long> values, Optional<Long> state) ->
            Optional.of(state.orElse(0L) + values.size())).stateId("counts");
        counts.checkpoint(BATCH.multipliedBy(5));
        return driver.collect(counts);
    }

    @ParameterizedTest(name = "stateful {0}")
    @ValueSource(booleans = {false, true})
    void theLogStaysBoundedAndRecoveryStillCountsEveryRecordOnce(final boolean isStateful) throws IOException
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        final Path streams = checkpoint.resolve("log").resolve("streams").resolve("0");
        final Path manifest = checkpoint.resolve("log").resolve("manifest");
        long maxStreamFiles = 0;
        long maxManifestFiles = 0;
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint, SETTINGS))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            pipeline(driver, receiver, isStateful);
            driver.start();
            for (int b = 0; b < BATCHES; b++)
            {
                receiver.store(List.of("k" + (b % 3), "k" + (b % 5)).iterator());
                driver.awaitReceived(2L * (b + 1));
                driver.advance(1);
                maxStreamFiles = Math.max(maxStreamFiles, cycleFiles(streams));
                maxManifestFiles = Math.max(maxManifestFiles, cycleFiles(manifest));
            }
            assertTrue(driver.context().runtime().logFilesDeleted() > 20,
                "files deleted: " + driver.context().runtime().logFilesDeleted());
            driver.crash();
        }
        // 90 minutes of log on a five-minute roll is 18 cycles per queue; recovery needs at most the last snapshot's
        assertTrue(maxStreamFiles <= 5, "stream queue files at most: " + maxStreamFiles);
        assertTrue(maxManifestFiles <= 5, "manifest files at most: " + maxManifestFiles);
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, SETTINGS))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final CollectedOutput<Pair<String, Long>> out = pipeline(driver, receiver, isStateful);
            driver.start();
            receiver.store("k0");
            driver.awaitReceived(1);
            driver.advance(1);
            if (isStateful)
            {
                long total = 0;
                for (final Pair<String, Long> pair : out.batches().get(0))
                {
                    total += pair.value();
                }
                assertEquals(2L * BATCHES + 1, total, "every record counted once: " + out.batches());
            }
            else
            {
                assertEquals(List.of(List.of(Pair.of("k0", 1L))), out.batches());
            }
        }
    }
}
