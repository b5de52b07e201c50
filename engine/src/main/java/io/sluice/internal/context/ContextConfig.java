package io.sluice.internal.context;

import io.sluice.internal.ingest.IngestConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed configuration of a context: every key {@code StreamingContext.Builder.set} accepts, with its default.
 * Unknown keys are rejected when set; values are validated when the context is built.
 */
public final class ContextConfig
{
    public static final String RESTART_DELAY_PROP_NAME = "sluice.receiver.restartDelay";
    public static final String RESTART_DELAY_DEFAULT = "2s";
    public static final String MAX_RATE_PROP_NAME = "sluice.receiver.maxRate";
    public static final String MAX_RATE_DEFAULT = "unlimited";
    public static final String MAX_LINE_BYTES_PROP_NAME = "sluice.socket.maxLineBytes";
    public static final String MAX_LINE_BYTES_DEFAULT = "slotBytes";
    public static final String DEAD_LETTER_MAX_BYTES_PROP_NAME = "sluice.deadLetter.maxRecordBytes";
    public static final String DEAD_LETTER_MAX_BYTES_DEFAULT = "65536";
    public static final String GRACEFUL_TIMEOUT_PROP_NAME = "sluice.stop.gracefulTimeout";
    public static final String GRACEFUL_TIMEOUT_DEFAULT = "max(10 x batch interval, 10s)";

    private static final List<ConfigKey> CONTEXT_KEYS = List.of(
        new ConfigKey(RESTART_DELAY_PROP_NAME, RESTART_DELAY_DEFAULT,
            "How long a receiver waits between onStop() and onStart() when it restarts (Spark's receiverRestartDelay)."),
        new ConfigKey(MAX_RATE_PROP_NAME, MAX_RATE_DEFAULT,
            "Most records per second each receiver's single-record store() accepts; it blocks beyond that."),
        new ConfigKey(MAX_LINE_BYTES_PROP_NAME, MAX_LINE_BYTES_DEFAULT,
            "Longest line (UTF-8 bytes) socketTextStream and textFileStream accept; longer lines go to the "
                + "dead-letter queue. Default and maximum: sluice.ring.slotBytes."),
        new ConfigKey(DEAD_LETTER_MAX_BYTES_PROP_NAME, DEAD_LETTER_MAX_BYTES_DEFAULT,
            "How many characters of a rejected record the dead-letter queue keeps (the reason says when it was cut)."),
        new ConfigKey(GRACEFUL_TIMEOUT_PROP_NAME, GRACEFUL_TIMEOUT_DEFAULT,
            "How long stop(true) waits for the last batches to be processed."));

    private final Map<String, String> values;
    private final IngestConfig ingest;

    private ContextConfig(final Map<String, String> values)
    {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        final Map<String, String> ingestValues = new LinkedHashMap<>();
        for (final IngestConfig.Key key : IngestConfig.keys())
        {
            if (values.containsKey(key.name()))
            {
                ingestValues.put(key.name(), values.get(key.name()));
            }
        }
        this.ingest = IngestConfig.from(ingestValues);
        validate();
    }

    /** Every accepted key, context keys first, then the ingest keys. */
    public static List<ConfigKey> keys()
    {
        final List<ConfigKey> keys = new ArrayList<>(CONTEXT_KEYS);
        for (final IngestConfig.Key key : IngestConfig.keys())
        {
            keys.add(new ConfigKey(key.name(), key.defaultValue(), key.doc()));
        }
        return keys;
    }

    /** Throws {@link IllegalArgumentException} naming the accepted keys when {@code key} is not one. */
    public static void checkKnown(final String key)
    {
        for (final ConfigKey known : keys())
        {
            if (known.name().equals(key))
            {
                return;
            }
        }
        final StringBuilder names = new StringBuilder();
        for (final ConfigKey known : keys())
        {
            names.append(names.length() == 0 ? "" : ", ").append(known.name());
        }
        throw new IllegalArgumentException("unknown configuration key '" + key + "'; accepted keys: " + names);
    }

    public static ContextConfig of(final Map<String, String> values)
    {
        for (final String key : values.keySet())
        {
            checkKnown(key);
        }
        return new ContextConfig(values);
    }

    private void validate()
    {
        restartDelay();
        maxRate();
        maxLineBytes();
        deadLetterMaxBytes();
        if (values.containsKey(GRACEFUL_TIMEOUT_PROP_NAME))
        {
            Durations.parse(GRACEFUL_TIMEOUT_PROP_NAME, values.get(GRACEFUL_TIMEOUT_PROP_NAME));
        }
    }

    public IngestConfig ingest()
    {
        return ingest;
    }

    public Duration restartDelay()
    {
        return Durations.parse(RESTART_DELAY_PROP_NAME, values.getOrDefault(RESTART_DELAY_PROP_NAME, RESTART_DELAY_DEFAULT));
    }

    /** Records per second, or {@link Long#MAX_VALUE} when unlimited. */
    public long maxRate()
    {
        final String value = values.getOrDefault(MAX_RATE_PROP_NAME, MAX_RATE_DEFAULT).trim();
        if (value.equals("unlimited"))
        {
            return Long.MAX_VALUE;
        }
        final long rate = parsePositive(MAX_RATE_PROP_NAME, value, "a positive number of records per second or 'unlimited'");
        return rate;
    }

    public int maxLineBytes()
    {
        final String value = values.get(MAX_LINE_BYTES_PROP_NAME);
        final int slotBytes = ingest.slotBytes();
        if (value == null)
        {
            return slotBytes;
        }
        final long bytes = parsePositive(MAX_LINE_BYTES_PROP_NAME, value, "a positive number of bytes");
        if (bytes > slotBytes)
        {
            throw new IllegalArgumentException(MAX_LINE_BYTES_PROP_NAME + "=" + bytes + " exceeds sluice.ring.slotBytes="
                + slotBytes + "; raise sluice.ring.slotBytes too");
        }
        return (int)bytes;
    }

    public int deadLetterMaxBytes()
    {
        return (int)Math.min(Integer.MAX_VALUE, parsePositive(DEAD_LETTER_MAX_BYTES_PROP_NAME,
            values.getOrDefault(DEAD_LETTER_MAX_BYTES_PROP_NAME, DEAD_LETTER_MAX_BYTES_DEFAULT), "a positive number of bytes"));
    }

    public Duration gracefulTimeout(final Duration batchInterval)
    {
        final String value = values.get(GRACEFUL_TIMEOUT_PROP_NAME);
        if (value != null)
        {
            return Durations.parse(GRACEFUL_TIMEOUT_PROP_NAME, value);
        }
        final Duration tenBatches = batchInterval.multipliedBy(10);
        return tenBatches.compareTo(Duration.ofSeconds(10)) > 0 ? tenBatches : Duration.ofSeconds(10);
    }

    private static long parsePositive(final String key, final String value, final String what)
    {
        try
        {
            final long parsed = Long.parseLong(value.trim());
            if (parsed > 0)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(key + " must be " + what + ", was '" + value + "'");
    }
}
