package io.sluice.bench.recovery;

import io.sluice.api.LongReceiver;
import io.sluice.api.StreamingContext;
import io.sluice.bench.BenchmarkBase;
import io.sluice.bench.TempDirs;
import io.sluice.internal.context.ContextInternals;
import io.sluice.testkit.ManualClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Recovery of a crashed stateful pipeline: a fast-path running count ({@code updateStateByKey} on long keys) over
 * {@value #KEYS} keys, fed {@code records} records in {@value #BATCHES} one-second batches, then stopped without a
 * graceful drain, as a crashed process leaves its checkpoint. One invocation = one restart on that checkpoint until
 * the context has caught up (every sealed batch after the restored point has run).
 *
 * <ul>
 *   <li>{@code from=replay}: no snapshot: the whole log is replayed (the records per second this reaches is the
 *       replay throughput: {@code records / score}). {@code updateStateByKey} calls its function for every key
 *       every batch (Spark's rule), so its replay also re-emits the whole state {@value #BATCHES} times;
 *       {@code mapWithState} touches only each batch's keys.</li>
 *   <li>{@code from=snapshot}: a snapshot of the last batch exists: recovery reads {@value #KEYS} keys of state and
 *       replays nothing (recovery time for 1 M keys of state).</li>
 * </ul>
 * Single-shot times in ms; percentiles over the measurement iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class RecoveryReplayBenchmark extends BenchmarkBase
{
    static final int KEYS = 1_000_000;
    static final int BATCHES = 50;
    static final Duration BATCH = Duration.ofSeconds(1);

    @Param({"5000000"})
    int records;

    @Param({"replay", "snapshot"})
    String from;

    @Param({"updateStateByKey", "mapWithState"})
    String operator;

    private Path checkpoint;
    private long lastBatch;

    /** The receiver the setup run stores into from the benchmark thread. */
    static final class HandReceiver extends LongReceiver
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

    private StreamingContext context(final ManualClock clock, final HandReceiver receiver)
    {
        final StreamingContext context = StreamingContext.builder().appName("recovery-bench").batchInterval(BATCH)
            .clock(clock).checkpointDir(checkpoint)
            .set("sluice.checkpoint.minInterval", from.equals("snapshot") ? "0s" : "100000h").build();
        final io.sluice.api.LongLongPairDStream pairs = context.longReceiverStream(receiver).mapToLongPair(v -> v,
            v -> 1);
        if (operator.equals("updateStateByKey"))
        {
            pairs.updateStateByKey((key, values, state) -> state.update((state.exists() ? state.get() : 0)
                + values.size())).stateId("counts").foreachBatch((batch, time) -> { });
        }
        else
        {
            pairs.mapWithState((key, hasValue, value, state) ->
            {
                state.update((state.exists() ? state.get() : 0) + value);
                return key;
            }).stateId("counts").mapped().foreachBatch((batch, time) -> { });
        }
        return context;
    }

    @Setup(Level.Trial)
    public void crashedRun() throws InterruptedException
    {
        checkpoint = TempDirs.create("sluice-recovery-bench-");
        final ManualClock clock = new ManualClock(0);
        final HandReceiver receiver = new HandReceiver();
        final StreamingContext context = context(clock, receiver);
        context.start();
        final ContextInternals internals = ContextInternals.Access.of(context);
        final int perBatch = records / BATCHES;
        long next = 0;
        for (int b = 1; b <= BATCHES; b++)
        {
            for (int i = 0; i < perBatch; i++)
            {
                receiver.storeLong(next++ % KEYS);
            }
            while (internals.acceptedRecords() < next)
            {
                Thread.onSpinWait();
            }
            clock.setTime(b * BATCH.toMillis());
            internals.awaitBatchesDone(b * BATCH.toMillis(), 600_000);
        }
        lastBatch = BATCHES * BATCH.toMillis();
        context.stop(false);
    }

    @TearDown(Level.Trial)
    public void removeCheckpoint()
    {
        TempDirs.delete(checkpoint);
    }

    @Benchmark
    public long recover() throws InterruptedException
    {
        final StreamingContext context = context(new ManualClock(lastBatch), new HandReceiver());
        context.start();
        final ContextInternals internals = ContextInternals.Access.of(context);
        if (!internals.awaitBatchesDone(lastBatch, 600_000))
        {
            throw new IllegalStateException("recovery did not catch up to " + lastBatch + " ms");
        }
        context.stop();
        return lastBatch;
    }
}
