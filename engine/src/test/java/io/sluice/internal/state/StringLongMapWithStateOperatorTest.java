package io.sluice.internal.state;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.sluice.internal.state.SteadyStateFixture.BATCH_MS;
import static io.sluice.internal.state.SteadyStateFixture.KEYS;
import static io.sluice.internal.state.SteadyStateFixture.RECORDS_PER_BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link StringLongMapWithStateOperator}: a running sum per word that words with an odd value reset (remove), and that
 * times out after 3 batches idle (sweeps every 5th batch), against a map model over many batches of a moving
 * vocabulary: the snapshots match and the dictionary holds exactly the state's keys. Steady state allocates under
 * one byte per record; off-heap memory back to the start.
 */
class StringLongMapWithStateOperatorTest
{
    private static final long TIMEOUT_MS = 3 * BATCH_MS;

    private static void fill(final BytesColumn keys, final long b)
    {
        keys.clear();
        for (int i = 0; i < RECORDS_PER_BATCH; i++)
        {
            final long n = b * 100 + (i * 7919L) % KEYS;
            keys.appendString((n % 2 == 0 ? "w" : "a-longer-word-") + n);
        }
    }

    private static StringLongMapWithStateOperator resettingSum()
    {
        return new StringLongMapWithStateOperator((key, hasValue, value, state) ->
        {
            if (state.isTimingOut())
            {
                return -1;
            }
            if (value == 7 && key.charAt(0) == 'w')
            {
                if (state.exists())
                {
                    state.remove();
                }
                return 0;
            }
            state.update((state.exists() ? state.get() : 0) + value);
            return state.get();
        }, TIMEOUT_MS, 0, BATCH_MS);
    }

    @Test
    void matchesAMapModelAndHoldsOnlyTheStateKeys()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture();
            StringLongMapWithStateOperator op = resettingSum();
            BytesColumn keys = BytesColumn.allocate(RECORDS_PER_BATCH, 1 << 16);
            BytesColumn outKeys = BytesColumn.allocate(KEYS, 1 << 16);
            LongVector mapped = new LongVector(RECORDS_PER_BATCH))
        {
            final Map<String, Long> model = new HashMap<>();
            final Map<String, Long> storedAt = new HashMap<>();
            for (long b = 1; b <= 60; b++)
            {
                final long time = b * BATCH_MS;
                fill(keys, b / 3);
                long expectedCalls = 0;
                for (int i = 0; i < RECORDS_PER_BATCH; i++)
                {
                    final String key = keys.string(i);
                    final long value = fixture.values.get(i);
                    expectedCalls++;
                    if (value == 7 && key.charAt(0) == 'w')
                    {
                        model.remove(key);
                        storedAt.remove(key);
                    }
                    else
                    {
                        model.merge(key, value, Long::sum);
                        storedAt.put(key, time);
                    }
                }
                final boolean isSweep = b % 5 == 0;
                if (isSweep)
                {
                    for (final var it = storedAt.entrySet().iterator(); it.hasNext();)
                    {
                        final var entry = it.next();
                        if (entry.getValue() < time - TIMEOUT_MS)
                        {
                            model.remove(entry.getKey());
                            it.remove();
                            expectedCalls++;
                        }
                    }
                }
                mapped.clear();
                assertEquals(expectedCalls, op.update(time, keys, fixture.values.address(), 0, RECORDS_PER_BATCH,
                    isSweep, mapped), "calls in batch " + b);
                outKeys.clear();
                fixture.outValues.clear();
                final int n = op.snapshot(outKeys, fixture.outValues);
                fixture.assertStringStateEquals(outKeys, n, model, op.dictionarySize(), b);
            }
        }
    }

    @Test
    void steadyStateAllocatesUnderOneBytePerRecord()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture();
            StringLongMapWithStateOperator op = resettingSum();
            BytesColumn keys = BytesColumn.allocate(RECORDS_PER_BATCH, 1 << 16);
            LongVector mapped = new LongVector(RECORDS_PER_BATCH))
        {
            fill(keys, 0);
            fixture.assertBelowOneBytePerRecord("string mapWithState", b ->
            {
                mapped.clear();
                op.update(b * BATCH_MS, keys, fixture.values.address(), 0, RECORDS_PER_BATCH, b % 10 == 0, mapped);
            });
        }
    }
}
