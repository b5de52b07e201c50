package io.sluice.internal.ingest;

import io.sluice.api.Codec;
import io.sluice.api.Codecs;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;
import io.sluice.internal.memory.OffHeapLeakCheck;
import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
@ExtendWith(OffHeapLeakCheck.class)
class IngestPipelineTest
{
    @TempDir
    Path dataDir;

    @Test
    void everyCodecRoundTripsThroughSegments() throws InterruptedException
    {
        final List<String> strings = List.of("a", "", "caf\u00e9", "\u4e2d\ud83d\ude00", "last");
        final List<Long> longs = List.of(Long.MIN_VALUE, -1L, 0L, 42L, Long.MAX_VALUE);
        final List<Double> doubles = List.of(-0.0, 1.5, Double.NaN, Double.MAX_VALUE);
        final List<byte[]> bytes = List.of(new byte[0], new byte[]{1}, new byte[]{1, 2, 3, (byte)0xFF});

        try (IngestPipeline pipeline = new IngestPipeline(config(Map.of()), dataDir))
        {
            final int s = pipeline.registerStream("strings");
            final int l = pipeline.registerStream("longs");
            final int d = pipeline.registerStream("doubles");
            final int b = pipeline.registerStream("bytes");
            assertEquals(List.of(0, 1, 2, 3), List.of(s, l, d, b));
            pipeline.start();

            strings.forEach(pipeline.writer(s, Codecs.STRING)::store);
            longs.forEach(pipeline.writer(l, Codecs.LONG)::store);
            pipeline.writer(d, Codecs.DOUBLE).store(doubles.iterator());
            bytes.forEach(pipeline.writer(b, Codecs.BYTES)::store);
            pipeline.cut(1000);

            final BatchSegments batch = pipeline.awaitSegments(1000);
            assertEquals(1000, batch.batchTime());
            assertEquals(4, batch.segments().size());
            assertEquals(strings, read(pipeline, batch.segment(s), Codecs.STRING));
            assertEquals(longs, read(pipeline, batch.segment(l), Codecs.LONG));
            assertEquals(doubles, read(pipeline, batch.segment(d), Codecs.DOUBLE));
            final List<byte[]> readBytes = read(pipeline, batch.segment(b), Codecs.BYTES);
            assertEquals(bytes.size(), readBytes.size());
            for (int i = 0; i < bytes.size(); i++)
            {
                assertArrayEquals(bytes.get(i), readBytes.get(i));
            }
            assertEquals(strings.size(), pipeline.acceptedRecords(s));
            assertEquals(doubles.size(), pipeline.acceptedRecords(d));
            assertEquals(strings.size() + longs.size() + doubles.size() + bytes.size(), batch.recordCount());

            pipeline.writer(l, Codecs.LONG).store(7L);
            pipeline.cut(2000);
            final BatchSegments second = pipeline.awaitSegments(2000);
            assertTrue(second.segment(s).isEmpty());
            assertEquals(Segment.empty(s), second.segment(s));
            assertEquals(List.of(7L), read(pipeline, second.segment(l), Codecs.LONG));
            assertEquals(List.of(), read(pipeline, second.segment(d), Codecs.DOUBLE));
        }
    }

    @Test
    void blocksSpanManyDocumentsAndKeepOrder() throws InterruptedException
    {
        final int count = 10_000;
        try (IngestPipeline pipeline = new IngestPipeline(
            config(Map.of("sluice.ring.slotBytes", "8", "sluice.log.blockBytes", "100")), dataDir))
        {
            final int id = pipeline.registerStream("numbers");
            final long[] appended = new long[2];
            pipeline.appendListener((streamId, index, records) ->
            {
                appended[0] += records;
                appended[1]++;
            });
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            // stored before start: the writer then drains full rings at once, so blocks fill up
            LongStream.range(0, 64).forEach(writer::store);
            pipeline.start();
            writer.store(LongStream.range(64, count).boxed().iterator());
            pipeline.cut(1);

            final Segment segment = pipeline.awaitSegments(1).segment(id);
            assertEquals(count, segment.recordCount());
            // 100-byte blocks hold at most (100 - 4) / 12 = 8 records
            assertTrue(segment.documentCount() >= count / 8, segment.toString());
            assertEquals(LongStream.range(0, count).boxed().collect(Collectors.toList()),
                read(pipeline, segment, Codecs.LONG));
            // the awaited cut happens-after every append the listener saw for this batch
            assertEquals(count, appended[0]);
            assertEquals(segment.documentCount(), appended[1]);
        }
    }

