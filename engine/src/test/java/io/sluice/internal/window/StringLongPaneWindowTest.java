package io.sluice.internal.window;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.internal.state.SteadyStateFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static io.sluice.internal.state.SteadyStateFixture.BATCH_MS;
import static io.sluice.internal.state.SteadyStateFixture.RECORDS_PER_BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link StringLongPaneWindow} against a direct model of the window (sums of the batches in it) over a long run whose
 * vocabulary keeps moving, so ids are released and reused and the key arena is compacted many times; the dictionary
 * holds exactly the keys the window still needs; steady state allocates under one byte per record, also while keys
 * churn; off-heap memory is back to the start after close.
 */
class StringLongPaneWindowTest
{
    private static final int BATCHES = 300;

    private long liveBytesBefore;

    @BeforeEach
    void recordLiveBytes()
    {
        liveBytesBefore = OffHeapAllocator.liveBytes();
    }

    @AfterEach
    void noLeak()
    {
        assertEquals(liveBytesBefore, OffHeapAllocator.liveBytes(), "off-heap bytes back to where the test started");
    }

    /** Batch {@code b}: 100 words drawn from a vocabulary of 200 that moves by 40 words per batch. */
    private static List<String> words(final Random random, final int b)
    {
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < 100; i++)
        {
            final int n = b * 40 + random.nextInt(200);
            out.add(n % 3 == 0 ? "k" + n : n % 3 == 1 ? "a-longer-key-" + n + "-" + "x".repeat(n % 17) : "ключ" + n);
        }
        return out;
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches), mode {2}")
    @CsvSource({"5,1,combine", "6,3,combine", "3,4,combine", "5,1,inverse", "6,3,inverse", "5,1,filter",
        "6,3,filter", "8,2,filter"})
    void matchesTheWindowModelWhileKeysComeAndGo(final int windowBatches, final int slideBatches, final String mode)
    {
        final Random random = new Random(windowBatches * 100L + slideBatches);
        final List<List<String>> batches = new ArrayList<>();
        final Set<String> everSeen = new HashSet<>();
        try (StringLongPaneWindow op = new StringLongPaneWindow(Long::sum,
            mode.equals("combine") ? null : (a, b) -> a - b, mode.equals("filter") ? (k, v) -> v != 0 : null,
            windowBatches * BATCH_MS, slideBatches * BATCH_MS, BATCH_MS);
            BytesColumn keys = BytesColumn.allocate(128, 4096); LongVector values = new LongVector(128);
            BytesColumn outKeys = BytesColumn.allocate(128, 4096); LongVector outValues = new LongVector(128))
        {
            for (int b = 1; b <= BATCHES; b++)
            {
                final List<String> batch = words(random, b);
                batches.add(batch);
                keys.clear();
                values.clear();
                for (int i = 0; i < batch.size(); i++)
                {
                    keys.appendString(batch.get(i));
                    values.add(1 + i % 3);
                }
                op.add(b * BATCH_MS, keys, values.address(), 0, batch.size());
                if (b % slideBatches != 0)
                {
                    continue;
                }
                final TreeMap<String, Long> expected = new TreeMap<>();
                for (int w = Math.max(1, b - windowBatches + 1); w <= b; w++)
                {
                    final List<String> inWindow = batches.get(w - 1);
                    for (int i = 0; i < inWindow.size(); i++)
                    {
                        expected.merge(inWindow.get(i), 1L + i % 3, Long::sum);
                    }
                    everSeen.addAll(inWindow);
                }
                if (mode.equals("inverse"))
                {
                    everSeen.forEach(k -> expected.putIfAbsent(k, 0L));
                }
                outKeys.clear();
                outValues.clear();
                final int n = op.slide(b * BATCH_MS, outKeys, outValues);
                final TreeMap<String, Long> actual = new TreeMap<>();
                for (int i = 0; i < n; i++)
                {
                    assertEquals(null, actual.put(outKeys.string(i), outValues.get(i)), "each key once");
                }
                assertEquals(expected, actual, "window at batch " + b);
                assertEquals(expected.size(), op.keys(), "the dictionary holds the window's keys, no more");
            }
        }
    }

    @Test
    void steadyStateAllocatesUnderOneBytePerRecord()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture(); Words words = new Words(1))
        {
            try (StringLongPaneWindow op = new StringLongPaneWindow(Long::sum, (a, b) -> a - b, (k, v) -> v != 0,
                100 * BATCH_MS, 10 * BATCH_MS, BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("string reduceByKeyAndWindow with inverse and filter",
                    b -> words.step(fixture, op, b, 10));
            }
            try (StringLongPaneWindow op = new StringLongPaneWindow(Long::sum, null, null, 100 * BATCH_MS,
                10 * BATCH_MS, BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("string reduceByKeyAndWindow without inverse",
                    b -> words.step(fixture, op, b, 10));
            }
        }
    }

    @Test
    void churningKeysAllocateUnderOneBytePerRecord()
    {
        try (SteadyStateFixture fixture = new SteadyStateFixture(); Words words = new Words(8))
        {
            try (StringLongPaneWindow op = new StringLongPaneWindow(Long::sum, (a, b) -> a - b, (k, v) -> v != 0,
                2 * BATCH_MS, BATCH_MS, BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("string window, a new vocabulary every batch",
                    b -> words.step(fixture, op, b, 1));
            }
            try (StringLongPaneWindow op = new StringLongPaneWindow(Long::sum, null, null, 2 * BATCH_MS, BATCH_MS,
                BATCH_MS))
            {
                fixture.assertBelowOneBytePerRecord("string window without inverse, a new vocabulary every batch",
                    b -> words.step(fixture, op, b, 1));
            }
        }
    }

    /** {@code vocabularies} batches of RECORDS_PER_BATCH words over KEYS keys each, disjoint, used in turn. */
    private static final class Words implements AutoCloseable
    {
        private final BytesColumn[] batches;
        private final BytesColumn outKeys = BytesColumn.allocate(SteadyStateFixture.KEYS, 1 << 16);

        Words(final int vocabularies)
        {
            batches = new BytesColumn[vocabularies];
            for (int v = 0; v < vocabularies; v++)
            {
                batches[v] = BytesColumn.allocate(RECORDS_PER_BATCH, RECORDS_PER_BATCH * 16);
                for (int i = 0; i < RECORDS_PER_BATCH; i++)
                {
                    final long key = (i * 7919L) % SteadyStateFixture.KEYS;
                    batches[v].appendString((key % 2 == 0 ? "w" : "a-longer-word-") + v + "-" + key);
                }
            }
        }

        /** Adds batch {@code b}; every {@code slideEvery}th batch slides. */
        void step(final SteadyStateFixture fixture, final StringLongPaneWindow op, final long b, final int slideEvery)
        {
            op.add(b * BATCH_MS, batches[(int)(b % batches.length)], fixture.values.address(), 0, RECORDS_PER_BATCH);
            if (b % slideEvery == 0)
            {
                outKeys.clear();
                fixture.outValues.clear();
                op.slide(b * BATCH_MS, outKeys, fixture.outValues);
            }
        }

        @Override
        public void close()
        {
            for (final BytesColumn batch : batches)
            {
                batch.close();
            }
            outKeys.close();
        }
    }
}
