package io.sluice.internal.window;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.SteadyStateFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
@ExtendWith(OffHeapLeakCheck.class)
class StringLongPaneWindowTest
{
    private static final int BATCHES = 300;

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

    /** Runs batches {@code from..to} of {@code batches} and returns every slide's output, in output order. */
    private static List<List<String>> runSlides(final StringLongPaneWindow op, final List<List<String>> batches,
        final int from, final int to, final int slideBatches)
    {
        final List<List<String>> slides = new ArrayList<>();
        try (BytesColumn keys = BytesColumn.allocate(128, 4096); LongVector values = new LongVector(128);
            BytesColumn outKeys = BytesColumn.allocate(128, 4096); LongVector outValues = new LongVector(128))
        {
            for (int b = from; b <= to; b++)
            {
                final List<String> batch = batches.get(b - 1);
                keys.clear();
                values.clear();
                for (int i = 0; i < batch.size(); i++)
                {
                    keys.appendString(batch.get(i));
                    values.add(1 + i % 3);
                }
                op.add(b * BATCH_MS, keys, values.address(), 0, batch.size());
                if (b % slideBatches == 0)
                {
                    outKeys.clear();
                    outValues.clear();
                    final int n = op.slide(b * BATCH_MS, outKeys, outValues);
                    final List<String> slide = new ArrayList<>(n);
                    for (int i = 0; i < n; i++)
                    {
                        slide.add(outKeys.string(i) + "=" + outValues.get(i));
                    }
                    slides.add(slide);
                }
            }
        }
        return slides;
    }

    private static StringLongPaneWindow window(final String mode, final int windowBatches, final int slideBatches)
    {
        return new StringLongPaneWindow(Long::sum, mode.equals("combine") ? null : (a, b) -> a - b,
            mode.equals("filter") ? (k, v) -> v != 0 : null, windowBatches * BATCH_MS, slideBatches * BATCH_MS,
            BATCH_MS);
    }

    /**
     * Snapshot after slide k (ids released and reused, the arena compacted, before it), restore into a fresh window:
     * every later slide equals the uninterrupted run's, keys, values and order, at every k.
     */
    @ParameterizedTest(name = "restored: window {0} slide {1} (batches), mode {2}")
    @CsvSource({"5,1,combine", "6,3,combine", "3,4,combine", "5,1,inverse", "6,3,inverse", "5,1,filter",
        "8,2,filter"})
    void aRestoredWindowContinuesExactly(final int windowBatches, final int slideBatches, final String mode)
        throws java.io.IOException
    {
        final int batchCount = 60;
        final Random random = new Random(windowBatches * 7L + slideBatches);
        final List<List<String>> batches = new ArrayList<>();
        for (int b = 1; b <= batchCount; b++)
        {
            batches.add(words(random, b));
        }
        final List<List<String>> expected;
        try (StringLongPaneWindow whole = window(mode, windowBatches, slideBatches))
        {
            expected = runSlides(whole, batches, 1, batchCount, slideBatches);
        }
        for (int cut = slideBatches; cut < batchCount; cut += slideBatches)
        {
            try (StringLongPaneWindow before = window(mode, windowBatches, slideBatches);
                StringLongPaneWindow after = window(mode, windowBatches, slideBatches))
            {
                final List<List<String>> seen = new ArrayList<>(runSlides(before, batches, 1, cut, slideBatches));
                final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes))
                {
                    before.writeState(out);
                }
                after.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
                assertEquals(before.keys(), after.keys(), "keys held after restore at batch " + cut);
                seen.addAll(runSlides(after, batches, cut + 1, batchCount, slideBatches));
                assertEquals(expected, seen, "restored after batch " + cut);
            }
        }
    }

    @Test
    void aRestoreIntoAUsedWindowOrOfAnotherVersionIsRefused() throws java.io.IOException
    {
        final List<List<String>> batches = new ArrayList<>();
        final Random random = new Random(3);
        for (int b = 1; b <= 4; b++)
        {
            batches.add(words(random, b));
        }
        try (StringLongPaneWindow op = window("inverse", 3, 1); StringLongPaneWindow other = window("inverse", 3, 1))
        {
            runSlides(op, batches, 1, 4, 1);
            final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes))
            {
                op.writeState(out);
            }
            final byte[] state = bytes.toByteArray();
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> op.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(state))));
            state[3] = 9;
            final IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> other.readState(new java.io.DataInputStream(new java.io.ByteArrayInputStream(state))));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("version 9"), e.getMessage());
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
