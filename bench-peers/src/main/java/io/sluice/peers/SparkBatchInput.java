package io.sluice.peers;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.Option;
import scala.reflect.ClassTag$;

import java.util.ArrayList;
import java.util.List;

/**
 * A receiver-less Spark input (queueStream cannot be checkpointed, and the windowed and stateful workloads need
 * checkpointing): batch {@code k} is an RDD of 2 partitions holding records {@code [k·n, (k+1)·n)} of the run,
 * built on the driver when Spark computes that batch; after the last batch, empty RDDs. The spec is read from a
 * static ({@link SparkRunner#spec}) so the checkpointed graph stays small.
 */
public final class SparkBatchInput extends InputDStream<String>
{
    private static final long serialVersionUID = 1L;

    /** Latency runs: batch time (ms) → the [from, to) record range its RDD holds. */
    static final java.util.Map<Long, long[]> RANGES = new java.util.concurrent.ConcurrentHashMap<>();

    private int next;
    private long taken;

    public SparkBatchInput(final JavaStreamingContext ssc)
    {
        super(ssc.ssc(), ClassTag$.MODULE$.apply(String.class));
    }

    @Override
    public void start()
    {
        // nothing to start: batches are built on demand
    }

    @Override
    public void stop()
    {
        // nothing to stop
    }

    @Override
    public Option<RDD<String>> compute(final Time validTime)
    {
        final Spec spec = SparkRunner.spec;
        final JavaSparkContext sc = JavaSparkContext.fromSparkContext(context().sparkContext());
        final int batch = next++;
        final List<String> records = new ArrayList<>();
        if (spec.isLatency())
        {
            // the records due by now, in order; the range is remembered for the latency output of this batch (the
            // schedule starts at the first batch, so Spark's start-up is not counted as latency)
            spec.openLoop().start();
            final long to = spec.openLoop().due(System.nanoTime());
            RANGES.put(validTime.milliseconds(), new long[] {taken, to});
            for (long i = taken; i < to; i++)
            {
                records.add(spec.line(i));
            }
            taken = to;
        }
        else if (batch < spec.batches())
        {
            long i = (long)batch * spec.recordsPerBatch();
            for (int r = 0; r < spec.recordsPerBatch(); r++)
            {
                records.add(spec.line(i++));
            }
        }
        return Option.apply(sc.parallelize(records, 2).rdd());
    }
}
