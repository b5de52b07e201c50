package io.sluice.bench.ingest;

import io.sluice.api.Codecs;
import io.sluice.bench.TempDirs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.ingest.StreamWriter;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Latency from {@code store()} to the record being appended to its Chronicle queue, at a fixed offered rate.
 *
 * <p>Open loop with coordinated-omission correction by intended start times: record {@code i} is due at
 * {@code t0 + i / rate}; the producer stores it at (or, when it has fallen behind, after) that instant, and its
 * latency is measured from the instant it was <em>due</em>, so time a blocked store spends waiting is charged to
 * every record queued behind it. The log writer reports each appended block through an
 * {@link io.sluice.internal.log.AppendListener}, which records, on the log-writer thread, the latency of every
 * record in the block against one clock read per block.
 *
 * <p>Usage: {@code java <flags> -cp bench/target/benchmarks.jar io.sluice.bench.ingest.IngestLatencyHarness
 * [rate=1000000] [seconds=10] [warmupSeconds=5] [recordBytes=16] [key=value for any sluice.* ingest key]}, for
 * example {@code sluice.log.waitPolicy=blocking}, the lowest-latency writer wait on a shared machine.
 *
 * <p>The producer spins until each record is due, so it keeps a core busy: the harness needs two free cores (producer
 * and log writer) to say anything about the pipeline rather than about the scheduler.
 */
public final class IngestLatencyHarness
{
    private static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;

    private IngestLatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Map<String, String> options = new HashMap<>();
        final Map<String, String> ingest = new HashMap<>();
        for (final String arg : args)
        {
            final int eq = arg.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
            }
            (arg.startsWith("sluice.") ? ingest : options).put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        final long rate = Long.parseLong(options.getOrDefault("rate", "1000000"));
        final long seconds = Long.parseLong(options.getOrDefault("seconds", "10"));
        final long warmupSeconds = Long.parseLong(options.getOrDefault("warmupSeconds", "5"));
        final int recordBytes = Integer.parseInt(options.getOrDefault("recordBytes", "16"));
        ingest.putIfAbsent(IngestConfig.SLOT_BYTES_PROP_NAME, Integer.toString(Math.max(128, recordBytes)));
        final IngestConfig config = IngestConfig.from(ingest);

        final long intervalNanos = 1_000_000_000L / rate;
        final long warmupRecords = warmupSeconds * rate;
        final long totalRecords = warmupRecords + seconds * rate;
        final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        final Path dataDir = TempDirs.create("sluice-latency");
        final Recorder recorder = new Recorder(histogram, warmupRecords, intervalNanos);

        try (IngestPipeline pipeline = new IngestPipeline(config, dataDir))
        {
            final int id = pipeline.registerStream("latency");
            pipeline.appendListener((streamId, index, records) -> recorder.onAppended(records));
            pipeline.start();
            final StreamWriter<byte[]> writer = pipeline.writer(id, Codecs.BYTES);
            final byte[] record = new byte[recordBytes];

            final long t0 = System.nanoTime() + 1_000_000L;
            recorder.start(t0);
            for (long i = 0; i < totalRecords; i++)
            {
                final long due = t0 + i * intervalNanos;
                while (System.nanoTime() - due < 0)
                {
                    Thread.onSpinWait();
                }
                writer.store(record);
            }
            pipeline.cut(1);
            pipeline.awaitSegments(1);
        }
        finally
        {
            TempDirs.delete(dataDir);
        }

        System.out.printf("offered rate %,d records/s, %d-byte records, %d s measured after %d s warm-up, %s%n",
            rate, recordBytes, seconds, warmupSeconds, config);
        System.out.printf("store() -> appended to the queue, us: p50=%.1f p99=%.1f p99.9=%.1f p99.99=%.1f max=%.1f " +
            "(%,d records)%n",
            histogram.getValueAtPercentile(50) / 1000.0,
            histogram.getValueAtPercentile(99) / 1000.0,
            histogram.getValueAtPercentile(99.9) / 1000.0,
            histogram.getValueAtPercentile(99.99) / 1000.0,
            histogram.getMaxValue() / 1000.0,
            histogram.getTotalCount());
    }

    /**
     * Runs on the log-writer thread: with one producer, the stream's records are appended in the order they were
     * due, so the n-th appended record is the n-th due.
     */
    private static final class Recorder
    {
        private final Histogram histogram;
        private final long warmupRecords;
        private final long intervalNanos;
        private long t0;
        private long appended;

        Recorder(final Histogram histogram, final long warmupRecords, final long intervalNanos)
        {
            this.histogram = histogram;
            this.warmupRecords = warmupRecords;
            this.intervalNanos = intervalNanos;
        }

        void start(final long t0)
        {
            this.t0 = t0;
        }

        void onAppended(final int records)
        {
            final long now = System.nanoTime();
            long sequence = appended;
            for (int i = 0; i < records; i++, sequence++)
            {
                if (sequence >= warmupRecords)
                {
                    histogram.recordValue(Math.max(0, now - (t0 + sequence * intervalNanos)));
                }
            }
            appended = sequence;
        }
    }
}
