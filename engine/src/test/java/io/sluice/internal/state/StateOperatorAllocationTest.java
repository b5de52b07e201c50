package io.sluice.internal.state;

import com.sun.management.ThreadMXBean;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Steady state of each fast state operator allocates less than one byte per record: a count of the bytes
 * this thread allocates over many batches once the key set is stable (JMH's {@code -prof gc} on the
 * {@code LongStateUpdateBenchmark} measures the same thing). Off-heap memory is back to
 * where it started when the operators close.
 */
class StateOperatorAllocationTest
{
    private static final int KEYS = 1024;
    private static final int RECORDS_PER_BATCH = 4096;
    private static final int WARM_UP_BATCHES = 2_000;
    private static final int MEASURED_BATCHES = 2_000;
    private static final long BATCH_MS = 10;

    private final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
    private long liveBytesBefore;
    private LongVector keys;
    private LongVector values;
    private LongVector outKeys;
    private LongVector outValues;

    @BeforeEach
    void setUp()
    {
        liveBytesBefore = OffHeapAllocator.liveBytes();
        keys = new LongVector(RECORDS_PER_BATCH);
        values = new LongVector(RECORDS_PER_BATCH);
        for (int i = 0; i < RECORDS_PER_BATCH; i++)
        {
            keys.add((i * 7919L) % KEYS);
            values.add(1 + (i & 7));
        }
        outKeys = new LongVector(KEYS);
        outValues = new LongVector(KEYS);
    }

    @AfterEach
    void noLeak()
    {
        keys.close();
        values.close();
        outKeys.close();
        outValues.close();
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "off-heap bytes back to where the test started");
    }

    private interface BatchStep
    {
        void run(long batch);
    }

    private void assertBelowOneBytePerRecord(final String what, final BatchStep step)
    {
        for (long b = 1; b <= WARM_UP_BATCHES; b++)
        {
            step.run(b);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (long b = WARM_UP_BATCHES + 1; b <= WARM_UP_BATCHES + MEASURED_BATCHES; b++)
        {
            step.run(b);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long records = (long)MEASURED_BATCHES * RECORDS_PER_BATCH;
        assertTrue(allocated < records, what + " allocated " + allocated + " bytes for " + records + " records");
    }

    @Test
    void updateStateByKey()
    {
        try (LongLongUpdateStateOperator op = new LongLongUpdateStateOperator((key, newValues, state) ->
            state.update((state.exists() ? state.get() : 0) + newValues.sum())))
        {
            assertBelowOneBytePerRecord("updateStateByKey", b ->
            {
                outKeys.clear();
                outValues.clear();
                op.update(keys.address(), values.address(), 0, RECORDS_PER_BATCH, outKeys, outValues);
            });
        }
    }

    @Test
    void mapWithStateWithTimeoutSweeps()
    {
        try (LongLongMapWithStateOperator op = new LongLongMapWithStateOperator((key, hasValue, value, state) ->
        {
            if (hasValue)
            {
                state.update((state.exists() ? state.get() : 0) + value);
            }
            return key;
        }, 5 * BATCH_MS, 0, BATCH_MS); LongVector mapped = new LongVector(RECORDS_PER_BATCH))
        {
            assertBelowOneBytePerRecord("mapWithState", b ->
            {
                mapped.clear();
                op.update(b * BATCH_MS, keys.address(), values.address(), 0, RECORDS_PER_BATCH, b % 10 == 0, mapped);
            });
        }
    }
}
