package io.sluice.peers;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flink, local environment, parallelism 2. A bounded {@link DataGeneratorSource} emits record {@code i} with event
 * time = its batch index (milliseconds as batch numbers), so "per batch" becomes a 1-unit tumbling event-time window
 * and the same input yields the same per-batch output as a micro-batch engine. Results come back with
 * {@code executeAndCollect} (as Spark's and Sluice's outputs see every pair in the driver). A perf run executes the
 * job once untimed (JIT warm-up), then again timed from the source's first record to the last result.
 */
public final class FlinkRunner implements EngineRunner
{
    static volatile Spec spec;
    static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

    /** Record i: (batch, line). Reads the spec from a static: local execution shares this JVM. */
    static final class LineGenerator implements GeneratorFunction<Long, Tuple2<Long, String>>
    {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple2<Long, String> map(final Long i)
        {
            if (0 == FIRST_RECORD_NANOS.get())
            {
                FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
            }
            final Spec s = spec;
            return Tuple2.of(s.batchOf(i), s.line(i));
        }
    }

    @Override
    public void run(final Spec spec, final Outcome outcome) throws Exception
    {
        FlinkRunner.spec = spec;
        if (!spec.isCheck())
        {
            execute(spec, new Outcome());
        }
        FIRST_RECORD_NANOS.set(0);
        execute(spec, outcome);
        final long end = System.nanoTime();
        outcome.setRecordsPerSecond(spec.totalRecords() / ((end - FIRST_RECORD_NANOS.get()) / 1e9));
        outcome.setNote("continuous; timed over all " + spec.batches() + " batches after a full untimed run");
    }

    private static void execute(final Spec spec, final Outcome outcome) throws Exception
    {
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        final DataGeneratorSource<Tuple2<Long, String>> source = new DataGeneratorSource<>(new LineGenerator(),
            spec.totalRecords(), Types.TUPLE(Types.LONG, Types.STRING));
        final DataStream<Tuple2<Long, String>> lines = env.fromSource(source,
            WatermarkStrategy.<Tuple2<Long, String>>forMonotonousTimestamps()
                .withTimestampAssigner((record, ts) -> record.f0), "lines");
        try (CloseableIterator<Tuple3<Long, String, Long>> results = pipeline(spec, lines).executeAndCollect())
        {
            while (results.hasNext())
            {
                final Tuple3<Long, String, Long> r = results.next();
                outcome.add(r.f0, r.f1, r.f2, spec.isCheck());
            }
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
            default:
                throw new UnsupportedOperationException("flink: workload " + spec.workload());
        }
    }
}
