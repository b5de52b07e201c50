package io.sluice.internal.gen;

import io.sluice.internal.memory.OffHeapAllocator;
import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The generated {@link LongLongHashAggregator} against the hand-written {@link ReferenceLongLongHashAggregator},
 * operation by operation on random operations (insert, merge, find, value get/set, clear, the off-heap kernel and
 * copy-out), over key ranges small enough to collide and large enough to grow the table many times.
 */
class LongLongHashAggregatorTest
{
    private static final LongBinaryOperator F = (a, b) -> a * 31 + b;

    @Test
    void generatedEqualsReferenceOnRandomOperations()
    {
        for (final long keyRange : new long[] {3, 100, 5_000, Long.MAX_VALUE})
        {
            final SplittableRandom random = new SplittableRandom(keyRange);
            final LongLongHashAggregator generated = new LongLongHashAggregator(4);
            final ReferenceLongLongHashAggregator reference = new ReferenceLongLongHashAggregator();
            for (int op = 0; op < 200_000; op++)
            {
                final long key = keyRange == Long.MAX_VALUE ? random.nextLong() : random.nextLong(keyRange) * 1024;
                final long value = random.nextLong(1000);
                final int choice = random.nextInt(100);
                if (choice < 40)
                {
                    generated.merge(key, value, F);
                    reference.merge(key, value, F);
                }
                else if (choice < 65)
                {
                    assertEquals(reference.insert(key, value), generated.insert(key, value), "insert at op " + op);
                }
                else if (choice < 90)
                {
                    assertEquals(reference.find(key), generated.find(key), "find at op " + op);
                }
                else if (choice < 99)
                {
                    final int id = reference.find(key);
                    if (id >= 0)
                    {
                        assertEquals(reference.value(id), generated.value(id));
                        reference.value(id, value);
                        generated.value(id, value);
                    }
                }
                else if (random.nextInt(20) == 0)
                {
                    reference.clear();
                    generated.clear();
                }
                assertEquals(reference.size(), generated.size(), "size at op " + op);
            }
            for (int id = 0; id < reference.size(); id++)
            {
                assertEquals(reference.key(id), generated.key(id));
                assertEquals(reference.value(id), generated.value(id));
            }
        }
    }

    @Test
    void kernelAndCopyOutMatchALinkedHashMapAndFreeTheirColumns()
    {
        final long liveAtStart = OffHeapAllocator.liveBytes();
        final SplittableRandom random = new SplittableRandom(5);
        final int rows = 50_000;
        try (LongVector keys = new LongVector(rows); LongVector values = new LongVector(rows);
            IntVector selection = new IntVector(rows))
        {
            final Map<Long, Long> expected = new LinkedHashMap<>();
            for (int i = 0; i < rows; i++)
            {
                keys.add(random.nextLong(10_000));
                values.add(random.nextLong(100));
                if (i % 3 != 0)
                {
                    selection.add(i);
                    expected.merge(keys.get(i), values.get(i), (a, b) -> F.applyAsLong(a, b));
                }
            }
            final LongLongHashAggregator aggregator = new LongLongHashAggregator(16);
            aggregator.aggregate(keys.address(), values.address(), selection.address(), selection.size(), F);
            try (LongVector outKeys = new LongVector(aggregator.size()); LongVector outValues = new LongVector(aggregator.size()))
            {
                aggregator.copyTo(outKeys.address(), outValues.address());
                final List<Map.Entry<Long, Long>> actual = new ArrayList<>();
                for (int id = 0; id < aggregator.size(); id++)
                {
                    actual.add(Map.entry(UnsafeApi.getLong(outKeys.address() + 8L * id),
                        UnsafeApi.getLong(outValues.address() + 8L * id)));
                }
                assertEquals(new ArrayList<>(expected.entrySet()), actual);
            }
        }
        assertEquals(liveAtStart, OffHeapAllocator.liveBytes());
    }
}
