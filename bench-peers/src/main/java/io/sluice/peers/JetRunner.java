package io.sluice.peers;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.Traversers;
import com.hazelcast.jet.aggregate.AggregateOperation;
import com.hazelcast.jet.aggregate.AggregateOperations;
import com.hazelcast.jet.datamodel.KeyedWindowResult;
import com.hazelcast.jet.datamodel.WindowResult;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import com.hazelcast.jet.pipeline.SinkBuilder;
import com.hazelcast.jet.pipeline.SourceBuilder;
import com.hazelcast.jet.pipeline.StreamSource;
import com.hazelcast.jet.pipeline.StreamStage;
import com.hazelcast.jet.pipeline.WindowDefinition;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hazelcast Jet (Hazelcast 5.7, embedded member, Jet enabled, default cooperative threads = cores). A distributed
 * (2 instances) timestamped source emits record {@code i} with timestamp = its batch index, then a sentinel two
 * batches later so the last window closes; "per batch" is a 1-unit tumbling window. A custom sink feeds the
 * {@link Outcome}; the run ends when the outcome holds every expected count. A perf run executes once untimed
 * (JIT warm-up), then again timed from the first record to the last result.
 */
public final class JetRunner implements EngineRunner
{
    static volatile Spec spec;
    static volatile Outcome outcome;
    static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();
    private static final String SENTINEL = "";
    /** Set after the first (untimed) run in this JVM: repeats are all timed. */
    private static boolean isWarm;

    @Override
    public void run(final Spec spec, final Outcome outcome) throws Exception
    {
        JetRunner.spec = spec;
        final Config config = new Config();
        config.setClusterName("sluice-peers-" + ProcessHandle.current().pid());
        config.getJetConfig().setEnabled(true);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        final HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        try
        {
            if (spec.isLatency())
            {
                execute(hz, spec, outcome);
                outcome.setNote("continuous; event time = intended batch");
                return;
            }
            if (!spec.isCheck() && !isWarm)
            {
                execute(hz, spec, new Outcome());
                isWarm = true;
            }
            FIRST_RECORD_NANOS.set(0);
            execute(hz, spec, outcome);
            final long end = System.nanoTime();
            outcome.setRecordsPerSecond(spec.totalRecords() / ((end - FIRST_RECORD_NANOS.get()) / 1e9));
            outcome.setNote("continuous; timed over all " + spec.batches() + " batches after a full untimed run");
        }
        finally
        {
            hz.shutdown();
        }
    }

