package io.sluice.internal.state;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.sluice.internal.state.SteadyStateFixture.KEYS;
import static io.sluice.internal.state.SteadyStateFixture.RECORDS_PER_BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link StringLongUpdateStateOperator}: a running count per word that expires after two batches without the word,
 * against a map model over many batches of a moving vocabulary (the dictionary holds exactly the state's keys, ids
 * and bytes reused); steady state allocates under one byte per record; off-heap memory back to the start.
 */
class StringLongUpdateStateOperatorTest
{
    /** Batch {@code b}'s words: RECORDS_PER_BATCH words over KEYS keys, the vocabulary moving by 100 per batch. */
    private static void fill(final BytesColumn keys, final long b)
    {
        keys.clear();
        for (int i = 0; i < RECORDS_PER_BATCH; i++)
        {
            final long n = b * 100 + (i * 7919L) % KEYS;
            keys.appendString((n % 2 == 0 ? "w" : "a-longer-word-") + n);
        }
    }

    private static StringLongUpdateStateOperator expiringCount()
    {
        return new StringLongUpdateStateOperator((key, values, state) ->
        {
            if (values.size() > 0)
            {
                state.update((state.exists() ? state.get() & 0xFFFF_FFFFL : 0) + values.sum());
            }
            else if (state.get() >>> 32 == 1)
            {
                state.remove();
            }
            else
            {
                state.update(state.get() | 1L << 32);
            }
        });
    }

    @Test
    void matchesAMapModelAndHoldsOnlyTheStateKeys()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture();
            StringLongUpdateStateOperator op = expiringCount();
            BytesColumn keys = BytesColumn.allocate(RECORDS_PER_BATCH, 1 << 16);
            BytesColumn outKeys = BytesColumn.allocate(KEYS, 1 << 16))
        {
            final Map<String, Long> model = new HashMap<>();
            for (long b = 1; b <= 40; b++)
            {
                fill(keys, b);
                final Map<String, Long> batch = new HashMap<>();
                for (int i = 0; i < RECORDS_PER_BATCH; i++)
                {
                    batch.merge(keys.string(i), fixture.values.get(i), Long::sum);
                }
                for (final var it = model.entrySet().iterator(); it.hasNext();)
                {
                    final var entry = it.next();
                    final Long add = batch.remove(entry.getKey());
                    if (add != null)
                    {
                        entry.setValue((entry.getValue() & 0xFFFF_FFFFL) + add);
                    }
                    else if (entry.getValue() >>> 32 == 1)
                    {
                        it.remove();
                    }
                    else
                    {
                        entry.setValue(entry.getValue() | 1L << 32);
                    }
                }
                model.putAll(batch);
                outKeys.clear();
                fixture.outValues.clear();
                final int n = op.update(keys, fixture.values.address(), 0, RECORDS_PER_BATCH, outKeys,
                    fixture.outValues);
                fixture.assertStringStateEquals(outKeys, n, model, op.dictionarySize(), b);
            }
        }
    }

    @Test
    void steadyStateAllocatesUnderOneBytePerRecord()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture();
            StringLongUpdateStateOperator op = expiringCount();
            BytesColumn keys = BytesColumn.allocate(RECORDS_PER_BATCH, 1 << 16);
            BytesColumn outKeys = BytesColumn.allocate(KEYS, 1 << 16))
        {
            fill(keys, 0);
            fixture.assertBelowOneBytePerRecord("string updateStateByKey", b ->
            {
                outKeys.clear();
                fixture.outValues.clear();
                op.update(keys, fixture.values.address(), 0, RECORDS_PER_BATCH, outKeys, fixture.outValues);
            });
        }
    }
}
