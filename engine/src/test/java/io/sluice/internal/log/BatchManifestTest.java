package io.sluice.internal.log;

import io.sluice.internal.memory.OffHeapAllocator;
import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
