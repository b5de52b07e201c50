package io.sluice.internal.window;

import io.sluice.internal.state.SteadyStateFixture;
import org.junit.jupiter.api.Test;

import static io.sluice.internal.state.SteadyStateFixture.BATCH_MS;
import static io.sluice.internal.state.SteadyStateFixture.RECORDS_PER_BATCH;

/**
 * Steady state of each fast window operator allocates less than one byte per record: a count of the bytes this
 * thread allocates over many slides once the key set is stable ({@code LongWindowSlideBenchmark -prof gc} measures the
 * same thing). Off-heap memory is back to where it started when the operators close.
 */
class WindowOperatorAllocationTest
{
    @Test
    void reducedWindowWithInverse()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture())
        {
            try (LongLongReducedWindowOperator op = new LongLongReducedWindowOperator(Long::sum, (a, b) -> a - b,
                (k, v) -> v != 0, 100 * BATCH_MS, 10 * BATCH_MS, BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("reduceByKeyAndWindow with inverse", b -> slide(fixture, op, b));
            }
        }
    }

    @Test
    void windowedReduceWithoutInverse()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture())
        {
            try (LongLongWindowedReduceOperator op = new LongLongWindowedReduceOperator(Long::sum, 100 * BATCH_MS,
                10 * BATCH_MS, BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("reduceByKeyAndWindow without inverse", b -> slide(fixture, op, b));
            }
        }
    }

    /** Adds batch {@code b}; every 10th batch slides the window. */
    private static void slide(final SteadyStateFixture fixture, final LongLongPaneWindow op, final long b)
    {
        op.add(b * BATCH_MS, fixture.keys.address(), fixture.values.address(), 0, RECORDS_PER_BATCH);
        if (b % 10 == 0)
        {
            fixture.outKeys.clear();
            fixture.outValues.clear();
            op.slide(b * BATCH_MS, fixture.outKeys, fixture.outValues);
        }
    }
}
