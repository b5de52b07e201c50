package io.sluice.peers;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Spark Streaming, {@code local[2]}, receiver-less: a {@code queueStream} with one pre-built RDD (2 partitions) per
 * batch, {@code oneAtATime}. Throughput = timed records / the summed {@code processingDelay} of the timed batches
 * (Spark's own measure of what a batch costs; the rate at which processing time equals the interval). Every batch's
 * result is collected to the driver, as Sluice's {@code foreachBatch} iterates every pair.
 */
public final class SparkRunner implements EngineRunner
{
    private static final long INTERVAL_MS = 1000;

    @Override
    public void run(final Spec spec, final Outcome outcome)
    {
        final SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("peers-" + spec.workload())
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
        final JavaStreamingContext ssc = new JavaStreamingContext(conf, Durations.milliseconds(INTERVAL_MS));
        ssc.sparkContext().setLogLevel("ERROR");
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
        final Queue<JavaRDD<String>> queue = new LinkedList<>();
        long record = 0;
        for (int b = 0; b < spec.batches(); b++)
        {
            final List<String> batch = new ArrayList<>(spec.recordsPerBatch());
            for (int r = 0; r < spec.recordsPerBatch(); r++)
            {
                batch.add(spec.line(record++));
            }
            queue.add(ssc.sparkContext().parallelize(batch, 2));
        }
        final JavaDStream<String> lines = ssc.queueStream(queue, true);
        final AtomicInteger batchIndex = new AtomicInteger();
        pipeline(spec, lines).foreachRDD((rdd, time) ->
        {
            final int index = batchIndex.getAndIncrement();
            if (index < spec.batches())
            {
                for (final Tuple2<String, Long> pair : rdd.collect())
                {
                    outcome.add(index, pair._1(), pair._2(), spec.isCheck());
                }
            }
        });
        ssc.start();
        while (completed.get() < spec.batches())
        {
            LockSupport.parkNanos(10_000_000L);
        }
        ssc.stop(true, false);
        final long timedRecords = (long)(spec.batches() - spec.warmupBatches()) * spec.recordsPerBatch();
        outcome.setRecordsPerSecond(timedRecords / (timedProcessingMs.get() / 1e3));
    }

    private static JavaPairDStream<String, Long> pipeline(final Spec spec, final JavaDStream<String> lines)
    {
        switch (spec.workload())
        {
            case "wordcount":
                return lines.flatMap((line) -> Arrays.asList(line.split(" ")).iterator())
                    .mapToPair((word) -> new Tuple2<>(word, 1L))
                    .reduceByKey(Long::sum);
            default:
                throw new UnsupportedOperationException("spark: workload " + spec.workload());
        }
    }

}
