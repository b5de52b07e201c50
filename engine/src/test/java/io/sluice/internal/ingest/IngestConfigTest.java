package io.sluice.internal.ingest;

import net.openhft.chronicle.queue.RollCycles;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestConfigTest
{
    @Test
    void defaults()
    {
        final IngestConfig config = IngestConfig.defaults();
        assertEquals(65536, config.ringSize());
        assertEquals(1024, config.slotBytes());
        assertEquals(65536, config.blockBytes());
        assertEquals(RingFullPolicy.BLOCK, config.ringFullPolicy());
        assertEquals(RollCycles.FAST_DAILY, config.rollCycle());
        assertEquals(WriterWaitPolicy.BACKOFF, config.writerWaitPolicy());
        assertEquals(1000, config.maxParkMicros());
    }

    @Test
    void parsesEveryKey()
    {
        final IngestConfig config = IngestConfig.from(Map.of(
            "sluice.ring.size", "1024",
            "sluice.ring.slotBytes", "64",
            "sluice.log.blockBytes", "4096",
            "sluice.ring.fullPolicy", "FAIL",
            "sluice.log.rollCycle", "fast_hourly",
            "sluice.log.waitPolicy", "busy-spin",
            "sluice.log.maxParkMicros", "250",
            "sluice.other.key", "ignored: not an ingest key"));
        assertEquals(250, config.maxParkMicros());
        assertEquals(1024, config.ringSize());
        assertEquals(64, config.slotBytes());
        assertEquals(4096, config.blockBytes());
        assertEquals(RingFullPolicy.FAIL, config.ringFullPolicy());
        assertEquals(RollCycles.FAST_HOURLY, config.rollCycle());
        assertEquals(WriterWaitPolicy.BUSY_SPIN, config.writerWaitPolicy());
    }

    @Test
    void keysListEveryKeyWithItsDefault()
    {
        final Map<String, String> keys = IngestConfig.keys().stream()
            .collect(Collectors.toMap(IngestConfig.Key::name, IngestConfig.Key::defaultValue));
        assertEquals(Map.of(
            IngestConfig.RING_SIZE_PROP_NAME, "65536",
            IngestConfig.SLOT_BYTES_PROP_NAME, "1024",
            IngestConfig.BLOCK_BYTES_PROP_NAME, "65536",
            IngestConfig.RING_FULL_POLICY_PROP_NAME, "block",
            IngestConfig.ROLL_CYCLE_PROP_NAME, "FAST_DAILY",
            IngestConfig.LOG_WAIT_POLICY_PROP_NAME, "backoff",
            IngestConfig.LOG_MAX_PARK_MICROS_PROP_NAME, "1000"), keys);
        IngestConfig.keys().forEach((key) -> assertTrue(!key.doc().isBlank(), key.name()));
        // every listed default parses back to the default configuration
        final IngestConfig fromDefaults = IngestConfig.from(keys);
        assertEquals(IngestConfig.defaults().toString(), fromDefaults.toString());
    }

    @Test
    void rejectsBadValuesSayingWhatToDo()
    {
        assertMessage(Map.of("sluice.ring.size", "1000"), "sluice.ring.size must be a power of two", "e.g. 65536");
        assertMessage(Map.of("sluice.ring.size", "lots"), "sluice.ring.size must be an integer");
        assertMessage(Map.of("sluice.ring.slotBytes", "0"), "sluice.ring.slotBytes must be at least 1");
        assertMessage(Map.of("sluice.ring.slotBytes", "2048", "sluice.log.blockBytes", "2048"),
            "sluice.log.blockBytes must be between", "2056");
        assertMessage(Map.of("sluice.ring.fullPolicy", "drop"), "sluice.ring.fullPolicy must be block or fail");
        assertMessage(Map.of("sluice.log.rollCycle", "MONTHLY"), "sluice.log.rollCycle must be one of", "FAST_DAILY");
        assertMessage(Map.of("sluice.log.waitPolicy", "nap"), "sluice.log.waitPolicy must be one of", "backoff");
        assertMessage(Map.of("sluice.log.maxParkMicros", "0"), "sluice.log.maxParkMicros must be between 1 and");
        assertMessage(Map.of("sluice.ring.sise", "8"), "unknown ingest key 'sluice.ring.sise'", "sluice.ring.size");
        assertMessage(Map.of("sluice.ring.size", "65536", "sluice.ring.slotBytes", "65536"), "2 GiB");
    }

    private static void assertMessage(final Map<String, String> properties, final String... fragments)
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> IngestConfig.from(properties));
        for (final String fragment : fragments)
        {
            assertTrue(ex.getMessage().contains(fragment), ex.getMessage() + " should contain " + fragment);
        }
    }
}