    @Test
    void recordsOfExactlySlotBytesFitAndLargerOnesAreRejectedWhole() throws InterruptedException
    {
        try (IngestPipeline pipeline = new IngestPipeline(
            config(Map.of("sluice.ring.slotBytes", "32", "sluice.log.blockBytes", "40")), dataDir))
        {
            final int id = pipeline.registerStream("bytes");
            pipeline.start();
            final StreamWriter<byte[]> writer = pipeline.writer(id, Codecs.BYTES);
            final byte[] exact = filled(32, 1);
            writer.store(exact);
            final RecordTooLargeException ex =
                assertThrows(RecordTooLargeException.class, () -> writer.store(filled(33, 2)));
            assertTrue(ex.getMessage().contains("sluice.ring.slotBytes"), ex.getMessage());
            assertTrue(ex.getMessage().contains("32 bytes"), ex.getMessage());

            final List<byte[]> batch = List.of(filled(3, 3), filled(32, 4), filled(40, 5), filled(1, 6));
            assertThrows(RecordTooLargeException.class, () -> writer.store(batch.iterator()));
            writer.store(filled(0, 7));
            pipeline.cut(1);

            final Segment segment = pipeline.awaitSegments(1).segment(id);
            final List<byte[]> records = read(pipeline, segment, Codecs.BYTES);
            assertEquals(4, records.size());
            assertArrayEquals(exact, records.get(0));
            assertArrayEquals(filled(3, 3), records.get(1));
            assertArrayEquals(filled(32, 4), records.get(2));
            assertArrayEquals(filled(0, 7), records.get(3));
            assertEquals(4, pipeline.acceptedRecords(id));
            assertEquals(4, segment.documentCount(), "a 40-byte block holds one 32-byte record");
        }
    }

    @Test
    @SuppressWarnings("try") // closes inside try-with-resources on purpose: close() must be idempotent
    void closeDrainsTheRingAndTheManifestSurvivesReopen() throws InterruptedException
    {
        final int count = 5_000;
        try (IngestPipeline pipeline = new IngestPipeline(config(Map.of("sluice.ring.size", "1024")), dataDir))
        {
            final int id = pipeline.registerStream("numbers");
            pipeline.start();
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            LongStream.range(0, count).forEach(writer::store);
            pipeline.cut(10);
            writer.store((long)count);
            pipeline.cut(20);
            pipeline.close();

            assertEquals(count, pipeline.awaitSegments(10).segment(id).recordCount());
            assertEquals(1, pipeline.awaitSegments(20).segment(id).recordCount());
            assertThrows(IllegalStateException.class, () -> writer.store(1L));
            assertThrows(IllegalStateException.class, () -> pipeline.cut(30));
            assertThrows(IllegalStateException.class, () -> pipeline.awaitSegments(30));
            pipeline.close();
        }

        try (IngestPipeline reopened = new IngestPipeline(config(Map.of()), dataDir))
        {
            final int id = reopened.registerStream("numbers");
            reopened.start();
            final List<BatchSegments> entries = readManifest(dataDir);
            assertEquals(List.of(10L, 20L), entries.stream().map(BatchSegments::batchTime).collect(Collectors.toList()));
            final List<Long> all = new ArrayList<>(read(reopened, entries.get(0).segment(id), Codecs.LONG));
            all.addAll(read(reopened, entries.get(1).segment(id), Codecs.LONG));
            assertEquals(LongStream.rangeClosed(0, count).boxed().collect(Collectors.toList()), all);
        }
    }

    @Test
    void aSegmentSpanningAQueueRollReadsBackWhole() throws InterruptedException
    {
        final SetTimeProvider clock = new SetTimeProvider("2026-11-21T10:00:00");
        try (IngestPipeline pipeline = new IngestPipeline(
            config(Map.of("sluice.ring.slotBytes", "8", "sluice.log.blockBytes", "64")), dataDir,
            TestRollCycles.TEST_SECONDLY, clock))
        {
            final int id = pipeline.registerStream("numbers");
            pipeline.start();
            final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
            final List<Long> expected = new ArrayList<>();
            for (long cycle = 0; cycle < 3; cycle++)
            {
                for (long i = 0; i < 20; i++)
                {
                    final long value = cycle * 100 + i;
                    writer.store(value);
                    expected.add(value);
                }
                // the next cycle's first document must not be appended before the roll: await a cut to be sure
                pipeline.cut(cycle * 10 + 1);
                pipeline.awaitSegments(cycle * 10 + 1);
                clock.advanceMillis(1000);
            }
            pipeline.cut(100);
            final List<Segment> segments = new ArrayList<>();
            for (final long time : new long[]{1, 11, 21})
            {
                segments.add(pipeline.awaitSegments(time).segment(id));
            }
            final Segment first = segments.get(0);
            final Segment last = segments.get(2);
            assertTrue(TestRollCycles.TEST_SECONDLY.toCycle(first.firstIndex()) <
                TestRollCycles.TEST_SECONDLY.toCycle(last.firstIndex()), "the queue rolled between the batches");

            final List<Long> values = new ArrayList<>();
            segments.forEach((segment) -> values.addAll(read(pipeline, segment, Codecs.LONG)));
            assertEquals(expected, values);

            // one segment spanning all three cycles: what a batch interval longer than a cycle would record
            final long documents = segments.stream().mapToLong(Segment::documentCount).sum();
            final Segment spanning = new Segment(id, first.firstIndex(), documents, expected.size());
            assertEquals(expected, read(pipeline, spanning, Codecs.LONG));
            assertEquals(List.of(), read(pipeline, pipeline.awaitSegments(100).segment(id), Codecs.LONG));
        }
    }

