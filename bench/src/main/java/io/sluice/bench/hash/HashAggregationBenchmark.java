package io.sluice.bench.hash;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-record cost of a keyed sum ({@code reduceByKey(+)} over long keys): a batch of {@link #RECORDS}
 * pre-generated keys drawn from {@code distinctKeys} distinct values is summed into a map.
 * <p>
 * {@link #boxedHashMap()} is the naive baseline ({@code HashMap<Long, Long>} with {@code merge}); {@link
 * #fastutilAddTo()} is the primitive open-addressing map with {@code addTo}. Each invocation starts from an
 * empty map, so the score includes growth, which is what a fresh micro-batch pays.
 * <p>
 * Threading: JMH runs one thread per fork; the state is per thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HashAggregationBenchmark
{
    /** Records per invocation; the score is per record through {@link OperationsPerInvocation}. */
    public static final int RECORDS = 65_536;

    /** Fixed seed so every fork and every release sums the same key sequence. */
    private static final long SEED = 0x5EED_5105L;

    /** How many distinct keys the batch holds; drives the final map size and the cache footprint. */
    @Param({"1000", "10000"})
    public int distinctKeys;

    private long[] keys;
    private long[] values;

    /** Generates the key and value columns once per trial, outside the measurement. */
    @Setup
    public void generate()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        keys = new long[RECORDS];
        values = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++)
        {
            keys[i] = random.nextLong(distinctKeys) * 0x9E37_79B9_7F4A_7C15L;
            values[i] = random.nextInt(1_000);
        }
    }

    /**
     * Naive baseline: boxed keys and values.
     *
     * @return the map, so JMH consumes it
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Map<Long, Long> boxedHashMap()
    {
        final long[] keys = this.keys;
        final long[] values = this.values;
        final Map<Long, Long> sums = new HashMap<>();
        for (int i = 0; i < keys.length; i++)
        {
            sums.merge(keys[i], values[i], Long::sum);
        }
        return sums;
    }

    /**
     * Primitive open-addressing map: no boxing on the hot path.
     *
     * @return the map, so JMH consumes it
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Long2LongOpenHashMap fastutilAddTo()
    {
        final long[] keys = this.keys;
        final long[] values = this.values;
        final Long2LongOpenHashMap sums = new Long2LongOpenHashMap();
        for (int i = 0; i < keys.length; i++)
        {
            sums.addTo(keys[i], values[i]);
        }
        return sums;
    }
}
