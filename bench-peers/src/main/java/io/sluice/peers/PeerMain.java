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
 * {@code PeerMain <engine> <workload> perf <batches> <warmupBatches> <recordsPerBatch>} times it.
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
        final boolean isCheck = "check".equals(args[2]);
        final int batches = Integer.parseInt(args[3]);
        final Spec spec;
        if (isCheck)
        {
            final int perBatch = Integer.parseInt(args[4]);
            spec = new Spec(workload, batches, 0, perBatch, true, input(workload, batches * perBatch));
        }
        else
        {
            final int perBatch = Integer.parseInt(args[5]);
            spec = new Spec(workload, batches, Integer.parseInt(args[4]), perBatch, false,
                input(workload, "wordcount".equals(workload) || "window".equals(workload) ? perBatch : batches * perBatch));
        }
        final EngineRunner runner = ENGINES.get(engine);
        if (null == runner)
        {
            throw new IllegalArgumentException("unknown engine " + engine + "; one of " + ENGINES.keySet());
        }
        final Outcome outcome = new Outcome();
        runner.run(spec, outcome);
        if (isCheck)
        {
            final List<String> outputs = outcome.outputs();
            Collections.sort(outputs);
            Files.write(Path.of(args[5]), outputs);
        }
        System.out.println("RESULT " + outcome.toJson(engine, spec));
        System.out.flush();
        System.exit(0);
    }
}
