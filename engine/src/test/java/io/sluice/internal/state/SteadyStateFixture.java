package io.sluice.internal.state;

import com.sun.management.ThreadMXBean;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test fixture for the window and state operators' steady-state allocation tests: one batch of
 * {@link #RECORDS_PER_BATCH} long pairs over {@link #KEYS} keys, output columns, a count of the bytes this thread
 * allocates over many batches once warmed up, and the off-heap leak check on {@link #close()}.
 */
public final class SteadyStateFixture implements AutoCloseable
{
    public static final int KEYS = 1024;
    public static final int RECORDS_PER_BATCH = 4096;
    public static final long BATCH_MS = 10;
    private static final int WARM_UP_BATCHES = 2_000;
    private static final int MEASURED_BATCHES = 2_000;

    private final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final long liveBytesBefore = OffHeapAllocator.liveBytes();
    public final LongVector keys = new LongVector(RECORDS_PER_BATCH);
    public final LongVector values = new LongVector(RECORDS_PER_BATCH);
    public final LongVector outKeys = new LongVector(KEYS);
    public final LongVector outValues = new LongVector(KEYS);

    public SteadyStateFixture()
    {
        for (int i = 0; i < RECORDS_PER_BATCH; i++)
        {
            keys.add((i * 7919L) % KEYS);
            values.add(1 + (i & 7));
        }
    }

    /** Runs {@code step} for batches 1, 2, ... and asserts the measured ones allocated under 1 byte per record. */
    public void assertBelowOneBytePerRecord(final String what, final LongConsumer step)
    {
        for (long b = 1; b <= WARM_UP_BATCHES; b++)
        {
            step.accept(b);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (long b = WARM_UP_BATCHES + 1; b <= WARM_UP_BATCHES + MEASURED_BATCHES; b++)
        {
            step.accept(b);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        final long records = (long)MEASURED_BATCHES * RECORDS_PER_BATCH;
        assertTrue(allocated < records, what + " allocated " + allocated + " bytes for " + records + " records");
    }

    /** Frees the columns; the operators under test must be closed first. Asserts off-heap is back to the start. */
    /**
     * Asserts that the first {@code n} rows of {@code stateKeys} and {@link #outValues} hold exactly {@code model}
     * (each key once) after batch {@code batch}, and that the operator's key dictionary holds no more keys than that.
     */
    public void assertStringStateEquals(final BytesColumn stateKeys, final int n, final Map<String, Long> model,
        final int dictionarySize, final long batch)
    {
        final Map<String, Long> actual = new TreeMap<>();
        for (int i = 0; i < n; i++)
        {
            assertEquals(null, actual.put(stateKeys.string(i), outValues.get(i)), "each key once");
        }
        assertEquals(new TreeMap<>(model), actual, "state after batch " + batch);
        assertEquals(model.size(), dictionarySize, "the dictionary holds the state's keys, no more");
    }

    @Override
    public void close()
    {
        keys.close();
        values.close();
        outKeys.close();
        outValues.close();
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "off-heap bytes back to where the test started");
    }
}
