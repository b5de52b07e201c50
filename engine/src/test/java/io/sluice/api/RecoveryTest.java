package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.PairColumns;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recovery in the testkit (Spark's CheckpointSuite shapes): a pipeline runs some batches, the driver crashes, a
 * driver recovering the same checkpoint directory runs the same pipeline code, and every batch after the crash equals
 * the batch an uninterrupted run produced at the same time: state, windows and their history come back exactly.
 */
@ExtendWith(OffHeapLeakCheck.class)
class RecoveryTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int BATCHES = 14;

    @TempDir
    Path tmp;

    /** The pipelines under test, generic and fast path, from a stream of (key, value) pairs to (key, value) pairs. */
    enum Pipeline
    {
        UPDATE_STATE_GENERIC(in -> in.mapToPair(p -> p).updateStateByKey((List<Long> values, Optional<Long> state) ->
            Optional.of(state.orElse(0L) + values.stream().mapToLong(Long::longValue).sum()))),
        UPDATE_STATE_FAST(in -> in.mapToLongPair(Pair::key, Pair::value).updateStateByKey((key, values, state) ->
        {
            long sum = state.exists() ? state.get() : 0;
            for (int i = 0; i < values.size(); i++)
            {
                sum += values.get(i);
            }
            state.update(sum);
        }).boxed()),
        MAP_WITH_STATE_GENERIC(in -> in.mapToPair(p -> p).mapWithState(StateSpec.function(
            (Long key, Optional<Long> value, State<Long> state) ->
            {
                if (state.isTimingOut())
                {
                    return Pair.of(key, -1L);
                }
                final long next = (state.exists() ? state.get() : 0) + value.orElse(0L);
                state.update(next);
                return Pair.of(key, next);
            }).timeout(Duration.ofSeconds(4)))),
        MAP_WITH_STATE_FAST(in -> in.mapToLongPair(Pair::key, Pair::value).mapWithState(
            (key, hasValue, value, state) ->
            {
                final long next = (state.exists() ? state.get() : 0) + (hasValue ? value : 0);
                state.update(next);
                return key * 1000 + next;
            }).mapped().boxed().map(v -> Pair.of(v / 1000, v % 1000))),
        WINDOW_INVERSE_GENERIC(in -> in.mapToPair(p -> p).reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
            BATCH.multipliedBy(3), BATCH)),
        WINDOW_INVERSE_FAST(in -> in.mapToLongPair(Pair::key, Pair::value).reduceByKeyAndWindow(Long::sum,
            (a, b) -> a - b, BATCH.multipliedBy(3), BATCH).boxed()),
        WINDOW_FAST(in -> in.mapToLongPair(Pair::key, Pair::value).reduceByKeyAndWindow(Long::sum,
            BATCH.multipliedBy(4), BATCH.multipliedBy(2)).boxed()),
        WINDOW_GENERIC(in -> in.mapToPair(p -> p).reduceByKeyAndWindow(Long::sum, BATCH.multipliedBy(3), BATCH)),
        WINDOW_INVERSE_STRING(in -> in.mapToStringLongPair(p -> "key-" + p.key(), Pair::value)
            .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, BATCH.multipliedBy(3), BATCH).boxed()
            .map(p -> Pair.of(Long.parseLong(p.key().substring(4)), p.value()))),
        WINDOW_STRING(in -> in.mapToStringLongPair(p -> "k" + p.key(), Pair::value)
            .reduceByKeyAndWindow(Long::sum, BATCH.multipliedBy(4), BATCH.multipliedBy(2)).boxed()
            .map(p -> Pair.of(Long.parseLong(p.key().substring(1)), p.value()))),
        REDUCE_BY_WINDOW_FAST(in -> in.mapToLong(Pair::value).reduceByWindow(Long::sum, (a, b) -> a - b,
            BATCH.multipliedBy(3), BATCH).boxed().map(v -> Pair.of(0L, v))),
        COUNT_BY_WINDOW_FAST(in -> in.mapToLong(Pair::value).countByWindow(BATCH.multipliedBy(4), BATCH.multipliedBy(2))
            .boxed().map(v -> Pair.of(1L, v))),
        STATELESS(in -> in.mapToPair(p -> p).reduceByKey(Long::sum));

        final Function<DStream<Pair<Long, Long>>, DStream<Pair<Long, Long>>> build;

        Pipeline(final Function<DStream<Pair<Long, Long>>, DStream<Pair<Long, Long>>> build)
        {
            this.build = build;
        }
    }

    private static List<List<Pair<Long, Long>>> input()
    {
        final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(11, BATCHES, 8, 6);
        batches.set(5, List.of());
        return batches;
    }

    /** The uninterrupted run: every output batch with its time. */
    private static List<String> uninterrupted(final Pipeline pipeline)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(pipeline.build.apply(driver.input(input())));
            driver.start();
            driver.advance(BATCHES);
            return timed(out);
        }
    }

    private static List<String> timed(final CollectedOutput<Pair<Long, Long>> out)
    {
        final List<String> batches = new ArrayList<>();
        for (int i = 0; i < out.batches().size(); i++)
        {
            batches.add(out.times().get(i) + ": " + out.batches().get(i));
        }
        return batches;
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void batchesAfterACrashEqualTheUninterruptedRun(final Pipeline pipeline)
    {
        crashThreeTimes(pipeline, java.util.Map.of());
    }

    /**
     * With snapshots at every checkpoint batch: the third recovery restores the snapshot of batch 10 s for every
     * stateful pipeline (generic windows without an inverse keep no state: they re-read their window from the log).
     */
    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void batchesAfterACrashEqualTheUninterruptedRunWithSnapshots(final Pipeline pipeline)
    {
        final long restored = crashThreeTimes(pipeline, java.util.Map.of("sluice.checkpoint.minInterval", "0s"));
        if (pipeline != Pipeline.STATELESS && pipeline != Pipeline.WINDOW_GENERIC)
        {
            assertEquals(10_000L, restored, pipeline + ": the last recovery restored the snapshot of batch 10 s");
        }
    }

    /** @return the snapshot time the last recovery restored. */
    private long crashThreeTimes(final Pipeline pipeline, final java.util.Map<String, String> settings)
    {
        long restored = Long.MIN_VALUE;
        final List<String> expected = uninterrupted(pipeline);
        final Path checkpoint = tmp.resolve("checkpoint");
        final List<String> seen = new ArrayList<>();
        final int[] crashAfter = {4, 3, 5};
        int done = 0;
        for (int life = 0; life <= crashAfter.length; life++)
        {
            try (StreamingTestDriver driver = life == 0 ? StreamingTestDriver.create(BATCH, checkpoint, settings)
                : StreamingTestDriver.recover(BATCH, checkpoint, settings))
            {
                final CollectedOutput<Pair<Long, Long>> out = driver.collect(
                    pipeline.build.apply(driver.input(input())));
                driver.start();
                restored = driver.context().runtime().restoredSnapshotTime();
                final int batches = life < crashAfter.length ? crashAfter[life] : BATCHES - done;
                driver.advance(batches);
                assertEquals((long)(done + batches) * BATCH.toMillis(), driver.clock().millis(),
                    "life " + life + ": the clock continues where the previous life stopped");
                for (final Time time : out.times())
                {
                    assertTrue(time.milliseconds() > (long)done * BATCH.toMillis(),
                        "life " + life + ": only new batches reach the output, got " + time);
                }
                seen.addAll(timed(out));
                done += batches;
                if (life < crashAfter.length)
                {
                    driver.crash();
                }
            }
        }
        assertEquals(expected, seen, pipeline + ": three crashes change nothing");
        return restored;
    }

    @Test
    void aFailedOutputIsReportedOnceAndNotRunAgainAfterRecovery()
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        final List<Long> ran = new ArrayList<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            driver.input(List.of(List.of(1L), List.of(2L), List.of(3L))).foreachBatch((batch, time) ->
            {
                if (time.milliseconds() == 3000)
                {
                    throw new IllegalStateException("the process dies in batch 3000");
                }
                ran.add(time.milliseconds());
            });
            driver.start();
            assertThrows(SluiceException.class, () -> driver.advance(3));
            driver.crash();
        }
        assertEquals(List.of(1000L, 2000L), ran);
        // a failed output is not recorded as done, but its batch is: it is not re-run (a failure was reported)
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final CollectedOutput<Long> out = driver.collect(driver.input(List.of(List.of(1L), List.of(2L),
                List.of(3L), List.of(4L))));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of(4L)), out.batches());
        }
    }

    @Test
    void aDataDirectoryInUseIsRefusedWithItsHoldersPid()
    {
        final Path data = tmp.resolve("data");
        try (io.sluice.internal.log.DataDirLock held = io.sluice.internal.log.DataDirLock.acquire(data))
        {
            final StreamingContext context = StreamingContext.builder().batchInterval(BATCH).dataDir(data).build();
            context.queueStream(new java.util.ArrayDeque<List<Long>>(), true).print();
            final IllegalStateException refused = assertThrows(IllegalStateException.class, context::start);
            assertTrue(refused.getMessage().contains("is in use") && refused.getMessage()
                .contains(Long.toString(ProcessHandle.current().pid())), refused.getMessage());
            assertEquals(StreamingContextState.STOPPED, context.state());
        }
    }

    @Test
    void getOrCreateRunsTheFactoryAndGivesItTheCheckpointDirectory()
    {
        final Path checkpoint = tmp.resolve("cp");
        final StreamingContext context = StreamingContext.getOrCreate(checkpoint, () ->
            StreamingContext.builder().batchInterval(BATCH).build());
        assertEquals(checkpoint, context.checkpointDir());
        final IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () ->
            StreamingContext.getOrCreate(checkpoint, () ->
                StreamingContext.builder().batchInterval(BATCH).checkpointDir(tmp.resolve("other")).build()));
        assertTrue(other.getMessage().contains("set the same one"), other.getMessage());
    }

    @Test
    void aChangedBatchIntervalIsRefusedUnlessCreateOnError() throws Exception
    {
        final Path checkpoint = tmp.resolve("cp");
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            driver.collect(driver.input(List.of(List.of(1L))));
            driver.start();
            driver.advance(1);
        }
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
            StreamingContext.getOrCreate(checkpoint, () ->
                StreamingContext.builder().batchInterval(Duration.ofMillis(500)).build()));
        assertTrue(refused.getMessage().contains("batch interval of 1000 ms"), refused.getMessage());
        final StreamingContext fresh = StreamingContext.getOrCreate(checkpoint, () ->
            StreamingContext.builder().batchInterval(Duration.ofMillis(500)).build(), true);
        assertEquals(checkpoint, fresh.checkpointDir());
        try (var entries = Files.list(tmp))
        {
            assertTrue(entries.anyMatch(p -> p.getFileName().toString().startsWith("cp.corrupt-")),
                "the unreadable checkpoint is kept aside");
        }
    }


    @Test
    void recordsStoredAfterTheLastCutFormTheFirstBatchAfterRecoveryAndStateCountsEachOnce()
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        final java.util.function.BiFunction<StreamingTestDriver, PassiveReceiver<String>, List<CollectedOutput<?>>> pipeline =
            (driver, receiver) ->
            {
                final DStream<String> lines = driver.context().receiverStream(receiver, Codecs.STRING);
                final CollectedOutput<String> raw = driver.collect(lines);
                final CollectedOutput<Pair<String, Long>> counts = driver.collect(lines.mapToPair(l -> Pair.of(l, 1L))
                    .updateStateByKey((List<Long> values, Optional<Long> state) ->
                        Optional.of(state.orElse(0L) + values.size())));
                return List.of(raw, counts);
            };
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final List<CollectedOutput<?>> outs = pipeline.apply(driver, receiver);
            driver.start();
            receiver.store(List.of("a", "b", "a").iterator());
            driver.awaitReceived(3);
            driver.advance(1);
            receiver.store(List.of("b", "c").iterator());
            driver.awaitReceived(5);
            assertEquals(List.of(List.of("a", "b", "a")), outs.get(0).batches());
            driver.crash();
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final List<CollectedOutput<?>> outs = pipeline.apply(driver, receiver);
            driver.start();
            receiver.store("a");
            driver.awaitReceived(1);
            driver.advance(1);
            assertEquals(List.of(List.of("b", "c", "a")), outs.get(0).batches(),
                "the records stored after the last cut, then the new one");
            assertEquals(List.of(new Time(2000)), outs.get(0).times());
            assertEquals(List.of(List.of(Pair.of("a", 3L), Pair.of("b", 2L), Pair.of("c", 1L))),
                outs.get(1).batches(), "state rebuilt from the log, each record counted once");
        }
    }

    @Test
    void aLogWriterFaultStopsTheContextVisiblyAndARestartRecoversWhatWasWritten() throws Exception
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            driver.collect(driver.context().receiverStream(receiver, Codecs.STRING));
            driver.context().addStreamingListener(new StreamingListener()
            {
                @Override
                public void onStreamingFailed(final long time, final Throwable cause)
                {
                    failures.add(cause);
                }
            });
            driver.start();
            io.sluice.internal.recovery.CrashPoints.injectFault(io.sluice.internal.recovery.CrashPoints.LOG_AFTER_APPEND);
            try
            {
                // one record: the fault hits the first block appended, which then holds exactly it (records still in the
                // ring when the log fails are lost with the process: a record is safe once it is in the log)
                receiver.store("kept-1");
                final SluiceException failure = assertThrows(SluiceException.class,
                    () -> driver.context().awaitTerminationOrTimeout(Duration.ofMinutes(2)));
                assertTrue(failure.getMessage().contains("the ingest log writer failed"), failure.getMessage());
                assertTrue(failure.getCause() instanceof InternalError, String.valueOf(failure.getCause()));
            }
            finally
            {
                io.sluice.internal.recovery.CrashPoints.injectFault(null);
            }
            assertTrue(driver.context().runtime().awaitTerminated(120_000), "the context stops by itself");
            assertEquals(StreamingContextState.STOPPED, driver.context().state());
        }
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final CollectedOutput<String> out = driver.collect(driver.context().receiverStream(receiver,
                Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("kept-1")), out.batches(),
                "what reached the log before the fault is processed after the restart");
        }
        assertEquals(1, failures.size(), "one onStreamingFailed event: " + failures);
    }

    private static void produce(final Path topic, final List<String> records) throws InterruptedException
    {
        TopicRecords.produce(topic, records);
    }

    @Test
    void aChronicleTopicInputRecoversItsRecordedRangesAndResumesAfterThem() throws Exception
    {
        final Path checkpoint = tmp.resolve("checkpoint");
        final Path topic = tmp.resolve("topic");
        final java.util.function.Function<StreamingTestDriver, List<CollectedOutput<?>>> pipeline = driver ->
        {
            final DStream<String> records = driver.context().chronicleTopic(topic, TopicStart.BEGINNING,
                Codecs.STRING);
            final CollectedOutput<String> raw = driver.collect(records);
            final CollectedOutput<Pair<String, Long>> counts = driver.collect(records.mapToPair(r -> Pair.of(r, 1L))
                .updateStateByKey((List<Long> values, Optional<Long> state) ->
                    Optional.of(state.orElse(0L) + values.size())));
            return List.of(raw, counts);
        };
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint))
        {
            final List<CollectedOutput<?>> outs = pipeline.apply(driver);
            driver.start();
            produce(topic, List.of("a", "b"));
            driver.advance(1);
            produce(topic, List.of("a"));
            driver.advance(1);
            produce(topic, List.of("c"));
            assertEquals(List.of(List.of("a", "b"), List.of("a")), outs.get(0).batches());
            driver.crash();
        }
        produce(topic, List.of("b"));
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint))
        {
            final List<CollectedOutput<?>> outs = pipeline.apply(driver);
            driver.start();
            driver.advance(1);
            assertEquals(List.of(List.of("c", "b")), outs.get(0).batches(),
                "what the topic got after the last recorded range, once");
            assertEquals(List.of(List.of(Pair.of("a", 2L), Pair.of("b", 2L), Pair.of("c", 1L))), outs.get(1).batches(),
                "state replayed over exactly the recorded ranges");
        }
    }
}
