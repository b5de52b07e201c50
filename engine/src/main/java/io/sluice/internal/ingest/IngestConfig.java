package io.sluice.internal.ingest;

import io.sluice.internal.log.ChronicleSetup;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

import java.util.List;
import java.util.Map;

/**
 * The ingest settings: ring size and slot size, log block size, what a full ring does, the queues' roll cycle
 * and how the log writer waits. Built from string properties ({@link #from(Map)}), validated on construction,
 * immutable and thread-safe afterwards. Every key, its default and a line of documentation are listed by
 * {@link #keys()}.
 *
 * <p>Keys under {@code sluice.ring.} and {@code sluice.log.} that are not ingest keys are rejected (they are
 * misspellings); other keys are ignored, as they belong to other parts of the engine.
 */
public final class IngestConfig
{
    static
    {
        ChronicleSetup.ensure();
    }

    /** Slots in the ingest ring. A power of two. */
    public static final String RING_SIZE_PROP_NAME = "sluice.ring.size";
    public static final int RING_SIZE_DEFAULT = 65536;

    /** The largest encoded record, in bytes: each slot owns this much off-heap memory. */
    public static final String SLOT_BYTES_PROP_NAME = "sluice.ring.slotBytes";
    public static final int SLOT_BYTES_DEFAULT = 1024;

    /** What store() does when the ring is full: block or fail. */
    public static final String RING_FULL_POLICY_PROP_NAME = "sluice.ring.fullPolicy";
    public static final RingFullPolicy RING_FULL_POLICY_DEFAULT = RingFullPolicy.BLOCK;

    /** The largest block (Chronicle document) of records, in bytes. */
    public static final String BLOCK_BYTES_PROP_NAME = "sluice.log.blockBytes";
    public static final int BLOCK_BYTES_DEFAULT = 65536;

    /** The Chronicle roll cycle of the stream queues and the manifest: a RollCycles name. */
    public static final String ROLL_CYCLE_PROP_NAME = "sluice.log.rollCycle";
    public static final String ROLL_CYCLE_DEFAULT = RollCycles.FAST_DAILY.name();

    /** How the log-writer thread waits when the ring is empty. */
    public static final String LOG_WAIT_POLICY_PROP_NAME = "sluice.log.waitPolicy";
    public static final WriterWaitPolicy LOG_WAIT_POLICY_DEFAULT = WriterWaitPolicy.BACKOFF;

    /** The longest park of the {@code backoff} wait policy, in µs. */
    public static final String LOG_MAX_PARK_MICROS_PROP_NAME = "sluice.log.maxParkMicros";
    public static final long LOG_MAX_PARK_MICROS_DEFAULT = 1000;

    /** Smallest and largest ring, in slots. */
    public static final int MIN_RING_SIZE = 2;
    public static final int MAX_RING_SIZE = 1 << 26;

    /**
     * Largest block: well under a quarter of Chronicle's default block size, the largest document Chronicle
     * accepts without a custom queue block size.
     */
    public static final int MAX_BLOCK_BYTES = 1 << 22;