    private static void execute(final HazelcastInstance hz, final Spec spec, final Outcome outcome)
    {
        JetRunner.outcome = outcome;
        final Pipeline p = Pipeline.create();
        final StreamSource<String> source = SourceBuilder.timestampedStream("lines",
                (ctx) -> new long[] {ctx.globalProcessorIndex(), ctx.totalParallelism(), 0})
            .<String>fillBufferFn((state, buf) ->
            {
                if (0 == FIRST_RECORD_NANOS.get())
                {
                    FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
                }
                final Spec s = JetRunner.spec;
                final long total = s.totalRecords();
                if (s.isLatency())
                {
                    // open loop: both source instances take the next due record, so each emits increasing times
                    for (long i = s.openLoop().pollDue(); i >= 0; i = s.openLoop().pollDue())
                    {
                        buf.add(s.latencyLine(i), s.batchOf(i) + Spec.EVENT_TIME_OFFSET);
                    }
                    if (s.openLoop().isExhausted() && 0 == state[2])
                    {
                        buf.add(SENTINEL, s.batches() + 3L + Spec.EVENT_TIME_OFFSET);
                        state[2] = 1;
                    }
                    return;
                }
                for (int k = 0; k < 1024 && state[0] < total; k++)
                {
                    buf.add(s.line(state[0]), s.batchOf(state[0]) + Spec.EVENT_TIME_OFFSET);
                    state[0] += state[1];
                }
                if (state[0] >= total && 0 == state[2])
                {
                    buf.add(SENTINEL, s.batches() + 3L + Spec.EVENT_TIME_OFFSET);
                    state[2] = 1;
                }
            })
            .distributed(2)
            .build();
        final StreamStage<String> lines = p.readFrom(source).withNativeTimestamps(0);
        if (spec.isStateless())
        {
            final boolean isQ1 = "nexmark-q1".equals(spec.workload());
            lines.filter((e) -> isQ1 ? Nexmark.isBid(e) : Nexmark.isQ2(e))
                .writeTo(SinkBuilder.sinkBuilder("nexmark", (ctx) -> JetRunner.outcome)
                    .<String>receiveFn((o, bid) ->
                    {
                        final String key = Nexmark.q1Key(bid);
                        o.add(0, key, isQ1 ? Nexmark.q1Euros(bid) : Nexmark.q2Price(bid), JetRunner.spec.isCheck());
                        if (JetRunner.spec.isLatency())
                        {
                            FlinkRunner.seen(JetRunner.spec, 0, key);
                        }
                    })
                    .build());
        }
        else if ("state".equals(spec.workload()))
        {
            lines.filter((key) -> !key.isEmpty())
                .groupingKey(Spec::keyOf)
                .mapStateful(() -> new long[1], (count, key, record) ->
                {
                    count[0]++;
                    return com.hazelcast.jet.datamodel.Tuple3.tuple3(key, count[0], Spec.indexOf(record));
                })
                .writeTo(SinkBuilder.sinkBuilder("state", (ctx) -> JetRunner.outcome)
                    .<com.hazelcast.jet.datamodel.Tuple3<String, Long, Long>>receiveFn((o, t) ->
                    {
                        o.putFinal(t.f0(), t.f1());
                        if (t.f2() >= 0)
                        {
                            JetRunner.spec.openLoop().seen(t.f2(), t.f2() + 1, System.nanoTime());
                        }
                    })
                    .build());
        }
        else if ("nexmark-q5".equals(spec.workload()))
        {
            // q5's last step: window results carry the window's last unit (end - 1) as timestamp, so a 1-unit tumbling window
            // gathers exactly one window's counts; its aggregate is that window's hot items
            pipeline(spec, lines)
                .window(WindowDefinition.tumbling(1))
                .aggregate(AggregateOperation
                    .withCreate(HotItems::new)
                    .<KeyedWindowResult<String, Long>>andAccumulate((hot, r) -> hot.add(r.key(), r.result()))
                    .andCombine(HotItems::combine)
                    .andExportFinish((hot) -> hot))
                .writeTo(SinkBuilder.sinkBuilder("hot", (ctx) -> JetRunner.outcome)
                    .<WindowResult<HotItems>>receiveFn((o, r) ->
                    {
                        final long batch = r.end() - 1 - Spec.EVENT_TIME_OFFSET;
                        if (batch < JetRunner.spec.batches())
                        {
                            r.result().emit(batch, o, JetRunner.spec.isCheck());
                            if (JetRunner.spec.isLatency())
                            {
                                FlinkRunner.seen(JetRunner.spec, batch, "");
                            }
                        }
                    })
                    .build());
        }
        else
        {
            pipeline(spec, lines).writeTo(sink());
        }
        final Job job = hz.getJet().newJob(p);
        final long expectedOutputs = spec.isStateless() ? spec.expectedOutputCount() : 0;
        while (spec.isStateless() ? outcome.outputCount() < expectedOutputs : !spec.isComplete(outcome))
        {
            LockSupport.parkNanos(1_000_000L);
        }
        job.cancel();
    }

    private static StreamStage<KeyedWindowResult<String, Long>> pipeline(final Spec spec,
        final StreamStage<String> lines)
    {
        switch (spec.workload())
        {
            case "wordcount":
                return lines.flatMap((line) -> Traversers.traverseArray(line.split(" ")))
                    .filter((word) -> !word.isEmpty())
                    .window(WindowDefinition.tumbling(1))
                    .groupingKey((word) -> word)
                    .aggregate(AggregateOperations.counting());
            case "nexmark-q5":
                return lines.filter(Nexmark::isBid)
                    .map(Nexmark::auction)
                    .window(WindowDefinition.sliding(Spec.Q5_WINDOW_BATCHES, 1))
                    .groupingKey((auction) -> auction)
                    .aggregate(AggregateOperations.counting());
            case "uber":
                return lines.filter((row) -> !row.isEmpty())
                    .map(Uber::key)
                    .window(WindowDefinition.tumbling(1))
                    .groupingKey((key) -> key)
                    .aggregate(AggregateOperations.counting());
            case "window":
                return lines.flatMap((line) -> Traversers.traverseArray(line.split(" ")))
                    .filter((word) -> !word.isEmpty())
                    .window(WindowDefinition.sliding(Spec.WINDOW_BATCHES, 1))
                    .groupingKey((word) -> word)
                    .aggregate(AggregateOperations.counting());
            default:
                throw new UnsupportedOperationException("jet: workload " + spec.workload());
        }
    }

    private static Sink<KeyedWindowResult<String, Long>> sink()
    {
        return SinkBuilder.sinkBuilder("outcome", (ctx) -> JetRunner.outcome)
            .<KeyedWindowResult<String, Long>>receiveFn((o, r) ->
            {
                final long batch = r.end() - 1 - Spec.EVENT_TIME_OFFSET;
                if (batch < JetRunner.spec.batches())
                {
                    o.add(batch, r.key(), r.result(), JetRunner.spec.isCheck());
                    if (JetRunner.spec.isLatency())
                    {
                        FlinkRunner.seen(JetRunner.spec, batch, "");
                    }
                }
            })
            .build();
    }
}
