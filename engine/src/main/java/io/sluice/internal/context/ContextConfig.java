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

    public static final String BACKPRESSURE_PROP_NAME = "sluice.backpressure.enabled";
    public static final String BACKPRESSURE_DEFAULT = "false";
    public static final String INITIAL_RATE_PROP_NAME = "sluice.backpressure.initialRate";
    public static final String INITIAL_RATE_DEFAULT = "sluice.receiver.maxRate";
    public static final String RATE_ESTIMATOR_PROP_NAME = "sluice.backpressure.rateEstimator";
    public static final String RATE_ESTIMATOR_DEFAULT = "pid";
    public static final String PID_PROPORTIONAL_PROP_NAME = "sluice.backpressure.pid.proportional";
    public static final String PID_PROPORTIONAL_DEFAULT = "1.0";
    public static final String PID_INTEGRAL_PROP_NAME = "sluice.backpressure.pid.integral";
    public static final String PID_INTEGRAL_DEFAULT = "0.2";
    public static final String PID_DERIVED_PROP_NAME = "sluice.backpressure.pid.derived";
    public static final String PID_DERIVED_DEFAULT = "0.0";
    public static final String PID_MIN_RATE_PROP_NAME = "sluice.backpressure.pid.minRate";
    public static final String PID_MIN_RATE_DEFAULT = "100";
    public static final String FUSION_PROP_NAME = "sluice.plan.fusion";
    public static final String FUSION_DEFAULT = "true";

    public static final String CHECKPOINT_MIN_INTERVAL_PROP_NAME = "sluice.checkpoint.minInterval";
    public static final String CHECKPOINT_MIN_INTERVAL_DEFAULT = "10s";
    public static final String CHECKPOINT_RETAINED_PROP_NAME = "sluice.checkpoint.retained";
    public static final String CHECKPOINT_RETAINED_DEFAULT = "2";
    public static final String ALLOW_NON_RESTORED_PROP_NAME = "sluice.recovery.allowNonRestoredState";
    public static final String ALLOW_NON_RESTORED_DEFAULT = "false";
    public static final String LOG_RETENTION_PROP_NAME = "sluice.log.retention";
    public static final String LOG_RETENTION_DEFAULT = "0s";
    public static final String DEAD_LETTER_MAX_RECORDS_PROP_NAME = "sluice.deadLetter.maxRecords";
    public static final String DEAD_LETTER_MAX_RECORDS_DEFAULT = "1000000";

    public static final String UI_ENABLED_PROP_NAME = "sluice.ui.enabled";
    public static final String UI_ENABLED_DEFAULT = "true";
    public static final String UI_HOST_PROP_NAME = "sluice.ui.host";
    public static final String UI_HOST_DEFAULT = "127.0.0.1";
    public static final String UI_PORT_PROP_NAME = "sluice.ui.port";
    public static final String UI_PORT_DEFAULT = "4040";
    public static final String UI_ALLOW_REMOTE_PROP_NAME = "sluice.ui.allowRemote";
    public static final String UI_ALLOW_REMOTE_DEFAULT = "false";
    public static final String UI_RETAINED_BATCHES_PROP_NAME = "sluice.ui.retainedBatches";
    public static final String UI_RETAINED_BATCHES_DEFAULT = "1000";
    public static final String STOP_ON_SHUTDOWN_PROP_NAME = "sluice.stop.onShutdown";
    public static final String STOP_ON_SHUTDOWN_DEFAULT = "true";
    public static final String STOP_GRACEFULLY_ON_SHUTDOWN_PROP_NAME = "sluice.stop.gracefullyOnShutdown";
    public static final String STOP_GRACEFULLY_ON_SHUTDOWN_DEFAULT = "false";
    public static final String OUTPUT_ON_FAILURE_PROP_NAME = "sluice.output.onFailure";
    public static final String OUTPUT_ON_FAILURE_DEFAULT = "report";
    public static final String OUTPUT_MAX_RETRIES_PROP_NAME = "sluice.output.maxRetries";
    public static final String OUTPUT_MAX_RETRIES_DEFAULT = "0";
    public static final String SOCKET_READ_TIMEOUT_PROP_NAME = "sluice.socket.readTimeout";
    public static final String SOCKET_READ_TIMEOUT_DEFAULT = "0s";
    public static final String JMX_ENABLED_PROP_NAME = "sluice.jmx.enabled";
    public static final String JMX_ENABLED_DEFAULT = "true";

    private static final List<ConfigKey> CONTEXT_KEYS = List.of(
        new ConfigKey(SOCKET_READ_TIMEOUT_PROP_NAME, SOCKET_READ_TIMEOUT_DEFAULT,
            "socketTextStream restarts (reconnects) when no byte arrives for this long, so a server that accepts and "
                + "sends nothing is noticed; 0s waits forever (Spark's behaviour)."),
        new ConfigKey(OUTPUT_ON_FAILURE_PROP_NAME, OUTPUT_ON_FAILURE_DEFAULT,
            "What a failed output operation (after its retries) does: report (Spark's: awaitTermination rethrows it, "
                + "the batch's other outputs and later batches run), deadLetter (report, and keep a dead letter naming "
                + "the batch, the output and the reason), stop (report, and stop the context)."),
        new ConfigKey(OUTPUT_MAX_RETRIES_PROP_NAME, OUTPUT_MAX_RETRIES_DEFAULT,
            "How many times a failed output operation is run again for the same batch before it counts as failed "
                + "(each try sees the same data: the output is at least once)."),
        new ConfigKey(STOP_ON_SHUTDOWN_PROP_NAME, STOP_ON_SHUTDOWN_DEFAULT,
            "Stop a started context from a JVM shutdown hook (SIGTERM, Ctrl-C, System.exit), as Spark does, so its "
                + "temporary data directory is removed and its outputs end cleanly."),
        new ConfigKey(STOP_GRACEFULLY_ON_SHUTDOWN_PROP_NAME, STOP_GRACEFULLY_ON_SHUTDOWN_DEFAULT,
            "Whether that stop is graceful (Spark's spark.streaming.stopGracefullyOnShutdown): the records already "
                + "accepted are processed first, within sluice.stop.gracefulTimeout."),
        new ConfigKey(UI_ENABLED_PROP_NAME, UI_ENABLED_DEFAULT,
            "Serve the streaming UI, its JSON API and the Prometheus /metrics endpoint from the context (false: no "
                + "server, no port)."),
        new ConfigKey(UI_HOST_PROP_NAME, UI_HOST_DEFAULT,
            "Address the UI server binds to; a non-loopback one also needs sluice.ui.allowRemote=true."),
        new ConfigKey(UI_PORT_PROP_NAME, UI_PORT_DEFAULT,
            "UI port; the default falls back to the next free port (16 tries), a port you set must be free, 0 takes "
                + "any free port."),
        new ConfigKey(UI_ALLOW_REMOTE_PROP_NAME, UI_ALLOW_REMOTE_DEFAULT,
            "Allow sluice.ui.host to be a non-loopback address (the UI has no authentication)."),
        new ConfigKey(UI_RETAINED_BATCHES_PROP_NAME, UI_RETAINED_BATCHES_DEFAULT,
            "How many completed batches the UI and its API keep (Spark's spark.streaming.ui.retainedBatches)."),
        new ConfigKey(JMX_ENABLED_PROP_NAME, JMX_ENABLED_DEFAULT,
            "Register the context's metrics as an MXBean io.sluice:type=Streaming,app=<appName> in the platform "
                + "MBean server."),
        new ConfigKey(CHECKPOINT_MIN_INTERVAL_PROP_NAME, CHECKPOINT_MIN_INTERVAL_DEFAULT,
            "Shortest batch time between two state snapshots: a snapshot is written after a stateful operator's "
                + "checkpoint batch once this long has passed since the last one (0s: at every checkpoint batch)."),
        new ConfigKey(CHECKPOINT_RETAINED_PROP_NAME, CHECKPOINT_RETAINED_DEFAULT,
            "How many state snapshots are kept in <checkpointDir>/snapshots (older ones are deleted)."),
        new ConfigKey(ALLOW_NON_RESTORED_PROP_NAME, ALLOW_NON_RESTORED_DEFAULT,
            "Recover even when a snapshot holds state no operator claims (removed or renamed) or state of another kind "
                + "or key type: that state is dropped and the operator starts empty."),
        new ConfigKey(DEAD_LETTER_MAX_RECORDS_PROP_NAME, DEAD_LETTER_MAX_RECORDS_DEFAULT,
            "Most dead letters the data directory keeps (earlier runs' included); later rejections are counted "
                + "(StreamingContext.deadLetterOverflow()), not kept."),
        new ConfigKey(LOG_RETENTION_PROP_NAME, LOG_RETENTION_DEFAULT,
            "How much batch time of the ingest log and manifest to keep beyond what recovery needs ('unlimited' keeps "
                + "everything); log files older than that are deleted as the log rolls."),
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
            "How long stop(true) waits for the last batches to be processed."),
        new ConfigKey(BACKPRESSURE_PROP_NAME, BACKPRESSURE_DEFAULT,
            "Adapt each receiver's rate limit to what the batches manage to process (Spark's backpressure)."),
        new ConfigKey(INITIAL_RATE_PROP_NAME, INITIAL_RATE_DEFAULT,
            "With backpressure: each receiver's rate limit (records/s) until the first estimate."),
        new ConfigKey(RATE_ESTIMATOR_PROP_NAME, RATE_ESTIMATOR_DEFAULT, "With backpressure: the estimator; only 'pid'."),
        new ConfigKey(PID_PROPORTIONAL_PROP_NAME, PID_PROPORTIONAL_DEFAULT, "PID estimator: weight of the current error."),
        new ConfigKey(PID_INTEGRAL_PROP_NAME, PID_INTEGRAL_DEFAULT,
            "PID estimator: weight of the accumulated error (scheduling delay)."),
        new ConfigKey(PID_DERIVED_PROP_NAME, PID_DERIVED_DEFAULT, "PID estimator: weight of the error's change."),
        new ConfigKey(PID_MIN_RATE_PROP_NAME, PID_MIN_RATE_DEFAULT, "PID estimator: the lowest rate it sets (records/s)."),
        new ConfigKey(FUSION_PROP_NAME, FUSION_DEFAULT,
            "Fuse chains of narrow fast-path operators (LongDStream map, filter, mapToLongPair) into one loop at start; "
                + "false runs one loop per operator (same results)."));

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
        if (isBackpressureEnabled())
        {
            rateEstimator(1);
            initialRate();
        }
        restartDelay();
        maxRate();
        maxLineBytes();
        deadLetterMaxBytes();
        isFusionEnabled();
        checkpointMinIntervalMs();
        checkpointRetained();
        isNonRestoredStateAllowed();
        logRetentionMs();
        deadLetterMaxRecords();
        isUiEnabled();
        uiPort();
        isUiRemoteAllowed();
        uiRetainedBatches();
        isJmxEnabled();
        isStopOnShutdown();
        socketReadTimeoutMs();
        outputOnFailure();
        outputMaxRetries();
        isGracefulOnShutdown();
        if (values.containsKey(GRACEFUL_TIMEOUT_PROP_NAME))
        {
            Durations.parse(GRACEFUL_TIMEOUT_PROP_NAME, values.get(GRACEFUL_TIMEOUT_PROP_NAME));
        }
    }

    /** {@code sluice.checkpoint.minInterval} in ms. */
    public long checkpointMinIntervalMs()
    {
        return Durations.parse(CHECKPOINT_MIN_INTERVAL_PROP_NAME,
            values.getOrDefault(CHECKPOINT_MIN_INTERVAL_PROP_NAME, CHECKPOINT_MIN_INTERVAL_DEFAULT)).toMillis();
    }

    /** {@code sluice.checkpoint.retained}. */
    public int checkpointRetained()
    {
        return (int)Math.min(1000, parsePositive(CHECKPOINT_RETAINED_PROP_NAME,
            values.getOrDefault(CHECKPOINT_RETAINED_PROP_NAME, CHECKPOINT_RETAINED_DEFAULT), "a positive count"));
    }

    /** {@code sluice.recovery.allowNonRestoredState}. */
    public boolean isNonRestoredStateAllowed()
    {
        return parseBoolean(ALLOW_NON_RESTORED_PROP_NAME, ALLOW_NON_RESTORED_DEFAULT);
    }

    /** {@code sluice.deadLetter.maxRecords}. */
    public long deadLetterMaxRecords()
    {
        return parsePositive(DEAD_LETTER_MAX_RECORDS_PROP_NAME,
            values.getOrDefault(DEAD_LETTER_MAX_RECORDS_PROP_NAME, DEAD_LETTER_MAX_RECORDS_DEFAULT),
            "a positive number of records");
    }

    /** {@code sluice.ui.enabled}. */
    public boolean isUiEnabled()
    {
        return parseBoolean(UI_ENABLED_PROP_NAME, UI_ENABLED_DEFAULT);
    }

    /** {@code sluice.ui.host}. */
    public String uiHost()
    {
        return values.getOrDefault(UI_HOST_PROP_NAME, UI_HOST_DEFAULT).trim();
    }

    /** {@code sluice.ui.port}: 0 to 65535. */
    public int uiPort()
    {
        final String value = values.getOrDefault(UI_PORT_PROP_NAME, UI_PORT_DEFAULT).trim();
        try
        {
            final int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535)
            {
                return port;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(UI_PORT_PROP_NAME + " must be a port (0 to 65535, 0: any free port), was '"
            + value + "'");
    }

    /** Whether the user set {@code sluice.ui.port}. */
    public boolean isUiPortSet()
    {
        return values.containsKey(UI_PORT_PROP_NAME);
    }

    /** {@code sluice.ui.allowRemote}. */
    public boolean isUiRemoteAllowed()
    {
        return parseBoolean(UI_ALLOW_REMOTE_PROP_NAME, UI_ALLOW_REMOTE_DEFAULT);
    }

    /** {@code sluice.ui.retainedBatches}. */
    public int uiRetainedBatches()
    {
        return (int)Math.min(1_000_000, parsePositive(UI_RETAINED_BATCHES_PROP_NAME,
            values.getOrDefault(UI_RETAINED_BATCHES_PROP_NAME, UI_RETAINED_BATCHES_DEFAULT), "a positive count"));
    }

    /** {@code sluice.stop.onShutdown}. */
    public boolean isStopOnShutdown()
    {
        return parseBoolean(STOP_ON_SHUTDOWN_PROP_NAME, STOP_ON_SHUTDOWN_DEFAULT);
    }

    /** {@code sluice.stop.gracefullyOnShutdown}. */
    public boolean isGracefulOnShutdown()
    {
        return parseBoolean(STOP_GRACEFULLY_ON_SHUTDOWN_PROP_NAME, STOP_GRACEFULLY_ON_SHUTDOWN_DEFAULT);
    }

    /** {@code sluice.output.onFailure}: report, deadLetter or stop. */
    public String outputOnFailure()
    {
        final String value = values.getOrDefault(OUTPUT_ON_FAILURE_PROP_NAME, OUTPUT_ON_FAILURE_DEFAULT).trim();
        if (!value.equals("report") && !value.equals("deadLetter") && !value.equals("stop"))
        {
            throw new IllegalArgumentException(OUTPUT_ON_FAILURE_PROP_NAME + " must be report, deadLetter or stop, was '"
                + value + "'");
        }
        return value;
    }

    /** {@code sluice.output.maxRetries}. */
    public int outputMaxRetries()
    {
        final String value = values.getOrDefault(OUTPUT_MAX_RETRIES_PROP_NAME, OUTPUT_MAX_RETRIES_DEFAULT).trim();
        try
        {
            final int n = Integer.parseInt(value);
            if (n >= 0 && n <= 1000)
            {
                return n;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new IllegalArgumentException(OUTPUT_MAX_RETRIES_PROP_NAME + " must be 0 to 1000, was '" + value + "'");
    }

    /** {@code sluice.socket.readTimeout} in ms (0: none). */
    public int socketReadTimeoutMs()
    {
        final long ms = Durations.parse(SOCKET_READ_TIMEOUT_PROP_NAME,
            values.getOrDefault(SOCKET_READ_TIMEOUT_PROP_NAME, SOCKET_READ_TIMEOUT_DEFAULT)).toMillis();
        if (ms < 0 || ms > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException(SOCKET_READ_TIMEOUT_PROP_NAME + " must be 0s or more, was " + ms + " ms");
        }
        return (int)ms;
    }

    /** {@code sluice.jmx.enabled}. */
    public boolean isJmxEnabled()
    {
        return parseBoolean(JMX_ENABLED_PROP_NAME, JMX_ENABLED_DEFAULT);
    }

    /** {@code sluice.log.retention} in ms, {@link Long#MAX_VALUE} for 'unlimited'. */
    public long logRetentionMs()
    {
        final String value = values.getOrDefault(LOG_RETENTION_PROP_NAME, LOG_RETENTION_DEFAULT).trim();
        return value.equals("unlimited") ? Long.MAX_VALUE : Durations.parse(LOG_RETENTION_PROP_NAME, value).toMillis();
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

    public boolean isBackpressureEnabled()
    {
        return parseBoolean(BACKPRESSURE_PROP_NAME, BACKPRESSURE_DEFAULT);
    }

    /** Whether chains of narrow fast-path operators are fused at start ({@code sluice.plan.fusion}). */
    public boolean isFusionEnabled()
    {
        return parseBoolean(FUSION_PROP_NAME, FUSION_DEFAULT);
    }

    private boolean parseBoolean(final String key, final String defaultValue)
    {
        final String value = values.getOrDefault(key, defaultValue).trim();
        if (!value.equals("true") && !value.equals("false"))
        {
            throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        }
        return value.equals("true");
    }

    /** With backpressure: the first rate limit of each receiver, records/s ({@link Long#MAX_VALUE}: none). */
    public long initialRate()
    {
        final String value = values.get(INITIAL_RATE_PROP_NAME);
        return value == null ? maxRate()
            : parsePositive(INITIAL_RATE_PROP_NAME, value, "a positive number of records per second");
    }

    /** A new rate estimator for a stream of the given batch interval. */
    public io.sluice.internal.ratecontrol.PidRateEstimator rateEstimator(final long batchIntervalMs)
    {
        final String estimator = values.getOrDefault(RATE_ESTIMATOR_PROP_NAME, RATE_ESTIMATOR_DEFAULT).trim();
        if (!estimator.equals("pid"))
        {
            throw new IllegalArgumentException("Unknown rate estimator: " + estimator + "; " + RATE_ESTIMATOR_PROP_NAME
                + " accepts only 'pid'");
        }
        return new io.sluice.internal.ratecontrol.PidRateEstimator(batchIntervalMs,
            parseDouble(PID_PROPORTIONAL_PROP_NAME, PID_PROPORTIONAL_DEFAULT),
            parseDouble(PID_INTEGRAL_PROP_NAME, PID_INTEGRAL_DEFAULT),
            parseDouble(PID_DERIVED_PROP_NAME, PID_DERIVED_DEFAULT),
            parseDouble(PID_MIN_RATE_PROP_NAME, PID_MIN_RATE_DEFAULT));
    }

    private double parseDouble(final String key, final String defaultValue)
    {
        final String value = values.getOrDefault(key, defaultValue).trim();
        try
        {
            return Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(key + " must be a number, was '" + value + "'");
        }
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
