package io.sluice.bench.latency;

import io.sluice.api.BatchInfo;
import io.sluice.api.Codecs;
import io.sluice.api.StreamingContext;
import io.sluice.api.StreamingListener;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency, from {@code store()} to the output operation seeing the record, at fixed open-loop offered
 * loads, for a sweep of batch intervals. One {@link StreamingContext} per point, on the system clock: an
 * {@link OpenLoopReceiver} stamps each record with its intended send time; the pipeline is
 * {@code receiverStream(LONG) → filter(always true) → foreachBatch}, and the output records
 * {@code nanoTime − intended} of every record into an HdrHistogram (coordinated-omission corrected, see the
 * receiver). A {@link StreamingListener} collects each batch's processing delay.
 *
 * <p>Usage: {@code java <sluice.jvm.flags> -cp bench/target/benchmarks.jar
 * io.sluice.bench.latency.EndToEndLatencyHarness [rates=100000,1000000,5000000] [intervalsMs=1,10,100,1000]
 * [seconds=5] [warmupSeconds=1] [out=DIR] [sluice.*=value ...]}; {@code sluice.bench.pipeline=mapWithState}
 * {@code sluice.bench.keys=N} runs a fast-path mapWithState over N keys instead (with a checkpoint directory, so
 * state snapshots are written per {@code sluice.checkpoint.minInterval}). Prints a table and writes {@code DIR/latency.json}
 * and one {@code DIR/latency-<interval>ms-<rate>.hgrm} per point (the format perf-reports reads).
 *
 * <p>Threads: the generator, the log writer, the job executor and the listener bus; on two cores they compete, so
 * the highest sustained rate is a property of this machine's load as much as of the engine.
 */
public final class EndToEndLatencyHarness
{
    private static final long HIGHEST_TRACKABLE_NANOS = 120_000_000_000L;
    /** Harness option {@code sluice.bench.pipeline=filter|mapWithState} (mapWithState: keyed state, checkpointed). */
    static final String PIPELINE_KEY = "sluice.bench.pipeline";
    /** Harness option {@code sluice.bench.keys=N}: the key space of the mapWithState pipeline. */
    static final String KEYS_KEY = "sluice.bench.keys";

    private EndToEndLatencyHarness()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Map<String, String> options = new LinkedHashMap<>();
        final Map<String, String> settings = new LinkedHashMap<>();
        for (final String arg : args)
        {
            final int eq = arg.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            (arg.startsWith("sluice.") ? settings : options).put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        final long[] rates = parseLongs(options.getOrDefault("rates", "100000,1000000,5000000"));
        final long[] intervals = parseLongs(options.getOrDefault("intervalsMs", "1,10,100,1000"));
        final double seconds = Double.parseDouble(options.getOrDefault("seconds", "5"));
        final double warmupSeconds = Double.parseDouble(options.getOrDefault("warmupSeconds", "1"));
        final Path out = Path.of(options.getOrDefault("out", "bench/results/latency"));
        Files.createDirectories(out);

        final List<LatencyPoint> points = new ArrayList<>();
        for (final long interval : intervals)
        {
            for (final long rate : rates)
            {
                final LatencyPoint point = run(interval, rate, seconds, warmupSeconds, settings);
                points.add(point);
                System.err.println(point.toJson());
                try (PrintStream hgrm = new PrintStream(
                    Files.newOutputStream(out.resolve("latency-" + interval + "ms-" + rate + ".hgrm"))))
                {
                    point.histogram().outputPercentileDistribution(hgrm, 1000.0);
                }
            }
        }
        final String table = table(points);
        System.out.print(table);
        Files.writeString(out.resolve("latency.txt"), table);
        Files.writeString(out.resolve("latency.json"), json(points, seconds, warmupSeconds, settings));
        System.out.println("wrote " + out.resolve("latency.json"));
    }

