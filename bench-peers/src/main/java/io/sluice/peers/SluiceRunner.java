package io.sluice.peers;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.LongLongPairDStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.Receiver;
import io.sluice.api.StreamingContext;
import io.sluice.api.StringLongPairDStream;
import io.sluice.api.TextDStream;
import io.sluice.testkit.StreamingTestDriver;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Sluice through its whole path: a receiver's {@code store()} → ring → Chronicle → segment → the operators →
 * {@code foreachBatch}. A {@code ManualClock} (the testkit) cuts one batch per {@code recordsPerBatch} records, so ingest
 * is included in the timing (Spark's receiver-less input has none). Warm-up batches run one at a time. Timed batches
 * ({@code SLUICE_TIMING}): {@code pipelined} (default) as a running engine does, the driver cuts a batch without waiting
 * for its job and stores the next batch's records while the job runs, throughput = timed records / (end of the last
 * job − first timed {@code store()}); {@code serial}: store, cut, wait for the job, batch by batch, throughput = timed
 * records / summed batch times (ingest and job never overlap: a lower bound).
 *
 * <p>Two paths: {@code fast} (the default) puts each workload on the fast-path operators where they fit — word count
 * on {@code TextDStream} (its bytes read straight from the STRING receiver's segment), the running count and q5 on
 * long keys ({@code LongLongPairDStream.updateStateByKey}, {@code reduceByKeyAndWindow} with the inverse), Uber on a
 * packed (cluster, hour) long key, the windowed word count as the word count then
 * {@code StringLongPairDStream.reduceByKeyAndWindow} with the inverse. q1 and q2 stay generic on both paths: their
 * output is a text key per bid, and {@code filter(..).mapToStringLongPair(key, value)} (encode the key to UTF-8,
 * decode it again at the output) measured slower than the boxed {@code mapToPair}. {@code generic} runs every
 * workload on the boxed API.
 */
public final class SluiceRunner implements EngineRunner
{
    private static final long INTERVAL_MS = 1000;
    /**
     * Timed batches overlap as in a running engine: the driver cuts a batch (the clock moves on without waiting for
     * its job) and stores the next batch's records while the job runs; timed from the end of the warm-up to the end
     * of the last job.
     */
    static final String PIPELINED = "pipelined";
    /** Each batch on its own: store its records, cut, wait for its job; the batches' times are summed. */
    static final String SERIAL = "serial";

    /** Records come from the driver's thread. */
    static final class PassiveReceiver<T> extends Receiver<T>
    {
        @Override
        public void onStart()
        {
            // nothing to start
        }

        @Override
        public void onStop()
        {
            // nothing to stop
        }
    }

    private final boolean isFast;

    /** @param path {@code fast} (fast-path operators where the workload has them) or {@code generic} (boxed). */
    public SluiceRunner(final String path)
    {
        if (!"fast".equals(path) && !"generic".equals(path))
        {
            throw new IllegalArgumentException("sluice path must be fast or generic, not " + path);
        }
        this.isFast = "fast".equals(path);
    }

    @Override
    public void run(final Spec spec, final Outcome outcome)
    {
        if (spec.isLatency())
        {
            runLatency(spec, outcome);
            return;
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(INTERVAL_MS)))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final DStream<String> input = driver.context().receiverStream(receiver, Codecs.STRING);
            pipeline(spec, input, outcome);
            driver.start();
            long stored = 0;
            long timedNanos = 0;
            long pipelineStart = 0;
            final String timing = timing();
            final boolean isPipelined = PIPELINED.equals(timing);
            for (int b = 0; b < spec.batches(); b++)
            {
                final long start = System.nanoTime();
                final boolean isTimed = b >= spec.warmupBatches();
                if (isPipelined && b == spec.warmupBatches())
                {
                    pipelineStart = start;
                }
                for (int r = 0; r < spec.recordsPerBatch(); r++)
                {
                    receiver.store(spec.line(stored++));
                }
                driver.awaitReceived(stored);
                if (isPipelined && isTimed)
                {
                    // cut the batch and go on storing the next one while its job runs
                    driver.clock().advance(Duration.ofMillis(INTERVAL_MS));
                }
                else
                {
                    driver.advance(1);
                    if (isTimed)
                    {
                        timedNanos += System.nanoTime() - start;
                    }
                }
            }
            if (isPipelined)
            {
                driver.advance(0);
                timedNanos = System.nanoTime() - pipelineStart;
            }
            outcome.setNote(outcome.note() + ", " + timing + " timing");
            final long timedRecords = (long)(spec.batches() - spec.warmupBatches()) * spec.recordsPerBatch();
            outcome.setRecordsPerSecond(timedRecords / (timedNanos / 1e9));
        }
    }

    /** Throughput timing: {@value #PIPELINED} (default) or {@value #SERIAL}, from {@code SLUICE_TIMING}. */
    static String timing()
    {
        final String timing = System.getenv().getOrDefault("SLUICE_TIMING", PIPELINED);
        if (!PIPELINED.equals(timing) && !SERIAL.equals(timing))
        {
            throw new IllegalArgumentException("SLUICE_TIMING must be " + PIPELINED + " or " + SERIAL + ", not " + timing);
        }
        return timing;
    }

    private void pipeline(final Spec spec, final DStream<String> input, final Outcome outcome)
    {
        if (isFast && !spec.isStateless())
        {
            fastPipeline(spec, input, outcome);
            outcome.setNote("fast path");
        }
        else
        {
            genericPipeline(spec, input, outcome);
            outcome.setNote("generic path");
        }
    }

    /**
     * A latency run: the system clock cuts batches every {@link OpenLoop#intervalMs()}; this thread stores every
     * record once it is due (in a burst when it falls behind; its intended time stays put). After the workload's own
     * output, a second output operation (output operations run in registration order) counts the batch's input
     * records, which arrived in order, and records their latency: the workload's output has seen their result.
     */
    private void runLatency(final Spec spec, final Outcome outcome)
    {
        final OpenLoop open = spec.openLoop();
        try (StreamingContext context = StreamingContext.builder().appName("peers-latency-" + spec.workload())
            .batchInterval(Duration.ofMillis(open.intervalMs()))
            .checkpointDir(PeerMain.tempDirectory("peers-sluice-checkpoint")).build())
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final DStream<String> input = context.receiverStream(receiver, Codecs.STRING);
            pipeline(spec, input, outcome);
            final long[] done = new long[1];
            TextDStream.of(input).count().foreachBatch((batch, time) ->
            {
                final long count = batch.size() > 0 ? batch.get(0) : 0;
                open.seen(done[0], done[0] + count, System.nanoTime());
                done[0] += count;
            });
            context.start();
            open.start();
            long stored = 0;
            while (stored < open.total())
            {
                final long due = open.due(System.nanoTime());
                while (stored < due)
                {
                    receiver.store(spec.line(stored++));
                }
                LockSupport.parkNanos(20_000L);
            }
            awaitSeen(open);
        }
    }

    /** Waits until every offered record's result was seen, or 60 s after the last was due. */
    static void awaitSeen(final OpenLoop open)
    {
        final long deadline = open.intended(open.total()) + 60_000_000_000L;
        while (open.seenCount() < open.total() && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(5_000_000L);
        }
    }

    private static long batchIndex(final io.sluice.api.Time time)
    {
        return time.milliseconds() / INTERVAL_MS - 1;
    }

    private static void fastPipeline(final Spec spec, final DStream<String> input, final Outcome outcome)
    {
        switch (spec.workload())
        {
            case "wordcount":
                output(spec, TextDStream.of(input).splitWords().dropEmpty().countByValue(), outcome);
                break;
            case "window":
                output(spec, TextDStream.of(input).splitWords().dropEmpty().countByValue()
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Duration.ofMillis(INTERVAL_MS * Spec.WINDOW_BATCHES), Duration.ofMillis(INTERVAL_MS),
                        (word, count) -> count > 0), outcome);
                break;
            case "nexmark-q5":
                input.filter(Nexmark::isBid).mapToLongPair(Nexmark::auctionId, (bid) -> 1L)
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Duration.ofMillis(INTERVAL_MS * Spec.Q5_WINDOW_BATCHES), Duration.ofMillis(INTERVAL_MS),
                        (auction, count) -> count > 0)
                    .foreachBatch((batch, time) ->
                    {
                        final HotItems hot = new HotItems();
                        for (int i = 0; i < batch.size(); i++)
                        {
                            if (hot.isCandidate(batch.value(i)))
                            {
                                hot.add(String.valueOf(batch.key(i)), batch.value(i));
                            }
                        }
                        hot.emit(batchIndex(time), outcome, spec.isCheck());
                    });
                break;
            case "uber":
                output(spec, input.mapToLongPair(Uber::packedKey, (row) -> 1L).reduceByKey(Long::sum), Uber::keyName,
                    outcome);
                break;
            case "state":
                input.mapToLongPair((key) -> Long.parseLong(key, 1, key.length(), 10), (key) -> 1L)
                    .updateStateByKey((key, values, state) ->
                        state.update((state.exists() ? state.get() : 0) + values.size()))
                    .foreachBatch((batch, time) ->
                    {
                        final long index = batchIndex(time);
                        if (spec.isCheck() && index == spec.batches() - 1)
                        {
                            for (int i = 0; i < batch.size(); i++)
                            {
                                outcome.putFinal("k" + batch.key(i), batch.value(i));
                            }
                        }
                        else
                        {
                            outcome.add(index, "", batch.size(), false);
                        }
                    });
                break;
            default:
                throw new UnsupportedOperationException("sluice fast path: workload " + spec.workload());
        }
    }

    private static void output(final Spec spec, final StringLongPairDStream result, final Outcome outcome)
    {
        result.foreachBatch((batch, time) ->
        {
            final long index = spec.label(batchIndex(time));
            for (int i = 0; i < batch.size(); i++)
            {
                outcome.add(index, batch.key(i), batch.value(i), spec.isCheck());
            }
        });
    }

    private static void output(final Spec spec, final LongLongPairDStream result, final LongFunction<String> keyName,
        final Outcome outcome)
    {
        result.foreachBatch((batch, time) ->
        {
            final long index = spec.label(batchIndex(time));
            for (int i = 0; i < batch.size(); i++)
            {
                outcome.add(index, keyName.apply(batch.key(i)), batch.value(i), spec.isCheck());
            }
        });
    }

    private static void genericPipeline(final Spec spec, final DStream<String> input, final Outcome outcome)
    {
        final PairDStream<String, Long> result = pipeline(spec, input);
        if ("state".equals(spec.workload()))
        {
            // Spark's updateStateByKey emits every key's state every batch: consume it as Spark's output does
            result.foreachBatch((batch, time) ->
            {
                final long index = batchIndex(time);
                if (spec.isCheck() && index == spec.batches() - 1)
                {
                    for (final Pair<String, Long> pair : batch)
                    {
                        outcome.putFinal(pair.key(), pair.value());
                    }
                }
                else
                {
                    outcome.add(index, "", batch.count(), false);
                }
            });
        }
        else if ("nexmark-q5".equals(spec.workload()))
        {
            result.foreachBatch((batch, time) ->
            {
                final HotItems hot = new HotItems();
                for (final Pair<String, Long> pair : batch)
                {
                    hot.add(pair.key(), pair.value());
                }
                hot.emit(batchIndex(time), outcome, spec.isCheck());
            });
        }
        else
        {
            result.foreachBatch((batch, time) ->
            {
                final long index = spec.label(batchIndex(time));
                for (final Pair<String, Long> pair : batch)
                {
                    outcome.add(index, pair.key(), pair.value(), spec.isCheck());
                }
            });
        }
    }

    private static PairDStream<String, Long> pipeline(final Spec spec, final DStream<String> lines)
    {
        switch (spec.workload())
        {
            case "wordcount":
                return lines.flatMap((line) -> Arrays.asList(line.split(" ")))
                    .mapToPair((word) -> Pair.of(word, 1L))
                    .reduceByKey(Long::sum);
            case "window":
                return lines.flatMap((line) -> Arrays.asList(line.split(" ")))
                    .mapToPair((word) -> Pair.of(word, 1L))
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Duration.ofMillis(INTERVAL_MS * Spec.WINDOW_BATCHES), Duration.ofMillis(INTERVAL_MS),
                        (word, count) -> count > 0);
            case "nexmark-q1":
                return lines.filter(Nexmark::isBid).mapToPair((bid) -> Pair.of(Nexmark.q1Key(bid), Nexmark.q1Euros(bid)));
            case "nexmark-q2":
                return lines.filter(Nexmark::isQ2).mapToPair((bid) -> Pair.of(Nexmark.q1Key(bid), Nexmark.q2Price(bid)));
            case "nexmark-q5":
                return lines.filter(Nexmark::isBid).mapToPair((bid) -> Pair.of(Nexmark.auction(bid), 1L))
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Duration.ofMillis(INTERVAL_MS * Spec.Q5_WINDOW_BATCHES), Duration.ofMillis(INTERVAL_MS),
                        (auction, count) -> count > 0);
            case "uber":
                return lines.mapToPair((row) -> Pair.of(Uber.key(row), 1L)).reduceByKey(Long::sum);
            case "state":
                return lines.mapToPair((key) -> Pair.of(key, 1L))
                    .updateStateByKey((List<Long> values, Optional<Long> state) ->
                        Optional.of(state.orElse(0L) + values.size()));
            default:
                throw new UnsupportedOperationException("sluice: workload " + spec.workload());
        }
    }
}