    private static final List<Key> KEYS = List.of(
        new Key(RING_SIZE_PROP_NAME, Integer.toString(RING_SIZE_DEFAULT),
            "slots in the ingest ring (a power of two); with slotBytes it sets the ring's off-heap size"),
        new Key(SLOT_BYTES_PROP_NAME, Integer.toString(SLOT_BYTES_DEFAULT),
            "largest encoded record in bytes; store() rejects bigger records"),
        new Key(RING_FULL_POLICY_PROP_NAME, RING_FULL_POLICY_DEFAULT.name().toLowerCase(),
            "block: store() waits for space (spin, then park; the heap never grows); fail: store() throws at once"),
        new Key(BLOCK_BYTES_PROP_NAME, Integer.toString(BLOCK_BYTES_DEFAULT),
            "largest block of records written as one Chronicle document; at least slotBytes + 8"),
        new Key(ROLL_CYCLE_PROP_NAME, ROLL_CYCLE_DEFAULT,
            "Chronicle roll cycle of the input and manifest queues (a RollCycles name, e.g. FAST_HOURLY)"),
        new Key(LOG_WAIT_POLICY_PROP_NAME, LOG_WAIT_POLICY_DEFAULT.name().toLowerCase(),
            "how the log writer waits for records: backoff (default: spin, yield, then parks doubling up to "
                + "maxParkMicros; ~1 % of a core idle), sleeping (Disruptor's: 30 % idle), yielding, blocking, busy_spin"),
        new Key(LOG_MAX_PARK_MICROS_PROP_NAME, Long.toString(LOG_MAX_PARK_MICROS_DEFAULT),
            "backoff's longest park in µs: the most the first record after a quiet spell waits for the log writer; "
                + "lower costs more CPU when idle"));

    private final int ringSize;
    private final int slotBytes;
    private final RingFullPolicy ringFullPolicy;
    private final int blockBytes;
    private final RollCycles rollCycle;
    private final WriterWaitPolicy writerWaitPolicy;
    private final long maxParkMicros;

    /**
     * One documented key.
     *
     * @param name         the property name.
     * @param defaultValue its default, as a string.
     * @param doc          one line saying what it does.
     */
    public record Key(String name, String defaultValue, String doc)
    {
    }

    private IngestConfig(final Map<String, String> properties)
    {
        for (final String name : properties.keySet())
        {
            if ((name.startsWith("sluice.ring.") || name.startsWith("sluice.log.")) && !isKey(name))
            {
                throw new IllegalArgumentException("unknown ingest key '" + name + "'; the keys are " + keyNames());
            }
        }
        ringSize = parseInt(properties, RING_SIZE_PROP_NAME, RING_SIZE_DEFAULT);
        if (ringSize < MIN_RING_SIZE || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException(RING_SIZE_PROP_NAME + " must be a power of two between " + MIN_RING_SIZE +
                " and " + MAX_RING_SIZE + ", e.g. " + RING_SIZE_DEFAULT + "; was " + ringSize);
        }
        slotBytes = parseInt(properties, SLOT_BYTES_PROP_NAME, SLOT_BYTES_DEFAULT);
        if (slotBytes < 1)
        {
            throw new IllegalArgumentException(SLOT_BYTES_PROP_NAME + " must be at least 1 (the largest encoded " +
                "record), e.g. " + SLOT_BYTES_DEFAULT + "; was " + slotBytes);
        }
        if ((long)ringSize * slotBytes > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException(RING_SIZE_PROP_NAME + " x " + SLOT_BYTES_PROP_NAME + " must stay under " +
                "2 GiB of ring memory; was " + ringSize + " x " + slotBytes + ": lower one of them");
        }
        blockBytes = parseInt(properties, BLOCK_BYTES_PROP_NAME, BLOCK_BYTES_DEFAULT);
        final int minBlockBytes = minBlockBytes(slotBytes);
        if (blockBytes < minBlockBytes || blockBytes > MAX_BLOCK_BYTES)
        {
            throw new IllegalArgumentException(BLOCK_BYTES_PROP_NAME + " must be between " + SLOT_BYTES_PROP_NAME +
                " + 8 (here " + minBlockBytes + ") and " + MAX_BLOCK_BYTES + ", e.g. " + BLOCK_BYTES_DEFAULT +
                "; was " + blockBytes);
        }
        ringFullPolicy = RingFullPolicy.parse(properties.getOrDefault(
            RING_FULL_POLICY_PROP_NAME, RING_FULL_POLICY_DEFAULT.name()));
        rollCycle = parseRollCycle(properties.getOrDefault(ROLL_CYCLE_PROP_NAME, ROLL_CYCLE_DEFAULT));
        writerWaitPolicy = WriterWaitPolicy.parse(properties.getOrDefault(
            LOG_WAIT_POLICY_PROP_NAME, LOG_WAIT_POLICY_DEFAULT.name()));
        maxParkMicros = parseInt(properties, LOG_MAX_PARK_MICROS_PROP_NAME, (int)LOG_MAX_PARK_MICROS_DEFAULT);
        if (maxParkMicros < 1 || maxParkMicros > 1_000_000)
        {
            throw new IllegalArgumentException(LOG_MAX_PARK_MICROS_PROP_NAME + " must be between 1 and 1000000 (µs), "
                + "e.g. " + LOG_MAX_PARK_MICROS_DEFAULT + "; was " + maxParkMicros);
        }
    }

