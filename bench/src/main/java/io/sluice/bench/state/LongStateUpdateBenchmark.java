package io.sluice.bench.state;

import io.sluice.api.LongMappingFunction;
import io.sluice.api.LongUpdateFunction;
import io.sluice.bench.BenchmarkBase;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.state.LongLongMapWithStateOperator;
import io.sluice.internal.state.LongLongUpdateStateOperator;
import org.agrona.UnsafeApi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.HashMap;

/**
 * The fast path's keyed state on long keys, one invocation = one batch of {@link #RECORDS} records over
 * {@code keys} keys (all already in the state: steady state), scores per record; issue 4 asks under 1 byte per
 * record allocated.
 *
 * <ul>
 *   <li>{@code updateStateByKey}: {@link LongLongUpdateStateOperator}, running count per key; emits the whole state
 *       every batch (Spark's rule), so its cost per record includes keys / RECORDS state rows.</li>
 *   <li>{@code mapWithState}: {@link LongLongMapWithStateOperator} with a timeout, sweeping every 10th batch.</li>
 *   <li>{@code boxedBaseline}: a hand-written boxed {@link HashMap} running count per record (mapWithState's work
 *       without timeouts).</li>
 * </ul>
 */
@State(Scope.Thread)
public class LongStateUpdateBenchmark extends BenchmarkBase
{
    static final int RECORDS = 10_000;
    static final long BATCH_MS = 10;

    @Param({"1000", "100000"})
    int keys;

    private LongVector inKeys;
    private LongVector inValues;
    private LongVector outKeys;
    private LongVector outValues;
    private LongVector mapped;
    private LongLongUpdateStateOperator update;
    private LongLongMapWithStateOperator mapWithState;
    private long batch;
    private HashMap<Long, Long> boxedState;
    private long keyCursor;

    @Setup(Level.Trial)
    public void setUp()
    {
        inKeys = new LongVector(RECORDS);
        inValues = new LongVector(RECORDS);
        for (int i = 0; i < RECORDS; i++)
        {
            inKeys.add(0);
            inValues.add(1);
        }
        outKeys = new LongVector(keys);
        outValues = new LongVector(keys);
        mapped = new LongVector(RECORDS);
        final LongUpdateFunction count = (key, values, state) ->
            state.update((state.exists() ? state.get() : 0) + values.size());
        update = new LongLongUpdateStateOperator(count);
        final LongMappingFunction running = (key, hasValue, value, state) ->
        {
            if (hasValue)
            {
                state.update((state.exists() ? state.get() : 0) + value);
            }
            return key;
        };
        mapWithState = new LongLongMapWithStateOperator(running, 1000 * BATCH_MS, 0, BATCH_MS);
        boxedState = new HashMap<>();
        for (int b = 0; b < 2L * keys / RECORDS + 20; b++)
        {
            updateStateByKey();
            mapWithState();
            boxedBaseline();
        }
    }

    /** The next batch's keys: a sliding run over the key space, so every key recurs. */
    private void nextKeys()
    {
        final long address = inKeys.address();
        for (int i = 0; i < RECORDS; i++)
        {
            UnsafeApi.putLong(address + ((long)i << 3), keyCursor++ % keys);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        update.close();
        mapWithState.close();
        inKeys.close();
        inValues.close();
        outKeys.close();
        outValues.close();
        mapped.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int updateStateByKey()
    {
        nextKeys();
        outKeys.clear();
        outValues.clear();
        return update.update(inKeys.address(), inValues.address(), 0, RECORDS, outKeys, outValues);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int mapWithState()
    {
        nextKeys();
        mapped.clear();
        final long time = ++batch * BATCH_MS;
        return mapWithState.update(time, inKeys.address(), inValues.address(), 0, RECORDS, batch % 10 == 0, mapped);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long boxedBaseline()
    {
        long checksum = 0;
        for (int i = 0; i < RECORDS; i++)
        {
            checksum += boxedState.merge(keyCursor++ % keys, 1L, Long::sum);
        }
        return checksum;
    }
}
