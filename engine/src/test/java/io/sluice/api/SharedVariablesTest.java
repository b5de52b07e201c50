package io.sluice.api;

import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broadcast values and accumulators (Spark's shared variables), and what listeners see of accumulators. */
class SharedVariablesTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void aLargeBroadcastIsTheSameInstanceInEveryBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final long[] table = new long[4_000_000];
            table[42] = 7;
            final Broadcast<long[]> broadcast = driver.context().broadcast(table);
            final List<long[]> seen = new CopyOnWriteArrayList<>();
            final List<Long> lookedUp = new CopyOnWriteArrayList<>();
            driver.<Integer>input(List.of(List.of(42), List.of(1), List.of(42))).map(i ->
            {
                seen.add(broadcast.value());
                return broadcast.value()[i];
            }).foreachBatch((batch, time) -> lookedUp.addAll(batch.collect()));
            driver.start();
            driver.advance(3);
            assertEquals(List.of(7L, 0L, 7L), lookedUp);
            assertEquals(3, seen.size());
            for (final long[] value : seen)
            {
                assertSame(table, value);
            }
        }
    }

    @Test
    void aDestroyedBroadcastCannotBeRead()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final Broadcast<String> first = driver.context().broadcast("a");
            final Broadcast<String> second = driver.context().broadcast("b");
            assertTrue(first.id() != second.id());
            first.unpersist();
            assertEquals("a", first.value());
            first.destroy();
            first.destroy();
            assertTrue(first.isDestroyed());
            final IllegalStateException error = assertThrows(IllegalStateException.class, first::value);
            assertTrue(error.getMessage().contains("after it was destroyed"), error.getMessage());
            assertEquals("b", second.value());
        }
    }

    @Test
    void listenersSeeEachBatchsAccumulatorAdds()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final StreamingContext ssc = driver.context();
            final LongAccumulator records = ssc.longAccumulator("records");
            final DoubleAccumulator total = ssc.doubleAccumulator("total");
            final List<List<AccumulatorValue>> snapshots = new CopyOnWriteArrayList<>();
            ssc.addStreamingListener(new StreamingListener()
            {
                @Override
                public void onBatchCompleted(final BatchInfo info)
                {
                    snapshots.add(ssc.accumulators());
                }
            });
            driver.<Integer>input(List.of(List.of(1, 2), List.of(), List.of(3, 4, 5))).foreachBatch((batch, time) ->
                batch.forEach(x ->
                {
                    records.add(1);
                    total.add(x / 2.0);
                }));
            driver.start();
            // One batch at a time: advance returns once listeners have seen the batch, so each snapshot is taken
            // before the next batch adds. (Listener events are asynchronous: a listener that lags behind sees later
            // batches' adds too.)
            for (int i = 0; i < 3; i++)
            {
                driver.advance(1);
            }
            assertEquals(List.of(
                List.of(new AccumulatorValue("records", 2L, 2), new AccumulatorValue("total", 1.5, 2)),
                List.of(new AccumulatorValue("records", 2L, 2), new AccumulatorValue("total", 1.5, 2)),
                List.of(new AccumulatorValue("records", 5L, 5), new AccumulatorValue("total", 7.5, 5))), snapshots);
            assertEquals(5, records.value());
            assertEquals(1.0, records.avg());
            assertEquals(1.5, total.avg());
            records.reset();
            assertEquals(0, records.value());
            assertEquals(0, records.count());
        }
    }

    @Test
    void accumulatorsAreThreadSafe() throws Exception
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final LongAccumulator longs = driver.context().longAccumulator("longs");
            final DoubleAccumulator doubles = driver.context().doubleAccumulator("doubles");
            final int threads = 4;
            final int addsPerThread = 100_000;
            final ExecutorService pool = Executors.newFixedThreadPool(threads);
            try
            {
                final List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++)
                {
                    done.add(pool.submit(() ->
                    {
                        for (int i = 0; i < addsPerThread; i++)
                        {
                            longs.add(2);
                            doubles.add(0.5);
                        }
                    }));
                }
                for (final Future<?> f : done)
                {
                    f.get();
                }
            }
            finally
            {
                pool.shutdown();
            }
            assertEquals(2L * threads * addsPerThread, longs.value());
            assertEquals((long)threads * addsPerThread, longs.count());
            // 0.5 and every partial sum here are exact in binary floating point, so the order of adds cannot matter.
            assertEquals(0.5 * threads * addsPerThread, doubles.value());
        }
    }
}