    /** {@code sluice.log.maxParkMicros}. */
    public long maxParkMicros()
    {
        return maxParkMicros;
    }

    /**
     * @param properties key to value; absent keys take their defaults.
     * @throws IllegalArgumentException saying which key is wrong and what a valid value looks like.
     */
    public static IngestConfig from(final Map<String, String> properties)
    {
        return new IngestConfig(properties);
    }

    /**
     * @return every default.
     */
    public static IngestConfig defaults()
    {
        return new IngestConfig(Map.of());
    }

    /**
     * @return every ingest key with its default and documentation, in a stable order.
     */
    public static List<Key> keys()
    {
        return KEYS;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public int slotBytes()
    {
        return slotBytes;
    }

    public RingFullPolicy ringFullPolicy()
    {
        return ringFullPolicy;
    }

    public int blockBytes()
    {
        return blockBytes;
    }

    public RollCycle rollCycle()
    {
        return rollCycle;
    }

    public WriterWaitPolicy writerWaitPolicy()
    {
        return writerWaitPolicy;
    }

    public String toString()
    {
        return "IngestConfig{" + RING_SIZE_PROP_NAME + "=" + ringSize + ", " + SLOT_BYTES_PROP_NAME + "=" + slotBytes +
            ", " + RING_FULL_POLICY_PROP_NAME + "=" + ringFullPolicy + ", " + BLOCK_BYTES_PROP_NAME + "=" +
            blockBytes + ", " + ROLL_CYCLE_PROP_NAME + "=" + rollCycle + ", " + LOG_WAIT_POLICY_PROP_NAME + "=" +
            writerWaitPolicy + ", " + LOG_MAX_PARK_MICROS_PROP_NAME + "=" + maxParkMicros + "}";
    }

    /**
     * @return the smallest valid block size for {@code slotBytes}: one block header plus one framed record.
     */
    static int minBlockBytes(final int slotBytes)
    {
        return slotBytes + 8;
    }

    private static boolean isKey(final String name)
    {
        for (final Key key : KEYS)
        {
            if (key.name().equals(name))
            {
                return true;
            }
        }
        return false;
    }

    private static String keyNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final Key key : KEYS)
        {
            names.append(names.length() == 0 ? "" : ", ").append(key.name());
        }
        return names.toString();
    }

    private static int parseInt(final Map<String, String> properties, final String name, final int defaultValue)
    {
        final String value = properties.get(name);
        if (null == value)
        {
            return defaultValue;
        }
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(name + " must be an integer, e.g. " + defaultValue + "; was '" +
                value + "'", ex);
        }
    }

    private static RollCycles parseRollCycle(final String name)
    {
        try
        {
            return RollCycles.valueOf(name.trim().toUpperCase());
        }
        catch (final IllegalArgumentException ex)
        {
            final StringBuilder names = new StringBuilder();
            for (final RollCycles cycle : RollCycles.values())
            {
                names.append(names.length() == 0 ? "" : ", ").append(cycle.name());
            }
            throw new IllegalArgumentException(ROLL_CYCLE_PROP_NAME + " must be one of " + names + ", e.g. " +
                ROLL_CYCLE_DEFAULT + "; was '" + name + "'", ex);
        }
    }
}
