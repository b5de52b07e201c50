package io.sluice.peers;

import org.apache.spark.SparkConf;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Tuple2;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spark Streaming, {@code local[2]}, receiver-less: a {@link SparkBatchInput} gives one RDD (2 partitions) per batch;
 * checkpointing is on (a temporary directory), as the windowed and stateful workloads require. Throughput = timed records / the summed {@code processingDelay} of the timed batches
 * (Spark's own measure of what a batch costs; the rate at which processing time equals the interval). Every batch's
 * result is collected to the driver, as Sluice's {@code foreachBatch} iterates every pair.
 */
public final class SparkRunner implements EngineRunner
{
    /**
     * Batch interval of a throughput run. Throughput is records / summed processing delay, which does not depend on
     * the interval (batches queue when one takes longer), so a short one keeps the wall time down; the one effect:
     * Spark checkpoints windowed and stateful streams every 10 s of batch time, so fewer batches pay for a checkpoint
     * than at 1 s (in Spark's favour). A check run (tiny batches) uses {@link #CHECK_INTERVAL_MS}; a latency run the
     * run's interval.
     */
    private static final long INTERVAL_MS = 250;
    private static final long CHECK_INTERVAL_MS = 250;
    private static final AtomicInteger BATCH_INDEX = new AtomicInteger();

    /** Read by the input and the output closure: statics keep the checkpointed graph free of them. */
    static volatile Spec spec;
    static volatile Outcome outcome;

    @Override
    public void run(final Spec spec, final Outcome outcome)
    {
        final SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("peers-" + spec.workload())
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
        final JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(interval(spec)));
        ssc.sparkContext().setLogLevel("ERROR");
        ssc.checkpoint(PeerMain.tempDirectory("peers-spark-checkpoint").toString());
        final AtomicInteger completed = new AtomicInteger();
        final AtomicLong timedProcessingMs = new AtomicLong();
        ssc.ssc().addStreamingListener(new StreamingListener()
        {
            @Override
            public void onBatchCompleted(final StreamingListenerBatchCompleted event)
            {
                final int index = completed.getAndIncrement();
                if (index >= spec.warmupBatches() && index < spec.batches())
                {
                    timedProcessingMs.addAndGet((Long)event.batchInfo().processingDelay().get());
                }
            }
        });
        SparkRunner.spec = spec;
        SparkRunner.outcome = outcome;
        final JavaDStream<String> lines = JavaDStream.fromDStream(new SparkBatchInput(ssc),
            scala.reflect.ClassTag$.MODULE$.apply(String.class));
        if ("state".equals(spec.workload()))
        {
            lines.mapToPair((key) -> new Tuple2<>(key, 1L))
                .updateStateByKey(SparkRunner::runningCount)
                .foreachRDD((rdd, time) ->
                {
                    final int index = BATCH_INDEX.getAndIncrement();
                    final Spec s = SparkRunner.spec;
                    if (s.isCheck() && index == s.batches() - 1)
                    {
                        for (final Tuple2<String, Long> pair : rdd.collect())
                        {
                            SparkRunner.outcome.putFinal(pair._1(), pair._2());
                        }
                    }
                    else if (index < s.batches() || s.isLatency())
                    {
                        SparkRunner.outcome.add(index, "", rdd.count(), false);
                    }
                });
        }
        else
        {
            pipeline(spec, lines).foreachRDD((rdd, time) ->
            {
                final int index = BATCH_INDEX.getAndIncrement();
                final Spec s = SparkRunner.spec;
                final boolean isCounted = index < s.batches() || s.isLatency();
                if (isCounted && "nexmark-q5".equals(s.workload()))
                {
                    final HotItems hot = new HotItems();
                    for (final Tuple2<String, Long> pair : rdd.collect())
                    {
                        hot.add(pair._1(), pair._2());
                    }
                    hot.emit(index, SparkRunner.outcome, s.isCheck());
                }
                else if (isCounted)
                {
                    for (final Tuple2<String, Long> pair : rdd.collect())
                    {
                        SparkRunner.outcome.add(s.label(index), pair._1(), pair._2(), s.isCheck());
                    }
                }
            });
        }
        if (spec.isLatency())
        {
            // registered after the workload's output: Spark runs a batch's output jobs in order, one at a time
            lines.foreachRDD((rdd, time) ->
            {
                final long[] range = SparkBatchInput.RANGES.remove(time.milliseconds());
                if (null != range)
                {
                    SparkRunner.spec.openLoop().seen(range[0], range[1], System.nanoTime());
                }
            });
        }
        ssc.start();
        if (spec.isLatency())
        {
            while (!spec.openLoop().isStarted())
            {
                LockSupport.parkNanos(1_000_000L);
            }
            SluiceRunner.awaitSeen(spec.openLoop());
        }
        else
        {
            while (completed.get() < spec.batches())
            {
                LockSupport.parkNanos(10_000_000L);
            }
        }
        ssc.stop(true, false);
        BATCH_INDEX.set(0);
        if (spec.isLatency())
        {
            return;
        }
        final long timedRecords = (long)(spec.batches() - spec.warmupBatches()) * spec.recordsPerBatch();
        outcome.setRecordsPerSecond(timedRecords / (timedProcessingMs.get() / 1e3));
    }

    /** updateStateByKey's function: the running count. */
    private static org.apache.spark.api.java.Optional<Long> runningCount(final java.util.List<Long> values,
        final org.apache.spark.api.java.Optional<Long> state)
    {
        return org.apache.spark.api.java.Optional.of(state.orElse(0L) + values.size());
    }

    private static long interval(final Spec spec)
    {
        if (spec.isLatency())
        {
            return spec.openLoop().intervalMs();
        }
        return spec.isCheck() ? CHECK_INTERVAL_MS : INTERVAL_MS;
    }

    private static JavaPairDStream<String, Long> pipeline(final Spec spec, final JavaDStream<String> lines)
    {
        switch (spec.workload())
        {
            case "wordcount":
                return lines.flatMap((line) -> Arrays.asList(line.split(" ")).iterator())
                    .mapToPair((word) -> new Tuple2<>(word, 1L))
                    .reduceByKey(Long::sum);
            case "nexmark-q1":
                return lines.filter(Nexmark::isBid)
                    .mapToPair((bid) -> new Tuple2<>(Nexmark.q1Key(bid), Nexmark.q1Euros(bid)));
            case "nexmark-q2":
                return lines.filter(Nexmark::isQ2)
                    .mapToPair((bid) -> new Tuple2<>(Nexmark.q1Key(bid), Nexmark.q2Price(bid)));
            case "nexmark-q5":
                return lines.filter(Nexmark::isBid)
                    .mapToPair((bid) -> new Tuple2<>(Nexmark.auction(bid), 1L))
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Durations.milliseconds(interval(spec) * Spec.Q5_WINDOW_BATCHES),
                        Durations.milliseconds(interval(spec)), 2, (pair) -> pair._2() > 0);
            case "uber":
                return lines.mapToPair((row) -> new Tuple2<>(Uber.key(row), 1L)).reduceByKey(Long::sum);
            case "window":
                return lines.flatMap((line) -> Arrays.asList(line.split(" ")).iterator())
                    .mapToPair((word) -> new Tuple2<>(word, 1L))
                    .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b,
                        Durations.milliseconds(interval(spec) * Spec.WINDOW_BATCHES), Durations.milliseconds(interval(spec)),
                        2, (pair) -> pair._2() > 0);
            default:
                throw new UnsupportedOperationException("spark: workload " + spec.workload());
        }
    }

}
