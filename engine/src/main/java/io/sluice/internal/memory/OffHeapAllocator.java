package io.sluice.internal.memory;

import org.agrona.UnsafeApi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one allocator through which every byte of off-heap memory in Sluice is taken and given back.
 * It counts what is live so tests (and operators' leak checks) can assert that a stopped context
 * returned everything.
 *
 * <p>Large blocks (at least {@value #LARGE_BYTES} bytes: a batch's columns, a keyed state's output) are rounded up to
 * a size class (eight per power of two, so at most 1/8 more) and, when freed, kept in a bounded cache
 * ({@code -Dsluice.memory.blockCacheBytes}, default 64 MiB; 0 turns it off) for the next block of the same class.
 * Without it each batch's fresh columns come from {@code mmap} and are paid for again in page faults (half the
 * replay time of a 1 M-key {@code updateStateByKey}, measured). {@link #trimCache()} gives the cached blocks back.
 *
 * <p>Thread-safe: any thread may allocate or free. Allocation allocates no heap object.
 * Memory is not zeroed unless {@link #allocateZeroed(long)} is used.
 */
public final class OffHeapAllocator
{
    /** The smallest block the cache keeps: 128 KiB (glibc's default mmap threshold). */
    static final long LARGE_BYTES = 1L << 17;
    private static final int LARGE_SHIFT = 17;
    private static final int CLASSES_PER_DOUBLING = 8;
    private static final int BLOCKS_PER_CLASS = 4;
    private static final long CACHE_LIMIT = Long.getLong("sluice.memory.blockCacheBytes", 64L << 20);
    private static final AtomicLong LIVE_BYTES = new AtomicLong();
    private static final AtomicLong LIVE_ALLOCATIONS = new AtomicLong();
    private static final long[][] CACHE = new long[(63 - LARGE_SHIFT) * CLASSES_PER_DOUBLING][];
    private static final int[] CACHED = new int[CACHE.length];
    private static long cachedBytes;

    private OffHeapAllocator()
    {
    }

    /**
     * @param bytes how many bytes, greater than zero.
     * @return the address of the new block; give it back with {@link #free(long, long)} and the same size.
     */
    public static long allocate(final long bytes)
    {
        if (bytes <= 0)
        {
            throw new IllegalArgumentException("off-heap allocation must be > 0 bytes, was " + bytes);
        }
        final long address = bytes < LARGE_BYTES ? UnsafeApi.allocateMemory(bytes) : allocateLarge(bytes);
        LIVE_BYTES.addAndGet(bytes);
        LIVE_ALLOCATIONS.incrementAndGet();
        return address;
    }

    public static long allocateZeroed(final long bytes)
    {
        final long address = allocate(bytes);
        UnsafeApi.setMemory(address, bytes, (byte)0);
        return address;
    }

    /**
     * Grows or shrinks a block, keeping its first {@code min(oldBytes, newBytes)} bytes.
     */
    public static long reallocate(final long address, final long oldBytes, final long newBytes)
    {
        if (newBytes <= 0)
        {
            throw new IllegalArgumentException("off-heap reallocation must be > 0 bytes, was " + newBytes);
        }
        if (oldBytes < LARGE_BYTES && newBytes < LARGE_BYTES)
        {
            final long newAddress = UnsafeApi.reallocateMemory(address, newBytes);
            LIVE_BYTES.addAndGet(newBytes - oldBytes);
            return newAddress;
        }
        if (address != 0 && oldBytes >= LARGE_BYTES && newBytes >= LARGE_BYTES
            && classSize(oldBytes) == classSize(newBytes))
        {
            LIVE_BYTES.addAndGet(newBytes - oldBytes);
            return address;
        }
        final long newAddress = allocate(newBytes);
        if (address != 0)
        {
            UnsafeApi.copyMemory(address, newAddress, Math.min(oldBytes, newBytes));
            free(address, oldBytes);
        }
        return newAddress;
    }

    /**
     * @param address a block from {@link #allocate(long)}; 0 is ignored so callers can free unconditionally.
     * @param bytes   the size it was allocated (or last reallocated) with.
     */
    public static void free(final long address, final long bytes)
    {
        if (address == 0)
        {
            return;
        }
        if (bytes < LARGE_BYTES)
        {
            UnsafeApi.freeMemory(address);
        }
        else
        {
            freeLarge(address, bytes);
        }
        LIVE_BYTES.addAndGet(-bytes);
        LIVE_ALLOCATIONS.decrementAndGet();
    }

    /** Bytes allocated and not yet freed, across the JVM. */
    public static long liveBytes()
    {
        return LIVE_BYTES.get();
    }

    /** Blocks allocated and not yet freed, across the JVM. */
    public static long liveAllocations()
    {
        return LIVE_ALLOCATIONS.get();
    }

    /** Bytes held by the block cache (freed blocks kept for reuse; not counted as live). */
    public static synchronized long cachedBytes()
    {
        return cachedBytes;
    }

    /** Gives every cached block back to the operating system (a context calls it when it stops). */
    public static synchronized void trimCache()
    {
        for (int c = 0; c < CACHE.length; c++)
        {
            while (CACHED[c] > 0)
            {
                UnsafeApi.freeMemory(CACHE[c][--CACHED[c]]);
            }
        }
        cachedBytes = 0;
    }

    /** A large block's class size: {@code bytes} rounded up to an eighth of its power of two. */
    static long classSize(final long bytes)
    {
        final long step = Long.highestOneBit(bytes) / CLASSES_PER_DOUBLING;
        return (bytes + step - 1) / step * step;
    }

    private static int classIndex(final long classSize)
    {
        final long power = Long.highestOneBit(classSize);
        return (Long.numberOfTrailingZeros(power) - LARGE_SHIFT) * CLASSES_PER_DOUBLING
            + (int)(classSize / (power / CLASSES_PER_DOUBLING)) - CLASSES_PER_DOUBLING;
    }

    private static long allocateLarge(final long bytes)
    {
        final long size = classSize(bytes);
        final int c = classIndex(size);
        synchronized (OffHeapAllocator.class)
        {
            if (CACHED[c] > 0)
            {
                cachedBytes -= size;
                return CACHE[c][--CACHED[c]];
            }
        }
        return UnsafeApi.allocateMemory(size);
    }

    private static void freeLarge(final long address, final long bytes)
    {
        final long size = classSize(bytes);
        final int c = classIndex(size);
        synchronized (OffHeapAllocator.class)
        {
            if (cachedBytes + size <= CACHE_LIMIT && CACHED[c] < BLOCKS_PER_CLASS)
            {
                if (CACHE[c] == null)
                {
                    CACHE[c] = new long[BLOCKS_PER_CLASS];
                }
                CACHE[c][CACHED[c]++] = address;
                cachedBytes += size;
                return;
            }
        }
        UnsafeApi.freeMemory(address);
    }
}
