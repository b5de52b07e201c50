package io.sluice.peers;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flink, local environment, parallelism 2. A bounded {@link DataGeneratorSource} emits record {@code i} with event
 * time = its batch index (milliseconds as batch numbers), so "per batch" becomes a 1-unit tumbling event-time window
 * and the same input yields the same per-batch output as a micro-batch engine. Results go to a
 * {@link FlinkOutcomeSink} in this JVM (as Spark's and Sluice's outputs see every pair in the driver). A perf run executes the
 * job once untimed (JIT warm-up), then again timed from the source's first record to the sink's last result.
 */
public final class FlinkRunner implements EngineRunner
{
    static volatile Spec spec;
    static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
    /** Latency runs: how often sources emit watermarks and how long network buffers may wait (Flink's defaults: 200 and 100 ms). */
    static final long WATERMARK_MS = 5;
    static final long BUFFER_TIMEOUT_MS = 5;
    /** Set after the first (untimed) run in this JVM: repeats are all timed. */
    private static boolean isWarm;

    /** Record i: (batch, line). Reads the spec from a static: local execution shares this JVM. */
    static final class LineGenerator implements GeneratorFunction<Long, Tuple2<Long, String>>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, String> map(final Long index)
        {
            final Spec s = spec;
            if (s.isLatency())
            {
                // open loop: both source subtasks take the next due record, so each emits increasing times
                final long i = s.openLoop().takeNext();
                return Tuple2.of(s.batchOf(i), s.latencyLine(i));
            }
            final long i = index;
            if (0 == FIRST_RECORD_NANOS.get())
            {
                FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
            }
            return Tuple2.of(s.batchOf(i), s.line(i));
        }
    }

    /** Labels a window's count with the batch it is the output of: the window's last unit. */
    static final class BatchOfWindow
        extends ProcessWindowFunction<Tuple2<String, Long>, Tuple3<Long, String, Long>, String, TimeWindow>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(final String key, final Context context, final Iterable<Tuple2<String, Long>> counts,
            final Collector<Tuple3<Long, String, Long>> out)
        {
            final long batch = context.window().getEnd() - 1 - Spec.EVENT_TIME_OFFSET;
            for (final Tuple2<String, Long> count : counts)
            {
                out.collect(Tuple3.of(batch, key, count.f1));
            }
        }
    }

    /**
     * q5's last step: a window's counts carry the window's last unit as timestamp, so a 1-unit tumbling all-window
     * gathers exactly one window's counts; emits its hot items.
     */
    static final class HotItemsOfWindow
        extends ProcessAllWindowFunction<Tuple3<Long, String, Long>, Tuple3<Long, String, Long>, TimeWindow>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(final Context context, final Iterable<Tuple3<Long, String, Long>> counts,
            final Collector<Tuple3<Long, String, Long>> out)
        {
            final HotItems hot = new HotItems();
            for (final Tuple3<Long, String, Long> count : counts)
            {
                hot.add(count.f1, count.f2);
            }
            final long batch = context.window().getStart() - Spec.EVENT_TIME_OFFSET;
            for (final String item : hot.items())
            {
                out.collect(Tuple3.of(batch, item, hot.max()));
            }
        }
    }

    /**
     * The running count per key in keyed state; emits (key, count, record index) on every record (the index is -1
     * unless a latency run tagged the key with it).
     */
    static final class RunningCount
        extends KeyedProcessFunction<String, Tuple2<Long, String>, Tuple3<String, Long, Long>>
    {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;

        @Override
        public void open(final OpenContext context)
        {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(final Tuple2<Long, String> record, final Context context,
            final Collector<Tuple3<String, Long, Long>> out) throws Exception
        {
            final Long previous = count.value();
            final long next = null == previous ? 1 : previous + 1;
            count.update(next);
            out.collect(Tuple3.of(context.getCurrentKey(), next, Spec.indexOf(record.f1)));
        }
    }

    @Override
    public void run(final Spec spec, final Outcome outcome) throws Exception
    {
        FlinkRunner.spec = spec;
        if (spec.isLatency())
        {
            execute(spec, outcome);
            outcome.setNote("continuous; event time = intended batch; watermarks every " + WATERMARK_MS
                + " ms, buffer timeout " + BUFFER_TIMEOUT_MS + " ms");
            return;
        }
        if (!spec.isCheck() && !isWarm)
        {
            execute(spec, new Outcome());
            isWarm = true;
        }
        FIRST_RECORD_NANOS.set(0);
        execute(spec, outcome);
        final long end = FlinkOutcomeSink.lastWriteNanos;
        outcome.setRecordsPerSecond(spec.totalRecords() / ((end - FIRST_RECORD_NANOS.get()) / 1e9));
        outcome.setNote("continuous; timed over all " + spec.batches() + " batches after a full untimed run");
    }

    private static void execute(final Spec spec, final Outcome outcome) throws Exception
    {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        if (spec.isLatency())
        {
            env.getConfig().setAutoWatermarkInterval(WATERMARK_MS);
            env.setBufferTimeout(BUFFER_TIMEOUT_MS);
        }
        final DataGeneratorSource<Tuple2<Long, String>> source = new DataGeneratorSource<>(new LineGenerator(),
            spec.totalRecords(), Types.TUPLE(Types.LONG, Types.STRING));
        final DataStream<Tuple2<Long, String>> lines = env.fromSource(source,
            WatermarkStrategy.<Tuple2<Long, String>>forMonotonousTimestamps()
                .withTimestampAssigner((record, ts) -> record.f0 + Spec.EVENT_TIME_OFFSET), "lines");
        FlinkOutcomeSink.outcome = outcome;
        if ("state".equals(spec.workload()))
        {
            FlinkOutcomeSink.consumer = (o, r) ->
            {
                @SuppressWarnings("unchecked")
                final Tuple3<String, Long, Long> t = (Tuple3<String, Long, Long>)r;
                o.putFinal(t.f0, t.f1);
                if (t.f2 >= 0)
                {
                    spec.openLoop().seen(t.f2, t.f2 + 1, System.nanoTime());
                }
            };
            lines.keyBy((t) -> Spec.keyOf(t.f1)).process(new RunningCount())
                .returns(Types.TUPLE(Types.STRING, Types.LONG, Types.LONG))
                .sinkTo(new FlinkOutcomeSink<>());
        }
        else
        {
            final boolean isCheck = spec.isCheck();
            final long batches = spec.batches();
            FlinkOutcomeSink.consumer = (o, r) ->
            {
                @SuppressWarnings("unchecked")
                final Tuple3<Long, String, Long> t = (Tuple3<Long, String, Long>)r;
                if (t.f0 < batches)
                {
                    o.add(spec.label(t.f0), t.f1, t.f2, isCheck);
                    if (spec.isLatency())
                    {
                        seen(spec, t.f0, t.f1);
                    }
                }
            };
            pipeline(spec, lines).sinkTo(new FlinkOutcomeSink<>());
        }
        env.execute("peers-" + spec.workload());
    }

    /**
     * Latency runs, at the sink: q1 and q2 output one result per bid (its event index is in the key's dateTime);
     * the other workloads output windows, whose first result seen stands for every record due in that interval.
     */
    static void seen(final Spec spec, final long batch, final String key)
    {
        final long now = System.nanoTime();
        if (spec.isStateless())
        {
            final long i = Nexmark.eventIndex(key);
            spec.openLoop().seen(i, i + 1, now);
        }
        else
        {
            spec.openLoop().seenBatch(batch, spec.recordsPerBatch(), now);
        }
    }

    private static DataStream<Tuple3<Long, String, Long>> pipeline(final Spec spec,
        final DataStream<Tuple2<Long, String>> lines)
    {
        switch (spec.workload())
        {
            case "wordcount":
                return lines
                    .flatMap((Tuple2<Long, String> line, Collector<Tuple3<Long, String, Long>> out) ->
                    {
                        for (final String word : line.f1.split(" "))
                        {
                            out.collect(Tuple3.of(line.f0, word, 1L));
                        }
                    })
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG))
                    .keyBy((t) -> t.f1)
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(1)))
                    .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2));
            case "nexmark-q1":
                return lines.filter((Tuple2<Long, String> e) -> Nexmark.isBid(e.f1))
                    .map((Tuple2<Long, String> bid) -> Tuple3.of(bid.f0, Nexmark.q1Key(bid.f1), Nexmark.q1Euros(bid.f1)))
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
            case "nexmark-q2":
                return lines.filter((Tuple2<Long, String> e) -> Nexmark.isQ2(e.f1))
                    .map((Tuple2<Long, String> bid) -> Tuple3.of(bid.f0, Nexmark.q1Key(bid.f1), Nexmark.q2Price(bid.f1)))
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
            case "nexmark-q5":
                return lines.filter((Tuple2<Long, String> e) -> Nexmark.isBid(e.f1))
                    .map((Tuple2<Long, String> bid) -> Tuple2.of(Nexmark.auction(bid.f1), 1L))
                    .returns(Types.TUPLE(Types.STRING, Types.LONG))
                    .keyBy((t) -> t.f0)
                    .window(SlidingEventTimeWindows.of(Duration.ofMillis(Spec.Q5_WINDOW_BATCHES), Duration.ofMillis(1)))
                    .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1), new BatchOfWindow())
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG))
                    .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(1)))
                    .process(new HotItemsOfWindow())
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
            case "uber":
                return lines
                    .map((Tuple2<Long, String> row) -> Tuple3.of(row.f0, Uber.key(row.f1), 1L))
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG))
                    .keyBy((t) -> t.f1)
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(1)))
                    .reduce((a, b) -> Tuple3.of(a.f0, a.f1, a.f2 + b.f2));
            case "window":
                return lines
                    .flatMap((Tuple2<Long, String> line, Collector<Tuple2<String, Long>> out) ->
                    {
                        for (final String word : line.f1.split(" "))
                        {
                            out.collect(Tuple2.of(word, 1L));
                        }
                    })
                    .returns(Types.TUPLE(Types.STRING, Types.LONG))
                    .keyBy((t) -> t.f0)
                    .window(SlidingEventTimeWindows.of(Duration.ofMillis(Spec.WINDOW_BATCHES), Duration.ofMillis(1)))
                    .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1), new BatchOfWindow())
                    .returns(Types.TUPLE(Types.LONG, Types.STRING, Types.LONG));
            default:
                throw new UnsupportedOperationException("flink: workload " + spec.workload());
        }
    }
}
