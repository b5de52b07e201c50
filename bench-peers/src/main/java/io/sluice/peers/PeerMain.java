package io.sluice.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one workload on one engine in this JVM (the orchestrator, {@code bench-peers/run.sh}, starts one JVM per
 * engine and workload) and prints one line {@code RESULT <json>}.
 *
 * <p>Usage: {@code PeerMain <sluice|spark|flink|jet> <workload> check <batches> <recordsPerBatch> <outFile>} writes
 * the sorted outputs to {@code outFile} for the agreement check (distinct input lines for every batch);
 * {@code PeerMain <engine> <workload> perf <batches> <warmupBatches> <recordsPerBatch> [repeats]} times it, the whole
 * run {@code repeats} times in this JVM (the median and every repeat's rate are reported);
 * {@code PeerMain <engine> <workload> latency <records/s> <intervalMs> <warmupSeconds> <seconds>} offers records
 * open-loop at a fixed rate ({@link OpenLoop}) and reports latency percentiles.
 */
public final class PeerMain
{
    private static final long SEED = 42;

    private static final Map<String, EngineRunner> ENGINES = Map.of(
        "sluice", new SluiceRunner(System.getenv().getOrDefault("SLUICE_PATH", "fast")),
        "sluice-generic", new SluiceRunner("generic"),
        "spark", new SparkRunner(),
        "flink", new FlinkRunner(),
        "jet", new JetRunner());

    private PeerMain()
    {
    }

    /** Word lines; Uber rows (cycling through the file) for {@code uber}; for {@code state} keys {@code k0 .. k999999} drawn uniformly. */
    private static String[] input(final String workload, final int count)
    {
        if (workload.startsWith("nexmark"))
        {
            return Nexmark.generate(count, SEED);
        }
        if ("uber".equals(workload))
        {
            final String[] rows = Uber.rows();
            final String[] input = new String[count];
            for (int i = 0; i < count; i++)
            {
                input[i] = rows[i % rows.length];
            }
            return input;
        }
        if (!"state".equals(workload))
        {
            return Lines.generate(count, SEED);
        }
        final java.util.SplittableRandom random = new java.util.SplittableRandom(SEED);
        final String[] keys = new String[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = "k" + random.nextInt(Spec.STATE_KEYS);
        }
        return keys;
    }

    public static void main(final String[] args) throws Exception
    {
        final String engine = args[0];
        final String workload = args[1];
        final String mode = args[2];
        final Spec spec;
        int repeats = 1;
        switch (mode)
        {
            case "check":
            {
                final int batches = Integer.parseInt(args[3]);
                final int perBatch = Integer.parseInt(args[4]);
                spec = new Spec(workload, batches, 0, perBatch, true, input(workload, batches * perBatch), null);
                break;
            }
            case "perf":
            {
                final int batches = Integer.parseInt(args[3]);
                final int perBatch = Integer.parseInt(args[5]);
                spec = new Spec(workload, batches, Integer.parseInt(args[4]), perBatch, false,
                    input(workload, isCycled(workload) ? perBatch : batches * perBatch), null);
                repeats = args.length > 6 ? Integer.parseInt(args[6]) : 1;
                break;
            }
            case "latency":
            {
                final long rate = Long.parseLong(args[3]);
                final long intervalMs = Long.parseLong(args[4]);
                final int warmupBatches = (int)(Double.parseDouble(args[5]) * 1000 / intervalMs);
                final int batches = warmupBatches + (int)(Double.parseDouble(args[6]) * 1000 / intervalMs);
                final int perBatch = Math.toIntExact(rate * intervalMs / 1000);
                final OpenLoop open = new OpenLoop(rate, intervalMs, (long)batches * perBatch,
                    (long)warmupBatches * perBatch);
                spec = new Spec(workload, batches, warmupBatches, perBatch, false,
                    input(workload, isCycled(workload) ? perBatch : batches * perBatch), open);
                break;
            }
            default:
                throw new IllegalArgumentException("mode must be check, perf or latency, not " + mode);
        }
        final EngineRunner runner = ENGINES.get(engine);
        if (null == runner)
        {
            throw new IllegalArgumentException("unknown engine " + engine + "; one of " + ENGINES.keySet());
        }
        Outcome outcome = new Outcome();
        final double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            outcome = new Outcome();
            runner.run(spec, outcome);
            rates[r] = outcome.recordsPerSecond();
        }
        if (repeats > 1)
        {
            outcome.putMetric("repeatsPerSecond", rates);
            final double[] sorted = rates.clone();
            java.util.Arrays.sort(sorted);
            outcome.setRecordsPerSecond(sorted[repeats / 2]);
        }
        if (spec.isLatency())
        {
            spec.openLoop().report(outcome);
        }
        if ("check".equals(mode))
        {
            final List<String> outputs = outcome.outputs();
            Collections.sort(outputs);
            Files.write(Path.of(args[5]), outputs);
        }
        System.out.println("RESULT " + outcome.toJson(engine, spec));
        System.out.flush();
        System.exit(0);
    }

    /** @return a new temporary directory, deleted when the JVM exits (if empty). */
    static Path tempDirectory(final String prefix)
    {
        try
        {
            final Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Word counts cycle through one batch's worth of lines; other workloads read distinct records. */
    private static boolean isCycled(final String workload)
    {
        return "wordcount".equals(workload) || "window".equals(workload);
    }
}
