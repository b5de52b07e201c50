package io.sluice.recovery;

import io.sluice.internal.log.ChronicleSetup;
import io.sluice.internal.log.ManifestDescriptor;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle on a log written by hand in the engine's layouts: records, batches, unsealed and resealed records. */
class LogOracleTest
{
    static
    {
        ChronicleSetup.ensure();
    }

    @TempDir
    Path checkpointDir;

    @Test
    void readsRecordsAndMatchesSealsToDocuments()
    {
        final Path log = checkpointDir.resolve(LogOracle.LOG_DIR_NAME);
        final List<Long> indexes = appendBlocks(log.resolve("streams").resolve("0"),
            List.of(List.of("k0 1", "k1 1"), List.of("k0 2"), List.of("k1 2", "k0 3"), List.of("k1 3")));
        final List<byte[]> manifest = new ArrayList<>();
        manifest.add(record(ManifestDescriptor.TYPE_START, 0, 0, 0));
        manifest.add(seal(100, indexes.get(0), 2, 3));
        manifest.add(seal(200, indexes.get(1), 2, 3));
        append(log.resolve("manifest"), manifest);

        final LogContents contents = LogOracle.read(checkpointDir);

        assertEquals(List.of(), contents.problems());
        assertEquals(List.of("k0 1", "k1 1", "k0 2", "k1 2", "k0 3", "k1 3"), contents.records());
        assertEquals(Map.of(100L, List.of("k0 1", "k1 1", "k0 2"), 200L, List.of("k0 2", "k1 2", "k0 3")),
            contents.batches());
        assertEquals(1, contents.unsealedRecords(), "k1 3 is in no seal");
        assertEquals(1, contents.resealedRecords(), "k0 2 is in both seals");
        assertEquals(1, contents.starts());
        assertEquals(0, contents.duplicates());
        assertEquals(Map.of("k0", 3L, "k1", 3L), contents.keyCounts());
    }

    @Test
    void stopsAtATornManifestRecord()
    {
        final Path log = checkpointDir.resolve(LogOracle.LOG_DIR_NAME);
        final List<Long> indexes = appendBlocks(log.resolve("streams").resolve("0"),
            List.of(List.of("a 1"), List.of("a 2")));
        final byte[] torn = seal(200, indexes.get(1), 1, 1);
        torn[ManifestDescriptor.BATCH_TIME_OFFSET] ^= 1;
        append(log.resolve("manifest"), List.of(seal(100, indexes.get(0), 1, 1), torn));

        final LogContents contents = LogOracle.read(checkpointDir);

        assertEquals(Map.of(100L, List.of("a 1")), contents.batches());
        assertEquals(1, contents.unsealedRecords());
        assertEquals(1, contents.problems().size(), contents.problems().toString());
        assertTrue(contents.problems().get(0).contains("CRC"), contents.problems().toString());
    }

    @Test
    void aMissingLogIsAProblemNotAnEmptyPass()
    {
        final LogContents contents = LogOracle.read(checkpointDir);
        assertEquals(1, contents.problems().size());
        assertTrue(contents.records().isEmpty());
    }

    private static List<Long> appendBlocks(final Path dir, final List<List<String>> blocks)
    {
        final List<Long> indexes = new ArrayList<>();
        try (ChronicleQueue queue = open(dir); ExcerptAppender appender = queue.createAppender())
        {
            for (final List<String> block : blocks)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    final Bytes<?> bytes = dc.wire().bytes();
                    bytes.writeInt(block.size());
                    for (final String record : block)
                    {
                        final byte[] utf8 = record.getBytes(StandardCharsets.UTF_8);
                        bytes.writeInt(utf8.length);
                        bytes.write(utf8);
                    }
                }
                indexes.add(appender.lastIndexAppended());
            }
        }
        return indexes;
    }

    private static void append(final Path dir, final List<byte[]> records)
    {
        try (ChronicleQueue queue = open(dir); ExcerptAppender appender = queue.createAppender())
        {
            for (final byte[] record : records)
            {
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(record);
                }
            }
        }
    }

    private static byte[] seal(final long batchTime, final long firstIndex, final long documents, final long records)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(ManifestDescriptor.sealLength(1)));
        final int offset = ManifestDescriptor.segmentOffset(0);
        buffer.putLong(offset + ManifestDescriptor.SEGMENT_FIRST_INDEX_OFFSET, firstIndex);
        buffer.putLong(offset + ManifestDescriptor.SEGMENT_RECORD_COUNT_OFFSET, records);
        buffer.putLong(offset + ManifestDescriptor.SEGMENT_DOCUMENT_COUNT_OFFSET, documents);
        buffer.putInt(offset + ManifestDescriptor.SEGMENT_STREAM_ID_OFFSET, 0);
        return frame(buffer, ManifestDescriptor.TYPE_SEAL, 1, batchTime);
    }

    private static byte[] record(final int type, final int extraLength, final int count, final long batchTime)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(
            ByteBuffer.allocateDirect(ManifestDescriptor.HEADER_LENGTH + extraLength));
        return frame(buffer, type, count, batchTime);
    }

    private static byte[] frame(final UnsafeBuffer buffer, final int type, final int count, final long batchTime)
    {
        final int length = buffer.capacity();
        buffer.putShort(ManifestDescriptor.TYPE_OFFSET, (short)type);
        buffer.putShort(ManifestDescriptor.VERSION_OFFSET, (short)ManifestDescriptor.CURRENT_VERSION);
        buffer.putInt(ManifestDescriptor.LENGTH_OFFSET, length);
        buffer.putInt(ManifestDescriptor.COUNT_OFFSET, count);
        buffer.putLong(ManifestDescriptor.BATCH_TIME_OFFSET, batchTime);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        buffer.putInt(ManifestDescriptor.CRC_OFFSET, LogOracle.crc32c(bytes));
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static ChronicleQueue open(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
    }
}
