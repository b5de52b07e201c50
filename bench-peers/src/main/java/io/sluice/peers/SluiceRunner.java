package io.sluice.peers;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.Receiver;
import io.sluice.testkit.StreamingTestDriver;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sluice through its whole path: a receiver's {@code store()} → ring → Chronicle → segment → the generic (boxed)
 * operators → {@code foreachBatch}. A {@code ManualClock} (the testkit) cuts one batch per {@code recordsPerBatch}
 * records; the time of a batch is from its first {@code store()} to the end of its job, so ingest is included
 * (Spark's queueStream has none). Throughput = timed records / summed batch time.
 */
public final class SluiceRunner implements EngineRunner
{
    private static final long INTERVAL_MS = 1000;

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

    @Override
    public void run(final Spec spec, final Outcome outcome)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(INTERVAL_MS)))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            final DStream<String> input = driver.context().receiverStream(receiver, Codecs.STRING);
            final PairDStream<String, Long> result = pipeline(spec, input);
            if ("state".equals(spec.workload()))
            {
                // Spark's updateStateByKey emits every key's state every batch: consume it as Spark's output does
                result.foreachBatch((batch, time) ->
                {
                    final long index = time.milliseconds() / INTERVAL_MS - 1;
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
            else
            {
                result.foreachBatch((batch, time) ->
                {
                    final long index = spec.label(time.milliseconds() / INTERVAL_MS - 1);
                    for (final Pair<String, Long> pair : batch)
                    {
                        outcome.add(index, pair.key(), pair.value(), spec.isCheck());
                    }
                });
            }
            driver.start();
            long stored = 0;
            long timedNanos = 0;
            for (int b = 0; b < spec.batches(); b++)
            {
                final long start = System.nanoTime();
                for (int r = 0; r < spec.recordsPerBatch(); r++)
                {
                    receiver.store(spec.line(stored++));
                }
                driver.awaitReceived(stored);
                driver.advance(1);
                if (b >= spec.warmupBatches())
                {
                    timedNanos += System.nanoTime() - start;
                }
            }
            final long timedRecords = (long)(spec.batches() - spec.warmupBatches()) * spec.recordsPerBatch();
            outcome.setRecordsPerSecond(timedRecords / (timedNanos / 1e9));
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
