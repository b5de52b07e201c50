package io.sluice.internal.log;

import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchManifestTest
{
    @TempDir
    Path dir;

    @Test
    void entriesReadBackInOrderAcrossReopen()
    {
        final long liveBytesBefore = OffHeapAllocator.liveBytes();
        final List<BatchSegments> written = new ArrayList<>();
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            written.add(new BatchSegments(1000, List.of(new Segment(0, 0x1234_0000_0001L, 3, 300), Segment.empty(1))));
            written.add(new BatchSegments(2000, List.of(Segment.empty(0), new Segment(1, 77, 1, 1))));
            written.forEach(manifest::append);
            assertEquals(written, manifest.readAll());
        }
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            assertEquals(written, manifest.readAll());
            final BatchSegments third = new BatchSegments(3000, List.of(
                new Segment(0, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE), new Segment(1, 0, 0, 0),
                new Segment(2, -1, 0, 0)));
            manifest.append(third);
            written.add(third);
            manifest.append(new BatchSegments(4000, List.of()));
            written.add(new BatchSegments(4000, List.of()));
        }
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            assertEquals(written, manifest.readAll());
        }
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes());
    }

    @Test
    void everyRecordTypeReadsBackAndACorruptTailEndsTheLog()
    {
        final long liveBytesBefore = OffHeapAllocator.liveBytes();
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            try (BatchManifest.Writer writer = manifest.writer())
            {
                writer.start(0, 1000, 0, List.of("socket a:1", "files /d"));
                writer.seal(new BatchSegments(1000, List.of(new Segment(0, 5, 1, 10), Segment.empty(1))));
                writer.outputDone(1000, 0);
                writer.outputDone(1000, 1);
                writer.batchDone(1000, 1500);
                writer.snapshotDone(1000, 7, "snapshot-1000.bin");
                writer.source(1000, 2, -1, 41);
            }
            final List<ManifestRecord> expected = List.of(
                new ManifestRecord.Start(0, 1000, 0, List.of("socket a:1", "files /d")),
                new ManifestRecord.Seal(new BatchSegments(1000, List.of(new Segment(0, 5, 1, 10), Segment.empty(1)))),
                new ManifestRecord.OutputDone(1000, 0), new ManifestRecord.OutputDone(1000, 1),
                new ManifestRecord.BatchDone(1000, 1500), new ManifestRecord.SnapshotDone(1000, 7, "snapshot-1000.bin"),
                new ManifestRecord.Source(1000, 2, -1, 41));
            assertEquals(new BatchManifest.Contents(expected, null), manifest.readRecords());
        }
        // a record whose bytes were damaged after its CRC was computed, then a valid one after it
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue queue = LogQueues.open(dir,
            RollCycles.FAST_DAILY); net.openhft.chronicle.queue.ExcerptAppender appender = queue.createAppender())
        {
            final long address = OffHeapAllocator.allocate(ManifestDescriptor.HEADER_LENGTH);
            final org.agrona.concurrent.UnsafeBuffer bad = new org.agrona.concurrent.UnsafeBuffer(address,
                ManifestDescriptor.HEADER_LENGTH);
            bad.setMemory(0, ManifestDescriptor.HEADER_LENGTH, (byte)0);
            bad.putShort(ManifestDescriptor.TYPE_OFFSET, (short)ManifestDescriptor.TYPE_BATCH_DONE);
            bad.putShort(ManifestDescriptor.VERSION_OFFSET, (short)ManifestDescriptor.CURRENT_VERSION);
            bad.putInt(ManifestDescriptor.LENGTH_OFFSET, ManifestDescriptor.HEADER_LENGTH);
            bad.putInt(ManifestDescriptor.CRC_OFFSET, 12345);
            LogQueues.append(appender, address, ManifestDescriptor.HEADER_LENGTH);
            OffHeapAllocator.free(address, ManifestDescriptor.HEADER_LENGTH);
        }
        try (BatchManifest manifest = new BatchManifest(dir, RollCycles.FAST_DAILY))
        {
            try (BatchManifest.Writer writer = manifest.writer())
            {
                writer.batchDone(2000, 10);
            }
            final BatchManifest.Contents contents = manifest.readRecords();
            assertEquals(7, contents.records().size(), "the records before the damaged one");
            assertTrue(contents.tornTail().contains("fails its CRC"), contents.tornTail());
        }
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes());
    }
}
