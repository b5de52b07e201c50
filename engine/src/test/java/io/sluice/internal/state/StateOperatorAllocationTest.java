package io.sluice.internal.state;

import io.sluice.internal.gen.LongVector;
import org.junit.jupiter.api.Test;

import static io.sluice.internal.state.SteadyStateFixture.BATCH_MS;
import static io.sluice.internal.state.SteadyStateFixture.RECORDS_PER_BATCH;

/**
 * Steady state of each fast state operator allocates less than one byte per record: a count of the bytes this thread
 * allocates over many batches once the key set is stable ({@code LongStateUpdateBenchmark -prof gc} measures the same
 * thing). Off-heap memory is back to where it started when the operators close.
 */
class StateOperatorAllocationTest
{
    @Test
    void updateStateByKey()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture())
        {
            try (LongLongUpdateStateOperator op = new LongLongUpdateStateOperator((key, newValues, state) ->
                state.update((state.exists() ? state.get() : 0) + newValues.sum())))
            {
                fixture.assertBelowOneBytePerRecord("updateStateByKey", b ->
                {
                    fixture.outKeys.clear();
                    fixture.outValues.clear();
                    op.update(fixture.keys.address(), fixture.values.address(), 0, RECORDS_PER_BATCH, fixture.outKeys,
                        fixture.outValues);
                });
            }
        }
    }

    @Test
    void mapWithStateWithTimeoutSweeps()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture())
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
                fixture.assertBelowOneBytePerRecord("mapWithState", b ->
                {
                    mapped.clear();
                    op.update(b * BATCH_MS, fixture.keys.address(), fixture.values.address(), 0, RECORDS_PER_BATCH,
                        b % 10 == 0, mapped);
                });
            }
        }
    }
}
