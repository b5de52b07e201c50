package io.sluice.recovery;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.ReceiverInfo;
import io.sluice.api.PairDStream;
import io.sluice.api.State;
import io.sluice.api.StateSpec;
import io.sluice.api.StreamingContext;
import io.sluice.api.StreamingListener;
import io.sluice.api.Time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The pipeline under test, run as a child JVM by {@link CrashHarness} and killed with SIGKILL at will.
 *
 * <p>Arguments: {@code <axis> <checkpointDir> <outDir> <feederPort> <batchIntervalMs> <stopFile> [<sabotage>]}
 * ({@link Sabotage}, default {@code NONE}; the others are deliberately broken pipelines for the harness's
 * self-tests). The context comes from {@code StreamingContext.getOrCreate(checkpointDir, factory)}, so a child
 * started on the log of a killed one recovers. It reads {@code socketTextStream("127.0.0.1", port)}, runs the
 * {@link PipelineAxis} pipeline (stateful streams checkpointed every {@link PipelineAxis#CHECKPOINT_BATCHES}
 * batches, a state snapshot at every checkpoint batch: {@code sluice.checkpoint.minInterval=0s}) and writes each
 * batch's output with {@link OutputFiles#write} (batch time = file name: the idempotency key). It names no data
 * directory, so the ingest log is {@code <checkpointDir>/log}, kept after stop, where {@link LogOracle} reads it.
 *
 * <p>Standard output, one line each, flushed: {@code STARTED} once the context runs; {@code BATCH <timeMs>} after each
 * batch file is in place (on the job thread); {@code STOPPED} after the graceful stop. Standard error: the engine's
 * {@code SLUICE-CRASH <point>}; {@code RECEIVER-ERROR <message>} for each error its receiver reports; {@code CHILD-FAILED} and a stack trace on a failure (exit code 3). It halts (exit code 4)
 * when its parent, the test JVM, dies. The child polls for {@code stopFile}; when it appears it stops gracefully
 * ({@code stop(true)}: every accepted record is processed) and exits 0.
 */
public final class CrashChildMain
{
    /** How often the main thread looks for the stop file. */
    private static final Duration STOP_POLL = Duration.ofMillis(10);
    /** A timeout no key reaches during a test: the point is that the mapWithState path with a timeout runs. */
    private static final Duration STATE_TIMEOUT = Duration.ofHours(1);

    private CrashChildMain()
    {
    }

    public static void main(final String[] args)
    {
        // an orphan would poll for its stop file forever: die with the test JVM
        ProcessHandle.current().parent()
            .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(4)));
        try
        {
            run(args);
        }
        catch (final Throwable ex)
        {
            System.err.println("CHILD-FAILED " + ex);
            ex.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(3);
        }
        System.exit(0);
    }

    private static void run(final String[] args) throws InterruptedException, IOException
    {
        final PipelineAxis axis = PipelineAxis.of(args[0]);
        final Path checkpointDir = Path.of(args[1]);
        final Path outDir = Path.of(args[2]);
        final int port = Integer.parseInt(args[3]);
        final long intervalMs = Long.parseLong(args[4]);
        final Path stopFile = Path.of(args[5]);
        final Sabotage sabotage = args.length > 6 ? Sabotage.valueOf(args[6]) : Sabotage.NONE;
        Files.createDirectories(outDir);
        final Supplier<StreamingContext> factory = () ->
        {
            final StreamingContext ssc = StreamingContext.builder()
                .appName("crash-" + axis.id())
                .batchInterval(Duration.ofMillis(intervalMs))
                .checkpointDir(checkpointDir)
                .set("sluice.receiver.restartDelay", "50ms")
                .set("sluice.ring.size", "8192")
                .set("sluice.checkpoint.minInterval", "0s")
                .build();
            pipeline(axis, sabotage, ssc.socketTextStream("127.0.0.1", port), intervalMs, outDir);
            ssc.addStreamingListener(new StreamingListener()
            {
                @Override
                public void onReceiverError(final ReceiverInfo info)
                {
                    System.err.println("RECEIVER-ERROR " + info.lastErrorMessage());
                    System.err.flush();
                }
            });
            return ssc;
        };
        final StreamingContext ssc = StreamingContext.getOrCreate(checkpointDir, factory);
        ssc.start();
        say("STARTED");
        while (!Files.exists(stopFile))
        {
            if (ssc.awaitTerminationOrTimeout(STOP_POLL))
            {
                throw new IllegalStateException("the context stopped by itself");
            }
        }
        ssc.stop(true);
        ssc.awaitTerminationOrTimeout(Duration.ZERO);
        say("STOPPED");
    }

    private static void pipeline(final PipelineAxis axis, final Sabotage sabotage, final DStream<String> lines,
        final long intervalMs, final Path outDir)
    {
        final Duration checkpoint = Duration.ofMillis(PipelineAxis.checkpointMs(intervalMs));
        final BiConsumer<Time, List<String>> sink = sabotage == Sabotage.APPENDING_SINK
            ? (time, out) -> appendOutput(outDir, time, out)
            : (time, out) -> output(outDir, time, out);
        if (sabotage == Sabotage.HEAP_STATE)
        {
            heapStateCount(lines, sink);
            return;
        }
        switch (axis)
        {
            case STATELESS -> lines.foreachBatch((batch, time) -> sink.accept(time, batch.collect()));
            case STATE_GENERIC -> ones(lines)
                .<Long>updateStateByKey((values, state) -> Optional.of(state.orElse(0L) + values.size()))
                .checkpoint(checkpoint)
                .foreachBatch((batch, time) -> sink.accept(time, pairLines(batch.collect())));
            case STATE_FAST -> lines.mapToLongPair(CrashChildMain::keyId, line -> 1L)
                .updateStateByKey((key, values, state) -> state.update((state.exists() ? state.get() : 0L)
                    + values.sum()))
                .checkpoint(checkpoint)
                .foreachBatch((batch, time) ->
                {
                    final List<String> out = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++)
                    {
                        out.add(RecordFormat.line("k" + batch.key(i), batch.value(i)));
                    }
                    sink.accept(time, out);
                });
            case MAP_WITH_STATE -> ones(lines)
                .mapWithState(StateSpec.function((final String key, final Optional<Long> value,
                    final State<Long> state) -> runningCount(key, value, state)).timeout(STATE_TIMEOUT))
                .checkpoint(checkpoint)
                .foreachBatch((batch, time) -> sink.accept(time, batch.collect()));
            case WINDOW_INVERSE -> ones(lines)
                .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, Duration.ofMillis(axis.windowMs(intervalMs)),
                    Duration.ofMillis(axis.slideMs(intervalMs)))
                .checkpoint(checkpoint)
                .foreachBatch((batch, time) -> sink.accept(time, pairLines(batch.collect())));
            default -> throw new IllegalArgumentException("no pipeline for " + axis);
        }
    }

    /** {@link Sabotage#HEAP_STATE}: counts per key in a map of this JVM's heap, which a crash loses. */
    private static void heapStateCount(final DStream<String> lines, final BiConsumer<Time, List<String>> sink)
    {
        final Map<String, Long> counts = new TreeMap<>();
        lines.foreachBatch((batch, time) ->
        {
            for (final String line : batch)
            {
                counts.merge(RecordFormat.key(line), 1L, Long::sum);
            }
            final List<String> out = new ArrayList<>(counts.size());
            counts.forEach((key, count) -> out.add(RecordFormat.line(key, count)));
            sink.accept(time, out);
        });
    }

    /** The number of a key {@code k<n>}. */
    private static long keyId(final String line)
    {
        return Long.parseLong(RecordFormat.key(line).substring(1));
    }

    private static PairDStream<String, Long> ones(final DStream<String> lines)
    {
        return lines.mapToPair(line -> Pair.of(RecordFormat.key(line), 1L));
    }

    private static String runningCount(final String key, final Optional<Long> value, final State<Long> state)
    {
        if (state.isTimingOut())
        {
            return key + " TIMEOUT";
        }
        final long count = state.getOption().orElse(0L) + value.orElse(0L);
        state.update(count);
        return RecordFormat.line(key, count);
    }

    private static List<String> pairLines(final List<Pair<String, Long>> pairs)
    {
        final List<String> out = new ArrayList<>(pairs.size());
        for (final Pair<String, Long> pair : pairs)
        {
            out.add(RecordFormat.line(pair.key(), pair.value()));
        }
        return out;
    }

    private static void output(final Path outDir, final Time time, final List<String> lines)
    {
        OutputFiles.write(outDir, time.milliseconds(), lines);
        say("BATCH " + time.milliseconds());
    }

    private static void appendOutput(final Path outDir, final Time time, final List<String> lines)
    {
        OutputFiles.append(outDir, time.milliseconds(), lines);
        say("BATCH " + time.milliseconds());
    }

    private static void say(final String line)
    {
        System.out.println(line);
        System.out.flush();
    }
}
