package io.sluice.internal.receiver;

import io.sluice.api.Codecs;
import io.sluice.api.Receiver;
import io.sluice.api.StreamingContext;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data directory's default lifetime and the off-heap allocator's balance after stop. */
class DataDirectoryTest
{
    static final class Idle extends Receiver<String>
    {
        @Override
        public void onStart()
        {
        }

        @Override
        public void onStop()
        {
        }
    }

    @Test
    void temporaryDataDirectoryIsRemovedAndOffHeapMemoryReturnedOnStop()
    {
        final long liveBefore = OffHeapAllocator.liveBytes();
        final Idle receiver = new Idle();
        final StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofSeconds(1))
            .clock(new ManualClock()).build();
        ssc.receiverStream(receiver, Codecs.STRING).print();
        ssc.start();
        final Path dataDir = ContextInternals.Access.of(ssc).dataDir();
        receiver.store("kept until stop");
        assertTrue(Files.isDirectory(dataDir));
        assertTrue(OffHeapAllocator.liveBytes() > liveBefore, "the ring's slots are off-heap");
        ssc.stop();
        assertFalse(Files.exists(dataDir), dataDir + " should be removed");
        assertEquals(liveBefore, OffHeapAllocator.liveBytes());
    }

    @Test
    void aNamedDataDirectoryIsKept(@TempDir final Path root) throws Exception
    {
        final Path dataDir = root.resolve("data");
        final Idle receiver = new Idle();
        final StreamingContext ssc = StreamingContext.builder().batchInterval(Duration.ofSeconds(1))
            .clock(new ManualClock()).dataDir(Files.createDirectories(dataDir)).build();
        ssc.receiverStream(receiver, Codecs.STRING).print();
        ssc.start();
        receiver.store("in the log");
        ssc.stop();
        assertTrue(Files.isDirectory(dataDir));
        try (var files = Files.walk(dataDir))
        {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".cq4")), "Chronicle queue files stay");
        }
    }
}
