package io.sluice.internal.memory;

import org.agrona.UnsafeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The large-block cache: reuse within a size class, contents kept across reallocation, counts, trimming. */
class OffHeapAllocatorTest
{
    private static final long MIB = 1L << 20;

    @AfterEach
    void trim()
    {
        OffHeapAllocator.trimCache();
    }

    @Test
    void sizeClassesRoundUpByAtMostAnEighth()
    {
        assertEquals(MIB, OffHeapAllocator.classSize(MIB));
        assertEquals(MIB + MIB / 8, OffHeapAllocator.classSize(MIB + 1));
        assertEquals(2 * MIB, OffHeapAllocator.classSize(2 * MIB - 1));
        for (long bytes = MIB; bytes < 64 * MIB; bytes += 77_777)
        {
            final long size = OffHeapAllocator.classSize(bytes);
            assertTrue(size >= bytes && size - bytes <= bytes / 8, bytes + " -> " + size);
        }
    }

    @Test
    void aFreedLargeBlockIsReusedForTheSameClassAndCountsAsNotLive()
    {
        OffHeapAllocator.trimCache();
        final long liveBefore = OffHeapAllocator.liveBytes();
        final long first = OffHeapAllocator.allocate(3 * MIB + 5);
        OffHeapAllocator.free(first, 3 * MIB + 5);
        assertEquals(liveBefore, OffHeapAllocator.liveBytes());
        assertEquals(OffHeapAllocator.classSize(3 * MIB + 5), OffHeapAllocator.cachedBytes());
        final long second = OffHeapAllocator.allocate(3 * MIB + 100);
        assertEquals(first, second, "the same class reuses the cached block");
        assertEquals(0, OffHeapAllocator.cachedBytes());
        UnsafeApi.putLong(second + 3 * MIB + 92, 42);   // the whole requested size is usable
        OffHeapAllocator.free(second, 3 * MIB + 100);
        OffHeapAllocator.trimCache();
        assertEquals(0, OffHeapAllocator.cachedBytes());
    }

    @Test
    void reallocationKeepsTheContentsAcrossSmallAndLargeAndClasses()
    {
        long bytes = 1024;
        long address = OffHeapAllocator.allocate(bytes);
        UnsafeApi.putLong(address, 7);
        final long liveBefore = OffHeapAllocator.liveBytes();
        for (final long next : new long[]{2 * MIB, 2 * MIB + 8, 5 * MIB, 64 * 1024, 9 * MIB - 64})
        {
            final long moved = OffHeapAllocator.reallocate(address, bytes, next);
            assertEquals(7, UnsafeApi.getLong(moved), "after " + bytes + " -> " + next);
            UnsafeApi.putLong(moved + next - 8, next);
            assertEquals(liveBefore - 1024 + next, OffHeapAllocator.liveBytes());
            address = moved;
            bytes = next;
        }
        final long sameClass = OffHeapAllocator.reallocate(address, bytes, bytes + 8);
        assertEquals(address, sameClass, "growing within the class keeps the block");
        OffHeapAllocator.free(sameClass, bytes + 8);
        assertNotEquals(0, OffHeapAllocator.cachedBytes());
    }
}