    /** Runs one point: a fresh context, warm-up, measurement, then a bounded drain. */
    static LatencyPoint run(final long intervalMs, final long rate, final double seconds, final double warmupSeconds,
        final Map<String, String> settings) throws InterruptedException, java.io.IOException
    {
        final Histogram first = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        final Histogram second = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        final AtomicLong seen = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        final AtomicLong batchesOver = new AtomicLong();
        final AtomicLong maxProcessingMicros = new AtomicLong();

        final long startNanos = System.nanoTime() + 200_000_000L;
        final long measureStart = startNanos + (long)(warmupSeconds * 1e9);
        final long endNanos = measureStart + (long)(seconds * 1e9);
        final long halfway = measureStart + (endNanos - measureStart) / 2;
        final OpenLoopReceiver generator = new OpenLoopReceiver(rate, startNanos, endNanos);

        final StreamingContext.Builder builder = StreamingContext.builder()
            .appName("e2e-latency")
            .batchInterval(Duration.ofMillis(intervalMs));
        settings.forEach((key, value) ->
        {
            if (!key.equals(PIPELINE_KEY) && !key.equals(KEYS_KEY))
            {
                builder.set(key, value);
            }
        });
        final String pipeline = settings.getOrDefault(PIPELINE_KEY, "filter");
        final long keys = Long.parseLong(settings.getOrDefault(KEYS_KEY, "1000000"));
        final java.nio.file.Path checkpoint = pipeline.equals("mapWithState")
            ? Files.createTempDirectory("sluice-latency-cp-") : null;
        if (checkpoint != null)
        {
            builder.checkpointDir(checkpoint);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> io.sluice.bench.TempDirs.delete(checkpoint)));
        }
        try (StreamingContext context = builder.build())
        {
            if (checkpoint != null)
            {
                // the fast path's mapWithState over `keys` keys; the mapped value is the record's intended time
                context.receiverStream(generator, Codecs.LONG)
                    .mapToLongPair(intended -> ((intended * 0x9E3779B97F4A7C15L) >>> 1) % keys, intended -> intended)
                    .mapWithState((key, hasValue, value, state) ->
                    {
                        state.update((state.exists() ? state.get() : 0) + 1);
                        return value;
                    })
                    .mapped()
                    .foreachBatch((batch, time) ->
                    {
                        final int n = batch.size();
                        for (int i = 0; i < n; i++)
                        {
                            final long intended = batch.get(i);
                            final long latency = System.nanoTime() - intended;
                            if (intended >= measureStart)
                            {
                                (intended < halfway ? first : second).recordValue(Math.min(latency,
                                    HIGHEST_TRACKABLE_NANOS));
                            }
                        }
                        seen.addAndGet(n);
                    });
            }
            else
            {
            context.receiverStream(generator, Codecs.LONG)
                .filter((intended) -> intended != 0)
                .foreachBatch((batch, time) ->
                {
                    long count = 0;
                    for (final Long intended : batch)
                    {
                        final long latency = System.nanoTime() - intended;
                        if (intended >= measureStart)
                        {
                            (intended < halfway ? first : second).recordValue(Math.min(latency,
                                HIGHEST_TRACKABLE_NANOS));
                        }
                        count++;
                    }
                    seen.addAndGet(count);
                });
            }
            context.addStreamingListener(new StreamingListener()
            {
                @Override
                public void onBatchCompleted(final BatchInfo info)
                {
                    final long now = System.nanoTime();
                    if (now < measureStart || info.processingDelay().isEmpty())
                    {
                        return;
                    }
                    final long micros = info.processingDelay().get().toNanos() / 1000;
                    batches.incrementAndGet();
                    if (micros > intervalMs * 1000)
                    {
                        batchesOver.incrementAndGet();
                    }
                    maxProcessingMicros.accumulateAndGet(micros, Math::max);
                }
            });
            context.start();
            waitUntil(() -> generator.isDone(), endNanos + 60_000_000_000L);
            final long drainDeadline = System.nanoTime() + Math.max(5_000_000_000L, 3 * intervalMs * 1_000_000L);
            waitUntil(() -> seen.get() >= generator.generated(), drainDeadline);
        }
        final long generatedTotal = generator.generated();
        final long measuredGenerated = Math.max(0, generatedTotal - (long)(warmupSeconds * rate));
        final Histogram all = first.copy();
        all.add(second);
        return new LatencyPoint(intervalMs, rate, measuredGenerated / seconds, all.getTotalCount(),
            generatedTotal - seen.get(), all, first.getValueAtPercentile(99) / 1000.0,
            second.getValueAtPercentile(99) / 1000.0, batches.get(), batchesOver.get(),
            maxProcessingMicros.get() / 1000.0);
    }

    private interface Condition
    {
        boolean isMet();
    }

    private static void waitUntil(final Condition condition, final long deadlineNanos)
    {
        while (!condition.isMet() && System.nanoTime() < deadlineNanos)
        {
            LockSupport.parkNanos(1_000_000L);
        }
    }

    static String table(final List<LatencyPoint> points)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%9s %10s %10s %10s %10s %10s %10s %10s %8s %9s %s%n", "interval",
            "offered/s", "achieved/s", "p50 us", "p99 us", "p99.9 us", "p99.99 us", "max us", "maxProc", "over/batch",
            "sustained"));
        for (final LatencyPoint p : points)
        {
            sb.append(String.format(Locale.ROOT, "%7dms %10d %10.0f %10.0f %10.0f %10.0f %10.0f %10.0f %6.1fms %4d/%-5d %s%n",
                p.intervalMs(), p.offeredRate(), p.achievedRate(), p.percentileUs(50), p.percentileUs(99),
                p.percentileUs(99.9), p.percentileUs(99.99), p.maxUs(), p.maxProcessingMs(), p.batchesOverInterval(),
                p.batches(), p.isSustained() ? "yes" : "no" + (p.unseen() > 0 ? " (" + p.unseen() + " unseen)" : "")));
        }
        sb.append("highest sustained offered rate per interval:");
        points.stream().map(LatencyPoint::intervalMs).distinct().forEach((interval) -> sb.append(String.format(
            Locale.ROOT, " %dms=%s", interval, points.stream()
                .filter((p) -> p.intervalMs() == interval && p.isSustained())
                .mapToLong(LatencyPoint::offeredRate).max().stream().mapToObj(Long::toString).findFirst()
                .orElse("none"))));
        sb.append(System.lineSeparator());
        return sb.toString();
    }

    static String json(final List<LatencyPoint> points, final double seconds, final double warmupSeconds,
        final Map<String, String> settings)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"harness\": \"EndToEndLatencyHarness\",\n");
        sb.append(String.format(Locale.ROOT, "  \"seconds\": %s,\n  \"warmupSeconds\": %s,\n", seconds,
            warmupSeconds));
        sb.append("  \"settings\": {");
        final List<String> entries = new ArrayList<>();
        settings.forEach((k, v) -> entries.add("\"" + k + "\": \"" + v + "\""));
        sb.append(String.join(", ", entries)).append("},\n");
        sb.append("  \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        sb.append("  \"points\": [\n");
        for (int i = 0; i < points.size(); i++)
        {
            sb.append("    ").append(points.get(i).toJson()).append(i + 1 < points.size() ? ",\n" : "\n");
        }
        sb.append("  ]\n}\n");
        return sb.toString();
    }

    private static long[] parseLongs(final String csv)
    {
        final String[] parts = csv.split(",");
        final long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = Long.parseLong(parts[i].trim());
        }
        return values;
    }

}
