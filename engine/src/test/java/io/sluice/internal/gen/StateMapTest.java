package io.sluice.internal.gen;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.StateMapDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated state maps against {@link HashMap} under random inserts, merges and removes (with shifts). */
@ExtendWith(OffHeapLeakCheck.class)
class StateMapTest
{
    @Test
    void longLongMatchesAHashMapUnderRandomOperations()
    {
        final Random random = new Random(42);
        final HashMap<Long, Long> reference = new HashMap<>();
        try (LongLongStateMap map = new LongLongStateMap(4))
        {
            for (int i = 0; i < 200_000; i++)
            {
                // a small key range forces long probe runs, removes in them, and key 0
                final long key = random.nextInt(3000) - 100;
                final int op = random.nextInt(4);
                if (op == 0)
                {
                    assertEquals(reference.remove(key) != null, map.remove(key));
                }
                else
                {
                    final long value = random.nextInt(1000);
                    map.merge(key, value, Long::sum);
                    reference.merge(key, value, Long::sum);
                }
            }
            assertEquals(reference.size(), map.size());
            int seen = 0;
            for (int slot = map.nextSlot(0); slot >= 0; slot = map.nextSlot(slot + 1))
            {
                assertEquals(reference.get(map.keyAt(slot)), map.valueAt(slot));
                seen++;
            }
            assertEquals(reference.size(), seen);
            for (final var entry : reference.entrySet())
            {
                assertEquals(entry.getValue(), map.valueAt(map.slotOf(entry.getKey())));
            }
        }
    }

    @Test
    void keepsInsertionOrderThroughRemovesGrowthAndCompaction()
    {
        final Random random = new Random(7);
        final LinkedHashMap<Long, Long> reference = new LinkedHashMap<>();
        try (LongLongStateMap map = new LongLongStateMap(4))
        {
            for (int i = 0; i < 100_000; i++)
            {
                final long key = random.nextInt(2000) - 50;
                if (random.nextInt(3) == 0)
                {
                    assertEquals(reference.remove(key) != null, map.remove(key));
                }
                else
                {
                    final long value = random.nextInt(1000);
                    map.merge(key, value, Long::sum);
                    reference.merge(key, value, Long::sum);
                    map.updateTimeAt(map.slotOf(key), key + 1000);
                }
                if (i % 9973 == 0)
                {
                    assertInOrder(reference, map);
                }
            }
            assertInOrder(reference, map);
            map.clear();
            map.put(5, 1);
            map.put(-3, 2);
            map.put(5, 3);
            map.updateTimeAt(map.slotOf(5), 1005);
            map.updateTimeAt(map.slotOf(-3), 997);
            reference.clear();
            reference.put(5L, 3L);
            reference.put(-3L, 2L);
            assertInOrder(reference, map);
        }
    }

    private static void assertInOrder(final LinkedHashMap<Long, Long> reference, final LongLongStateMap map)
    {
        assertEquals(reference.size(), map.size());
        int slot = map.nextSlot(0);
        for (final var entry : reference.entrySet())
        {
            assertTrue(slot >= 0, "an entry per reference entry");
            assertEquals(entry.getKey(), map.keyAt(slot), "key in insertion order");
            assertEquals(entry.getValue(), map.valueAt(slot));
            assertEquals(entry.getKey() + 1000, map.updateTimeAt(slot), "the time moves with its entry");
            assertEquals(slot, map.slotOf(entry.getKey()));
            slot = map.nextSlot(slot + 1);
        }
        assertEquals(-1, slot, "no entry beyond the reference's");
    }

    @Test
    void intDoubleKeepsKeyZeroAndGrows()
    {
        try (IntDoubleStateMap map = new IntDoubleStateMap(1))
        {
            map.put(0, 1.5);
            for (int key = 1; key <= 1000; key++)
            {
                map.put(key, key / 2.0);
            }
            assertEquals(1001, map.size());
            assertEquals(1.5, map.valueAt(map.slotOf(0)));
            assertEquals(250.0, map.valueAt(map.slotOf(500)));
            assertTrue(map.capacity() >= 1001 / StateMapDescriptor.MAX_LOAD);
            assertTrue(map.remove(0));
            assertFalse(map.containsKey(0));
            map.clear();
            assertEquals(0, map.size());
            assertEquals(-1, map.nextSlot(0));
        }
    }

    @Test
    void timesAreStrictlyComparedAndSurviveARebase()
    {
        final long batchMs = 1000;
        try (LongLongStateMap map = new LongLongStateMap(16, 0, batchMs))
        {
            final int slot = -map.insertSlot(7) - 1;
            map.updateTimeAt(slot, 5000);
            assertEquals(5000, map.updateTimeAt(slot));
            assertFalse(map.isUpdatedBefore(slot, 5000), "idle means STRICTLY older than the threshold");
            assertTrue(map.isUpdatedBefore(slot, 6000));

            final long far = (Integer.MAX_VALUE + 10L) * batchMs;
            final int other = -map.insertSlot(8) - 1;
            map.updateTimeAt(other, far);
            assertEquals(far, map.updateTimeAt(other), "the origin moved; the new time reads back exactly");
            assertTrue(map.isUpdatedBefore(map.slotOf(7), far - 1), "an entry older than the rebase stays old");
        }
    }

    @Test
    void paneRingSubtractsAndCombinesPanes()
    {
        try (LongLongPaneRing ring = new LongLongPaneRing(3); LongLongStateMap window = new LongLongStateMap(16))
        {
            ring.add(0, 1, 10, Long::sum);
            ring.add(0, 1, 5, Long::sum);
            ring.add(1, 2, 7, Long::sum);
            ring.sealBefore(2);
            assertEquals(1, ring.paneSize(0));
            ring.combine(0, 2, window, Long::sum);
            assertEquals(2, window.size());
            assertEquals(15, window.valueAt(window.slotOf(1)));
            ring.subtractFrom(0, window, (a, b) -> a - b, 2, 3);
            assertEquals(0, window.valueAt(window.slotOf(1)));
            ring.clear(0);
            assertEquals(0, ring.paneSize(0));
            assertEquals(0, ring.paneSize(3), "pane 3 reuses pane 0's slot, empty until sealed");
            ring.add(5, 1, 1, Long::sum);
            assertThrows(IllegalStateException.class, () -> ring.add(4, 1, 1, Long::sum), "pane 4 came after pane 5");
        }
    }
}