    @Test
    void closeWithoutStartDrainsWhatWasStored() throws InterruptedException
    {
        final IngestPipeline pipeline = new IngestPipeline(config(Map.of("sluice.ring.size", "64")), dataDir);
        final int id = pipeline.registerStream("numbers");
        final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
        LongStream.range(0, 10).forEach(writer::store);
        pipeline.cut(1);
        pipeline.close();
        assertEquals(10, pipeline.awaitSegments(1).segment(id).recordCount());
    }

    @Test
    void logWriterThreadIsNamed() throws InterruptedException
    {
        try (IngestPipeline pipeline = new IngestPipeline(config(Map.of()), dataDir))
        {
            pipeline.registerStream("s");
            pipeline.start();
            final boolean isFound = Thread.getAllStackTraces().keySet().stream()
                .anyMatch((t) -> IngestPipeline.LOG_WRITER_THREAD_NAME.equals(t.getName()));
            assertTrue(isFound);
            assertTrue(Files.isDirectory(dataDir.resolve("streams").resolve("0")));
            assertTrue(Files.isDirectory(dataDir.resolve("manifest")));
            assertThrows(IllegalStateException.class, () -> pipeline.registerStream("late"));
            assertThrows(IllegalArgumentException.class, () -> pipeline.writer(1, Codecs.LONG));
        }
    }

    @Test
    void awaitingABatchTimeThatWasNeverCutFailsOnceALaterOneCompletes() throws InterruptedException
    {
        try (IngestPipeline pipeline = new IngestPipeline(config(Map.of()), dataDir))
        {
            pipeline.registerStream("s");
            pipeline.start();
            pipeline.cut(10);
            pipeline.cut(30);
            pipeline.awaitSegments(30);
            assertThrows(IllegalArgumentException.class, () -> pipeline.awaitSegments(20));
        }
    }

    @Test
    void aFailedLogWriterFailsWaitersAndStoresWithTheCause() throws InterruptedException
    {
        final IngestPipeline pipeline = new IngestPipeline(config(Map.of()), dataDir);
        final int id = pipeline.registerStream("s");
        final IllegalStateException boom = new IllegalStateException("boom: disk gone");
        pipeline.appendListener((streamId, index, records) ->
        {
            throw boom;
        });
        pipeline.start();
        final StreamWriter<Long> writer = pipeline.writer(id, Codecs.LONG);
        writer.store(1L);
        pipeline.cut(1);

        final LogWriterFailedException ex =
            assertThrows(LogWriterFailedException.class, () -> pipeline.awaitSegments(1));
        assertSame(boom, ex.getCause());
        final LogWriterFailedException onStore = assertThrows(LogWriterFailedException.class, () -> writer.store(2L));
        assertSame(boom, onStore.getCause());
        assertThrows(LogWriterFailedException.class, () -> pipeline.cut(2));
        pipeline.close();
        pipeline.close();
    }

    static IngestConfig config(final Map<String, String> overrides)
    {
        final Map<String, String> properties = new java.util.HashMap<>(Map.of(
            "sluice.ring.size", "4096", "sluice.ring.slotBytes", "128", "sluice.log.blockBytes", "4096"));
        properties.putAll(overrides);
        return IngestConfig.from(properties);
    }

    static <T> List<T> read(final IngestPipeline pipeline, final Segment segment, final Codec<T> codec)
    {
        final List<T> values = new ArrayList<>();
        try (SegmentReader reader = pipeline.reader(segment.streamId()))
        {
            reader.read(segment, codec, values::add);
        }
        return values;
    }

    static List<BatchSegments> readManifest(final Path dataDir)
    {
        try (BatchManifest manifest = new BatchManifest(
            dataDir.resolve(IngestPipeline.MANIFEST_DIR_NAME), IngestConfig.defaults().rollCycle()))
        {
            return manifest.readAll();
        }
    }

    private static byte[] filled(final int length, final int value)
    {
        final byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte)value);
        return bytes;
    }
}
