package io.sluice.bench.window;

import io.sluice.bench.BenchmarkBase;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.window.LongLongReducedWindowOperator;
import io.sluice.internal.window.LongLongWindowedReduceOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * The fast path's {@code reduceByKeyAndWindow} on long keys, one invocation = one slide (slide = one batch of
 * {@link #RECORDS} records over {@link #KEYS} keys), scores per record; time per slide = RECORDS / score.
 * {@code windowPerSlide} is window / slide (10, 100, 1000): with an inverse the time per slide must not depend on
 * it (issue 4: less than 1.5x apart), and steady state must allocate under 1 byte per record.
 *
 * <ul>
 *   <li>{@code inverse}: {@link LongLongReducedWindowOperator} (subtract the leaving pane, add the entering one).</li>
 *   <li>{@code combine}: {@link LongLongWindowedReduceOperator} (no inverse: two stacks of pane aggregates, a
 *       suffix aggregate plus the panes since the last flip; never re-reduces raw records).</li>
 *   <li>{@code boxedBaseline}: the same incremental algorithm hand-written on boxed {@link HashMap}s, one map per
 *       batch in an {@link ArrayDeque}.</li>
 * </ul>
 * The window is full before measuring (the setup runs two windows of slides).
 */
@State(Scope.Thread)
public class LongWindowSlideBenchmark extends BenchmarkBase
{
    static final int RECORDS = 10_000;
    static final int KEYS = 1_000;
    static final long BATCH_MS = 10;

    @Param({"10", "100", "1000"})
    int windowPerSlide;

    private LongVector keys;
    private LongVector values;
    private LongVector outKeys;
    private LongVector outValues;
    private LongLongReducedWindowOperator inverse;
    private LongLongWindowedReduceOperator combine;
    private long inverseBatch;
    private long combineBatch;
    private long[] boxedKeys;
    private long[] boxedValues;
    private HashMap<Long, Long> boxedWindow;
    private ArrayDeque<HashMap<Long, Long>> boxedPanes;

    @Setup(Level.Trial)
    public void setUp()
    {
        keys = new LongVector(RECORDS);
        values = new LongVector(RECORDS);
        boxedKeys = new long[RECORDS];
        boxedValues = new long[RECORDS];
        for (int i = 0; i < RECORDS; i++)
        {
            keys.add((i * 7919L) % KEYS);
            values.add(1 + (i & 7));
            boxedKeys[i] = keys.get(i);
            boxedValues[i] = values.get(i);
        }
        outKeys = new LongVector(KEYS);
        outValues = new LongVector(KEYS);
        final long windowMs = windowPerSlide * BATCH_MS;
        inverse = new LongLongReducedWindowOperator(Long::sum, (a, b) -> a - b, null, windowMs, BATCH_MS, BATCH_MS);
        combine = new LongLongWindowedReduceOperator(Long::sum, windowMs, BATCH_MS, BATCH_MS);
        boxedWindow = new HashMap<>();
        boxedPanes = new ArrayDeque<>();
        for (int i = 0; i < 2 * windowPerSlide; i++)
        {
            inverse();
            boxedBaseline();
            combine();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        inverse.close();
        combine.close();
        keys.close();
        values.close();
        outKeys.close();
        outValues.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int inverse()
    {
        final long offset = ++inverseBatch * BATCH_MS;
        inverse.add(offset, keys.address(), values.address(), 0, RECORDS);
        outKeys.clear();
        outValues.clear();
        return inverse.slide(offset, outKeys, outValues);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int combine()
    {
        final long offset = ++combineBatch * BATCH_MS;
        combine.add(offset, keys.address(), values.address(), 0, RECORDS);
        outKeys.clear();
        outValues.clear();
        return combine.slide(offset, outKeys, outValues);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int boxedBaseline()
    {
        final HashMap<Long, Long> entering = new HashMap<>();
        fill(entering);
        entering.forEach((k, v) -> boxedWindow.merge(k, v, Long::sum));
        boxedPanes.addLast(entering);
        if (boxedPanes.size() > windowPerSlide)
        {
            boxedPanes.pollFirst().forEach((k, v) -> boxedWindow.merge(k, v, (x, y) -> x - y));
        }
        long checksum = 0;
        for (final long value : boxedWindow.values())
        {
            checksum += value;
        }
        return (int)checksum;
    }

    private void fill(final HashMap<Long, Long> pane)
    {
        for (int i = 0; i < RECORDS; i++)
        {
            pane.merge(boxedKeys[i], boxedValues[i], Long::sum);
        }
    }
}
